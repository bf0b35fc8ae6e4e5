package cn.cfp.web.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.notification.Notifications;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's model holds: the shell, the page's own address and a refused form coming back to it. */
@ControllerAdvice
class ShellAdvice {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShellAdvice.class);

    private final Notifications notifications;

    ShellAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        CfpPrincipal user = auth != null && auth.getPrincipal() instanceof CfpPrincipal p ? p : null;
        return Shell.of(user, request.getRequestURI().substring(request.getContextPath().length()),
                user == null ? () -> 0 : () -> unread(user));
    }

    /** The badge never fails a page: when the count cannot be read now, none is shown. */
    private long unread(CfpPrincipal user) {
        try {
            return notifications.unreadCount(user.id());
        } catch (RuntimeException e) {
            LOG.warn("unread notifications of {} not counted: {}", user.username(), e.toString());
            return 0;
        }
    }

    /**
     * This page's address (path and query, without the context path), which its forms send as {@code _page} so that a
     * refused form comes back here (without the markers of a search form that led here); null on a page answering a
     * POST (its address is not a page to go back to).
     */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString() == null ? "" : java.util.Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.startsWith("_form=") && !p.startsWith("_page=") && !p.isEmpty())
                .collect(java.util.stream.Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    /**
     * The refused form coming back to this page (a flash attribute, which the model already holds when there is one,
     * so this is not called then); otherwise {@link FormRefusal#NONE}.
     */
    @ModelAttribute(FormRefusal.ATTRIBUTE)
    FormRefusal refused() {
        return FormRefusal.NONE;
    }
}
