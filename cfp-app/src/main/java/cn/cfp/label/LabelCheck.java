package cn.cfp.label;

import cn.cfp.shared.Reason;
import java.util.Optional;

/**
 * The result of checking a scanned label [R-X-4].
 *
 * @param payload the payload read (its number, value, unit, validity date)
 * @param genuine whether the body's published key verifies its signature and it names this body's public page
 * @param reason  why it is not genuine (null when genuine): {@code label.check.unknownKey}, {@code label.check.badSignature},
 *                {@code label.check.foreignUrl}
 * @param expired true when the validity date printed on the label has passed
 * @param online  the online check: the registry's status of the certificate
 * @param status  the status, when {@code online} is FOUND
 */
public record LabelCheck(QrPayload payload, boolean genuine, Reason reason, boolean expired, Online online,
                         Optional<CertificateStatusLookup.Status> status) {

    public enum Online {
        /** No registry answers in this platform: only the offline check was made. */
        UNAVAILABLE,
        /** The registry does not know the number. */
        NOT_FOUND,
        /** The registry knows the certificate: see {@code status}. */
        FOUND,
        /** Not asked: the label is not genuine. */
        NOT_ASKED
    }

    /** True when genuine and, online, the registry says the certificate may be used today. */
    public boolean currentlyValid() {
        return genuine && !expired && online == Online.FOUND && status.map(CertificateStatusLookup.Status::valid).orElse(false);
    }
}
