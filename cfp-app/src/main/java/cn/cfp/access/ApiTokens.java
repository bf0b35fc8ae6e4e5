package cn.cfp.access;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.Refusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for other systems. The token is shown once at creation; only its SHA-256 is stored,
 * so a database leak does not leak usable tokens.
 */
@Service
public class ApiTokens {

    /** Prefix makes tokens recognisable in logs and secret scanners. */
    static final String PREFIX = "cfp_";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record TokenView(long id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** Creates a token for the user and returns its clear text (the only time it is available). */
    @Transactional
    public String create(CfpPrincipal owner, String label) {
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new Refusal("Give the token a purpose of 1-100 characters / 请填写 1-100 字的用途说明");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO api_token (user_id, label, token_hash, created_at) VALUES (:u, :l, :h, :t)")
                .param("u", owner.id()).param("l", label.strip()).param("h", Hashes.sha256Hex(token))
                .param("t", OffsetDateTime.now(clock)).update();
        audit.record(owner.username(), "API_TOKEN_CREATED", "user:" + owner.username(), Map.of("label", label.strip()));
        return token;
    }

    @Transactional
    public void revoke(CfpPrincipal owner, long tokenId) {
        int n = jdbc.sql("UPDATE api_token SET revoked_at = :t WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .param("t", OffsetDateTime.now(clock)).param("id", tokenId).param("u", owner.id()).update();
        if (n == 0) {
            throw Refusal.notFound("Active token " + tokenId + " of " + owner.username());
        }
        audit.record(owner.username(), "API_TOKEN_REVOKED", "user:" + owner.username(), Map.of("tokenId", tokenId));
    }

    public List<TokenView> of(CfpPrincipal owner) {
        return jdbc.sql("SELECT id, label, created_at, revoked_at FROM api_token WHERE user_id = :u ORDER BY id")
                .param("u", owner.id())
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("label"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** The user id owning an active token, if the token is valid. */
    public Optional<Long> ownerOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = :h AND revoked_at IS NULL")
                .param("h", Hashes.sha256Hex(token)).query(Long.class).optional();
    }
}
