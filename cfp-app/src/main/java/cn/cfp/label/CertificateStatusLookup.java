package cn.cfp.label;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The online half of a label check (R-X-4): whether the certificate a genuine label names is still valid. The registry
 * module implements it; without an implementation the verification says the online check is unavailable.
 */
public interface CertificateStatusLookup {

    /**
     * The certificate's current public status, or empty when the registry does not know the number.
     */
    Optional<Status> current(String number);

    /**
     * @param code       the status code as the registry shows it, e.g. VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED
     * @param valid      whether the certificate — and so the label [R-LBL-2] — may be used today
     * @param validUntil the validity date the registry holds (null if it has none)
     */
    record Status(String code, boolean valid, LocalDate validUntil) {
    }
}
