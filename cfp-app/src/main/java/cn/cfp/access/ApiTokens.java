package cn.cfp.access;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for other systems. The token is shown once at creation; only its SHA-256 is stored, so a database leak
 * does not leak usable tokens. A token has a scope ({@link TokenScope}), an expiry chosen at creation and a last-used
 * time (issue 8 item 3). Storage: {@link TokenRepository}.
 */
@Service
public class ApiTokens {

    /** Prefix makes tokens recognisable in logs and secret scanners. */
    static final String PREFIX = "cfp_";
    static final int MAX_LABEL = 100;
    public static final int DEFAULT_DAYS = 90;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;
    /** The last-used time is written at most this often per token, not on every request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final TokenRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(TokenRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as its owner sees it (never the token itself). */
    public record TokenView(long id, String label, TokenScope scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

        /** Neither revoked nor expired at {@code now}. */
        public boolean activeAt(java.time.Instant now) {
            return revokedAt == null && expiresAt.toInstant().isAfter(now);
        }
    }

    /** What the bearer check found: the token's owner and scope, or why the token does not authenticate. */
    public sealed interface Check {

        /** A valid token: who it acts for and what it may do. */
        record Valid(CfpPrincipal owner, long tokenId, TokenScope scope) implements Check {
        }

        /** Not a valid token, with the reason (unknown, revoked, expired, owner disabled). */
        record Invalid(Reason reason) implements Check {
        }
    }

    /**
     * Creates a token for the user and returns its clear text (the only time it is available). It is valid for
     * {@code validDays} days ({@value #MIN_DAYS}-{@value #MAX_DAYS}) from now.
     */
    @Transactional
    public String create(CfpPrincipal owner, String label, TokenScope scope, int validDays) {
        List<Reason> problems = new ArrayList<>();
        if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
            problems.add(Reason.of("access.token.labelInvalid", MAX_LABEL).at("label"));
        }
        if (scope == null) {
            problems.add(Reason.of("access.token.scopeRequired").at("scope"));
        }
        if (validDays < MIN_DAYS || validDays > MAX_DAYS) {
            problems.add(daysInvalid(String.valueOf(validDays)));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expiresAt = now.plusDays(validDays);
        repository.insert(owner.id(), label.strip(), Hashes.sha256Hex(token), scope, now, expiresAt);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("label", label.strip());
        details.put("scope", scope.name());
        details.put("validDays", validDays);
        details.put("expiresAt", expiresAt.toString());
        audit.record(owner.username(), "API_TOKEN_CREATED", "user:" + owner.username(), details);
        return token;
    }

    /** The reason a validity in days (as typed) is refused for, at the form's {@code days} field. */
    public static Reason daysInvalid(String typed) {
        return Reason.of("access.token.daysInvalid", typed, MIN_DAYS, MAX_DAYS).at("days");
    }

    @Transactional
    public void revoke(CfpPrincipal owner, long tokenId) {
        if (!repository.revoke(owner.id(), tokenId, OffsetDateTime.now(clock))) {
            throw Refusal.notFound("access.token.notFound", tokenId, owner.username());
        }
        audit.record(owner.username(), "API_TOKEN_REVOKED", "user:" + owner.username(), Map.of("tokenId", tokenId));
    }

    public List<TokenView> of(CfpPrincipal owner) {
        return repository.of(owner.id());
    }

    /**
     * Checks a bearer token: one query for the token, its owner and the owner's roles. A valid token's last-used time
     * is recorded when the recorded one is more than {@link #LAST_USED_GRANULARITY} old. An unknown token is told no
     * more than that it is invalid.
     */
    public Check check(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return new Check.Invalid(Reason.of("access.token.invalid"));
        }
        var found = repository.findByHash(Hashes.sha256Hex(token));
        if (found.isEmpty()) {
            return new Check.Invalid(Reason.of("access.token.invalid"));
        }
        TokenRepository.StoredToken t = found.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Verdict verdict = TokenValidity.check(t, now.toInstant(), clock.getZone());
        if (!verdict.allowed()) {
            return new Check.Invalid(verdict.reasons().get(0));
        }
        OffsetDateTime since = now.minus(LAST_USED_GRANULARITY);
        if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(since)) {
            repository.touch(t.id(), now, since);
        }
        boolean locked = t.lockedUntil() != null && t.lockedUntil().toInstant().isAfter(now.toInstant());
        CfpPrincipal owner = new CfpPrincipal(t.ownerId(), t.username(), t.displayName(), null, t.roles(), t.organisationId(),
                t.enabled(), locked);
        return new Check.Valid(owner, t.id(), t.scope());
    }
}
