package cn.cfp.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens as stored: their SHA-256 only, never the token. */
@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as the bearer check needs it: the token's row with its owner and the owner's roles. */
    record StoredToken(long id, TokenScope scope, OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt,
                       long ownerId, String username, String displayName, Long organisationId, boolean enabled,
                       OffsetDateTime lockedUntil, Set<Role> roles) {

        StoredToken {
            roles = Set.copyOf(roles);
        }

        StoredToken withRoles(Set<Role> all) {
            return new StoredToken(id, scope, expiresAt, revokedAt, lastUsedAt, ownerId, username, displayName, organisationId,
                    enabled, lockedUntil, all);
        }
    }

    void insert(long userId, String label, String tokenHash, TokenScope scope, OffsetDateTime at, OffsetDateTime expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (user_id, label, token_hash, scope, created_at, expires_at)
                VALUES (:u, :l, :h, :s, :t, :e)""")
                .param("u", userId).param("l", label).param("h", tokenHash).param("s", scope.name()).param("t", at)
                .param("e", expiresAt).update();
    }

    /** Revokes the user's active token; false when the user has no such active token. */
    boolean revoke(long userId, long tokenId, OffsetDateTime at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :t WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .param("t", at).param("id", tokenId).param("u", userId).update() > 0;
    }

    List<ApiTokens.TokenView> of(long userId) {
        return jdbc.sql("""
                SELECT id, label, scope, created_at, expires_at, last_used_at, revoked_at
                FROM api_token WHERE user_id = :u ORDER BY id""")
                .param("u", userId)
                .query((rs, n) -> new ApiTokens.TokenView(rs.getLong("id"), rs.getString("label"), TokenScope.valueOf(rs.getString("scope")),
                        at(rs, "created_at"), at(rs, "expires_at"), at(rs, "last_used_at"), at(rs, "revoked_at")))
                .list();
    }

    /**
     * The token with this hash, its owner and the owner's roles, in one query (a row per role) — the bearer check runs on
     * every API request.
     */
    Optional<StoredToken> findByHash(String tokenHash) {
        return jdbc.sql("""
                SELECT t.id, t.scope, t.expires_at, t.revoked_at, t.last_used_at,
                       u.id AS owner_id, u.username, u.display_name, u.organisation_id, u.enabled, u.locked_until, r.role
                FROM api_token t
                JOIN app_user u ON u.id = t.user_id
                LEFT JOIN user_role r ON r.user_id = u.id
                WHERE t.token_hash = :h""")
                .param("h", tokenHash)
                .query(rs -> {
                    StoredToken first = null;
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    while (rs.next()) {
                        if (first == null) {
                            long org = rs.getLong("organisation_id");
                            Long organisationId = rs.wasNull() ? null : org;
                            first = new StoredToken(rs.getLong("id"), TokenScope.valueOf(rs.getString("scope")), at(rs, "expires_at"),
                                    at(rs, "revoked_at"), at(rs, "last_used_at"), rs.getLong("owner_id"), rs.getString("username"),
                                    rs.getString("display_name"), organisationId, rs.getBoolean("enabled"), at(rs, "locked_until"), Set.of());
                        }
                        String role = rs.getString("role");
                        if (role != null) {
                            roles.add(Role.valueOf(role));
                        }
                    }
                    return first == null ? Optional.<StoredToken>empty() : Optional.of(first.withRoles(roles));
                });
    }

    /**
     * Records that the token was used at {@code at}, unless it was already recorded as used at or after {@code since}:
     * at most one write a minute per token, however many requests it makes.
     */
    void touch(long tokenId, OffsetDateTime at, OffsetDateTime since) {
        jdbc.sql("UPDATE api_token SET last_used_at = :t WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)")
                .param("t", at).param("id", tokenId).param("since", since).update();
    }

    private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
