package cn.cfp.access.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.UserDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person whose password an administrator reset must choose a new one before doing anything else (issue 8 item 8):
 * at login the session is marked, and every page but the password page, logging out and static files leads there.
 */
@Component
class PasswordChangeGate extends OncePerRequestFilter {

    static final String MARK = "cfp.mustChangePassword";
    static final String PAGE = "/account/password";

    private final UserDirectory users;

    PasswordChangeGate(UserDirectory users) {
        this.users = users;
    }

    /** After a successful form login: the password page if the password must change, else where the person was going. */
    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler normal = new SavedRequestAwareAuthenticationSuccessHandler();
        normal.setDefaultTargetUrl("/mywork");
        return (request, response, authentication) -> {
            if (mustChange(authentication)) {
                request.getSession().setAttribute(MARK, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + PAGE);
            } else {
                normal.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private boolean mustChange(Authentication authentication) {
        return authentication.getPrincipal() instanceof CfpPrincipal p && users.get(p.id()).mustChangePassword();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(MARK) != null && !allowed(request)) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PAGE) || path.equals("/logout") || path.equals("/login") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.equals("/favicon.ico") || path.equals("/error");
    }
}
