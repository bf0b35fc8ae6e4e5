package cn.cfp.access;

import java.util.List;
import java.util.Set;

/**
 * Who acts, as the domain sees them: the person's id, name, roles and (for a client user) organisation. Controllers
 * receive it as a handler argument; services and aggregates take it instead of Spring Security's user details.
 */
public record Actor(long id, String username, String displayName, Set<Role> roles, Long organisationId) {

    /** The platform itself (scheduled jobs, start-up, event listeners). */
    public static final Actor SYSTEM = new Actor(0, "system", "CFP", Set.of(), null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> any) {
        return any.stream().anyMatch(roles::contains);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean isClient() {
        return roles.contains(Role.CLIENT) && organisationId != null;
    }

    @Override
    public String toString() {
        return "Actor[" + username + " " + List.copyOf(roles) + "]";
    }
}
