package cn.cfp.access;

import java.util.Set;

/** A user as shown on the admin page. */
public record UserView(long id, String username, String displayName, Set<Role> roles,
                       Long organisationId, boolean enabled, boolean mustChangePassword) {
}
