package cn.cfp.label;

import cn.cfp.body.BodyIdentity;
import cn.cfp.body.BodyKeys;
import cn.cfp.shared.Reason;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Checks a scanned label [R-X-4]: reads the payload (refused in words when it is not one CFP writes), verifies its
 * signature with the body's published keys, and — where a {@link CertificateStatusLookup} exists (the registry) — asks
 * whether the certificate is still valid.
 */
@Service
public class LabelChecks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LabelChecks.class);

    private final BodyKeys keys;
    private final BodyIdentity body;
    private final ObjectProvider<CertificateStatusLookup> lookup;
    private final Clock clock;

    LabelChecks(BodyKeys keys, BodyIdentity body, ObjectProvider<CertificateStatusLookup> lookup, Clock clock) {
        this.keys = keys;
        this.body = body;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Checks a payload text; throws a {@link cn.cfp.shared.Refusal} (400) when it cannot be read. */
    public LabelCheck check(String payloadText) {
        QrPayload p = QrPayloads.parse(payloadText);
        Reason reason = null;
        if (!QrPayloads.knowsKey(p, keys.published())) {
            reason = Reason.of("label.check.unknownKey", p.keyId());
        } else if (!QrPayloads.verify(p, keys.published())) {
            reason = Reason.of("label.check.badSignature");
        } else if (!p.url().equals(body.certificateUrl(p.number()))) {
            // a genuine signature copied under another address: the QR would open somebody else's page
            reason = Reason.of("label.check.foreignUrl", p.url(), body.certificateUrl(p.number()));
        }
        boolean genuine = reason == null;
        boolean expired = p.validUntil().isBefore(LocalDate.now(clock));
        if (!genuine) {
            return new LabelCheck(p, false, reason, expired, LabelCheck.Online.NOT_ASKED, Optional.empty());
        }
        CertificateStatusLookup registry = lookup.getIfAvailable();
        if (registry == null) {
            return new LabelCheck(p, true, null, expired, LabelCheck.Online.UNAVAILABLE, Optional.empty());
        }
        Optional<CertificateStatusLookup.Status> status;
        try {
            status = registry.current(p.number());
        } catch (RuntimeException e) {
            // the registry cannot answer now: the offline check still stands
            log.warn("the online status of certificate {} could not be read: {}", p.number(), e.toString());
            return new LabelCheck(p, true, null, expired, LabelCheck.Online.UNAVAILABLE, Optional.empty());
        }
        return new LabelCheck(p, true, null, expired, status.isPresent() ? LabelCheck.Online.FOUND : LabelCheck.Online.NOT_FOUND, status);
    }
}
