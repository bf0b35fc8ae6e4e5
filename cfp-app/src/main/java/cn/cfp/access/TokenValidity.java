package cn.cfp.access;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Whether a stored API token still authenticates its bearer (issue 8 items 3 and 5): not revoked, not expired, and its
 * owner not disabled. The failed-login lock-out is deliberately not a reason: it guards the password against guessing,
 * and anyone guessing a person's password must not be able to switch off that person's integrations.
 */
final class TokenValidity {

    private TokenValidity() {
    }

    static Verdict check(TokenRepository.StoredToken token, Instant now, ZoneId zone) {
        if (token.revokedAt() != null) {
            return Verdict.refuse(Reason.of("access.token.revoked", token.revokedAt().atZoneSameInstant(zone).toLocalDate()));
        }
        if (!token.expiresAt().toInstant().isAfter(now)) {
            return Verdict.refuse(Reason.of("access.token.expired", token.expiresAt().atZoneSameInstant(zone).toLocalDate()));
        }
        if (!token.enabled()) {
            return Verdict.refuse(Reason.of("access.token.ownerDisabled", token.username()));
        }
        return Verdict.allow();
    }
}
