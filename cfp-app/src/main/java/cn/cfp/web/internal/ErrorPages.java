package cn.cfp.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import cn.cfp.shared.Reason;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.Controller;

/**
 * The servlet container's error page ({@code /error}, in place of Spring Boot's Whitelabel page): what no handler
 * answered — a 403 of the security filters (an expired form), an exception thrown in a filter or while a page was
 * rendered, any {@code sendError} — answered like every other problem ({@link ErrorAnswers}): JSON for the API, an error
 * page inside the shell for people.
 *
 * <p>A plain {@link Controller} registered under its bean name, not a {@code @Controller} method: the access table
 * governs the application's endpoints, not this one. The error dispatch is a GET whatever the original method was.
 */
@Component("/error")
class ErrorPages implements Controller, ErrorController {

    private final ErrorAnswers answers;

    ErrorPages(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    public ModelAndView handleRequest(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // opened directly (not an error dispatch): there is no page here
        int status = code instanceof Integer i ? i : response.getStatus() >= 400 ? response.getStatus() : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s.substring(Math.min(s.length(), request.getContextPath().length()))
                : request.getRequestURI().substring(request.getContextPath().length());
        Throwable error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t
                : request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof Throwable t ? t : null;
        Problem problem;
        if (error != null) {
            problem = Problem.of(error, path, answers.maxFileSize());
            if (problem.status() != status && status != 500 && !problem.unexpected()) {
                problem = Problem.ofStatus(status, path, error);
            }
        } else if (status == 403 && sentForm(request)) {
            // the security filters refuse a form only for its CSRF token (who may do what is the access table's, which
            // answers with its own reasons before this page); they say 403 and nothing more
            problem = Problem.of(403, Reason.of("web.formExpired"), null);
        } else {
            problem = Problem.ofStatus(status, path, null);
        }
        return answers.answer(problem, request, response, path, request.getMethod(), true);
    }

    /** The request carried a form (the error dispatch no longer tells its method, but the headers are the original's). */
    private static boolean sentForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
