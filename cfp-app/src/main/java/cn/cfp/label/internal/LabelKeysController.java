package cn.cfp.label.internal;

import cn.cfp.body.BodyIdentity;
import cn.cfp.body.BodyKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The body's public keys at a well-known URL [R-X-4], for anyone who checks a label offline: every key the body signs
 * or signed labels with (kid, alg ES256, the X.509 SubjectPublicKeyInfo in base64, validity). Cacheable for an hour.
 */
@RestController
class LabelKeysController {

    static final String PATH = "/.well-known/cfp-label-keys.json";

    private final BodyKeys keys;
    private final BodyIdentity body;

    LabelKeysController(BodyKeys keys, BodyIdentity body) {
        this.keys = keys;
        this.body = body;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> keys() {
        List<Map<String, Object>> list = keys.published().stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kid", k.kid());
            m.put("alg", k.alg());
            m.put("key", k.publicKey());
            m.put("notBefore", k.notBefore().toString());
            m.put("notAfter", k.notAfter().toString());
            m.put("subject", k.subject());
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuer", body.name());
        out.put("querySite", body.querySite());
        out.put("signedText", "CFP-LABEL-1|<number>|<value>|<unit>|<validUntil yyyy-MM-dd>");
        out.put("signature", "ES256 (ECDSA P-256, SHA-256), 64 bytes r||s (IEEE P1363), base64url without padding");
        out.put("keys", list);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(out);
    }
}
