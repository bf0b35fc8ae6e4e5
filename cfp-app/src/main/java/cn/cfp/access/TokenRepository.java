package cn.cfp.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens as stored: their SHA-256 only, never the token. */
@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, String label, String tokenHash, OffsetDateTime at) {
        jdbc.sql("INSERT INTO api_token (user_id, label, token_hash, created_at) VALUES (:u, :l, :h, :t)")
                .param("u", userId).param("l", label).param("h", tokenHash).param("t", at).update();
    }

    /** Revokes the user's active token; false when the user has no such active token. */
    boolean revoke(long userId, long tokenId, OffsetDateTime at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :t WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .param("t", at).param("id", tokenId).param("u", userId).update() > 0;
    }

    List<ApiTokens.TokenView> of(long userId) {
        return jdbc.sql("SELECT id, label, created_at, revoked_at FROM api_token WHERE user_id = :u ORDER BY id")
                .param("u", userId)
                .query((rs, n) -> new ApiTokens.TokenView(rs.getLong("id"), rs.getString("label"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    Optional<Long> ownerOfActive(String tokenHash) {
        return jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = :h AND revoked_at IS NULL")
                .param("h", tokenHash).query(Long.class).optional();
    }
}
