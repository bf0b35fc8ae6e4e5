package cn.cfp.access;

import java.time.Instant;
import java.util.Set;

/** A user as shown on the admin page. */
public record UserView(long id, String username, String displayName, Set<Role> roles,
                       Long organisationId, boolean enabled, int failedAttempts, Instant lockedUntil) {
}
