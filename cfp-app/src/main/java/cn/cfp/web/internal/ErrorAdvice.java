package cn.cfp.web.internal;

import cn.cfp.shared.Reason;
import cn.cfp.shared.ReasonTexts;
import cn.cfp.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns refusals into a page (people) or JSON (API clients): {@code {"status": 400, "errors": [{"code", "message",
 * "args", "field"}]}}, each message in the request's language only.
 */
@ControllerAdvice
class ErrorAdvice {

    private final ReasonTexts texts;

    ErrorAdvice(ReasonTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(Refusal.class)
    Object refusal(Refusal e, HttpServletRequest request, HttpServletResponse response) {
        return respond(e.status(), e.reasons(), request, response);
    }

    /**
     * Two people changing the same record at once: the database refused one of them (a lock it could not take). That
     * person is told to reload and try again; the other's change stands and nothing is half-written.
     */
    @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
    Object concurrent(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(409, List.of(Reason.of("shared.concurrentChange")), request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(403, List.of(Reason.of("shared.denied")), request, response);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    Object upload(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(413, List.of(Reason.of("shared.uploadTooLarge", "64 MB")), request, response);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    Object unreadable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(400, List.of(Reason.of("shared.unreadableBody")), request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(400, List.of(Reason.of("shared.badParameter", e.getParameterName()).at(e.getParameterName())), request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(400, List.of(Reason.of("shared.badParameter", e.getName()).at(e.getName())), request, response);
    }

    private Object respond(int status, List<Reason> reasons, HttpServletRequest request, HttpServletResponse response) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("errors", reasons);
            return ResponseEntity.status(status).body(body);
        }
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error/refused");
        mav.addObject("status", status);
        mav.addObject("reasons", texts.texts(reasons, LocaleContextHolder.getLocale()));
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return mav;
    }
}
