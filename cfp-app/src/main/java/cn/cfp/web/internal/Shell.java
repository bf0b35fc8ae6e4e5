package cn.cfp.web.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import java.util.ArrayList;
import java.util.List;

/** What the page shell shows: the user and the navigation their roles allow. */
public record Shell(CfpPrincipal user, List<NavItem> nav) {

    public record NavItem(String path, String labelKey, boolean active) {
    }

    public boolean isAdmin() {
        return user != null && user.has(Role.ADMIN);
    }

    public boolean getAdmin() {
        return isAdmin();
    }

    static Shell of(CfpPrincipal user, String requestPath) {
        if (user == null) {
            return new Shell(null, List.of());
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
        if (user.has(Role.ADMIN)) {
            add(items, "/admin/users", "nav.users", requestPath);
        }
        if (user.has(Role.ADMIN) || user.has(Role.ARCHIVIST)) {
            add(items, "/admin/audit", "nav.audit", requestPath);
        }
        add(items, "/tokens", "nav.tokens", requestPath);
        return new Shell(user, List.copyOf(items));
    }

    private static void add(List<NavItem> items, String path, String key, String requestPath) {
        items.add(new NavItem(path, key, requestPath != null && requestPath.startsWith(path)));
    }
}
