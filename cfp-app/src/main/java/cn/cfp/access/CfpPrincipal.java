package cn.cfp.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person (or API client). Client users are bound to their organisation. */
public record CfpPrincipal(long id, String username, String displayName, String passwordHash,
                           Set<Role> roles, Long organisationId, boolean enabled, boolean locked)
        implements UserDetails {

    public CfpPrincipal {
        roles = Set.copyOf(roles);
    }

    /** The person as the domain sees them. */
    public Actor actor() {
        return new Actor(id, username, displayName, roles, organisationId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean isClient() {
        return roles.contains(Role.CLIENT);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Without the password hash, for display and logging. */
    @Override
    public String toString() {
        return "CfpPrincipal[" + username + " " + List.copyOf(roles) + "]";
    }
}
