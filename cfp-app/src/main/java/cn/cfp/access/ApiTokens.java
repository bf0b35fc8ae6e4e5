package cn.cfp.access;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for other systems. The token is shown once at creation; only its SHA-256 is stored,
 * so a database leak does not leak usable tokens. Storage: {@link TokenRepository}.
 */
@Service
public class ApiTokens {

    /** Prefix makes tokens recognisable in logs and secret scanners. */
    static final String PREFIX = "cfp_";
    static final int MAX_LABEL = 100;

    private final TokenRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(TokenRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public record TokenView(long id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** Creates a token for the user and returns its clear text (the only time it is available). */
    @Transactional
    public String create(CfpPrincipal owner, String label) {
        if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
            throw Refusal.badRequest(List.of(Reason.of("access.token.labelInvalid", MAX_LABEL).at("label")));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.insert(owner.id(), label.strip(), Hashes.sha256Hex(token), OffsetDateTime.now(clock));
        audit.record(owner.username(), "API_TOKEN_CREATED", "user:" + owner.username(), Map.of("label", label.strip()));
        return token;
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

    /** The user id owning an active token, if the token is valid. */
    public Optional<Long> ownerOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return repository.ownerOfActive(Hashes.sha256Hex(token));
    }
}
