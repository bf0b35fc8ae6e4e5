package cn.cfp.web.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What the page shell shows: the user, the navigation their roles allow and their unread notifications (counted only
 * when a page shows the header — one indexed query — never for an API call).
 */
public record Shell(CfpPrincipal user, List<NavItem> nav, LongSupplier unreadCounter) {

    private static final LongSupplier NONE = () -> 0;

    public record NavItem(String path, String labelKey, boolean active) {
    }

    public boolean isAdmin() {
        return user != null && user.has(Role.ADMIN);
    }

    public boolean getAdmin() {
        return isAdmin();
    }

    /** The signed-in person's unread notifications (0 for nobody). */
    public long getUnread() {
        return unreadCounter.getAsLong();
    }

    static Shell of(CfpPrincipal user, String requestPath) {
        return of(user, requestPath, NONE);
    }

    /** The shell; {@code unread} counts the person's unread notifications, at most once, when first asked. */
    static Shell of(CfpPrincipal user, String requestPath, LongSupplier unread) {
        if (user == null) {
            return new Shell(null, List.of(), NONE);
        }
        List<NavItem> items = new ArrayList<>();
        add(items, "/mywork", "nav.mywork", requestPath);
        if (user.isClient()) {
            add(items, "/portal", "nav.portal", requestPath);
        }
        if (user.isStaff() || user.isClient()) {
            add(items, "/applications", "nav.applications", requestPath);
        }
        if (user.isStaff() || user.isClient()) {
            add(items, "/planning", "nav.planning", requestPath);
        }
        if (user.isStaff()) {
            add(items, "/dashboard", "nav.dashboard", requestPath);
            add(items, "/personnel", "nav.personnel", requestPath);
        }
        add(items, "/schemes", "nav.schemes", requestPath);
        if (user.isStaff() || user.isClient()) {
            add(items, "/evidence", "nav.evidence", requestPath);
        }
        add(items, "/calendar", "nav.calendar", requestPath);
        // certificates (issue 10): the case's certificate pages, the numbers, the public registry
        if (user.isStaff() || user.isClient()) {
            add(items, "/certificates", "nav.certificates", requestPath);
        }
        if (user.isStaff()) {
            add(items, "/numbering", "nav.numbering", requestPath);
        }
        add(items, "/registry", "nav.registry", requestPath);
        // reporting to CNCA (issue 10): who reports, and the regulator's read-only view
        if (user.has(Role.PROJECT_MANAGER) || user.has(Role.SCHEME_MANAGER) || user.has(Role.ADMIN)) {
            add(items, "/reporting", "nav.reporting", requestPath);
        }
        if (user.has(Role.REGULATOR)) {
            add(items, "/regulator", "nav.regulator", requestPath);
        }
        if (user.has(Role.ADMIN)) {
            add(items, "/admin/users", "nav.users", requestPath);
            add(items, "/admin/fees", "nav.fees", requestPath);
            add(items, "/admin/product-codes", "nav.productCodes", requestPath);
        }
        if (user.has(Role.ADMIN) || user.has(Role.ARCHIVIST)) {
            add(items, "/admin/audit", "nav.audit", requestPath);
        }
        add(items, "/tokens", "nav.tokens", requestPath);
        return new Shell(user, List.copyOf(items), once(unread));
    }

    private static LongSupplier once(LongSupplier supplier) {
        long[] value = {-1};
        return () -> {
            if (value[0] < 0) {
                value[0] = supplier.getAsLong();
            }
            return value[0];
        };
    }

    private static void add(List<NavItem> items, String path, String key, String requestPath) {
        items.add(new NavItem(path, key, requestPath != null && requestPath.startsWith(path)));
    }
}
