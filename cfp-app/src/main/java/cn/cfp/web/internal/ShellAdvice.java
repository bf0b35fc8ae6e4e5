package cn.cfp.web.internal;

import cn.cfp.access.CfpPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

@ControllerAdvice
class ShellAdvice {

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        CfpPrincipal user = auth != null && auth.getPrincipal() instanceof CfpPrincipal p ? p : null;
        return Shell.of(user, request.getRequestURI().substring(request.getContextPath().length()));
    }
}
