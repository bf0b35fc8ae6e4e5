package cn.cfp.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every exception a handler (or the access check before it) throws is answered in words, never with an exception's
 * class or message: a {@link cn.cfp.shared.Refusal} with its reasons, a request Spring could not bind with what was
 * wrong, a database constraint as 409/400, anything else as 500 with a logged reference. See {@link ErrorAnswers} for
 * how (JSON for the API, back to the form, or an error page inside the shell); errors outside a handler reach
 * {@link ErrorPages}.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorAdvice {

    private final ErrorAnswers answers;

    ErrorAdvice(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView any(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Problem problem = Problem.of(e, path, answers.maxFileSize());
        if (response.isCommitted()) {
            // part of the answer (a download) is already on its way: only the log can say what went wrong
            answers.logged(problem, path, request.getMethod());
            return new ModelAndView();
        }
        return answers.answer(problem, request, response, path, request.getMethod(), false);
    }
}
