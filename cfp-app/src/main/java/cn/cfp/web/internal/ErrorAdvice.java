package cn.cfp.web.internal;

import cn.cfp.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** Turns refusals into a clear page (people) or JSON (API clients), with the reasons word for word. */
@ControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(Refusal.class)
    Object refusal(Refusal e, HttpServletRequest request, HttpServletResponse response) {
        return respond(e.status(), e.reasons(), request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(403, List.of("You are not allowed to do this / 您无权执行此操作"), request, response);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    Object upload(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(413, List.of("The upload is too large or malformed: " + e.getMessage() + " / 上传文件过大或格式错误"), request, response);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    Object unreadable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return respond(400, List.of("The request body is missing or is not valid JSON of the expected shape: "
                + cause.getMessage() + " / 请求内容缺失或格式不正确"), request, response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return respond(400, List.of(e.getMessage()), request, response);
    }

    private Object respond(int status, List<String> reasons, HttpServletRequest request, HttpServletResponse response) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (api) {
            return ResponseEntity.status(status).body(Map.of("status", status, "errors", reasons));
        }
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error/refused");
        mav.addObject("status", status);
        mav.addObject("reasons", reasons);
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return mav;
    }
}
