package cn.cfp.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the certificate module publishes: the contract with the public registry, the CNCA reporting and (issue 11) the
 * certificate's life. Listeners run after commit ({@code @ApplicationModuleListener}).
 */
public final class CertificateEvents {

    private CertificateEvents() {
    }

    /** A certificate version was issued (first issue, or a reissue after a change: same number, version + 1). */
    public record Issued(long applicationId, PublicCertificate certificate, Instant at) {
    }

    /**
     * The certificate's status changed (issue 11: suspension, restoration, revocation, cancellation, expiry, the
     * 5 %/10 % rule).
     *
     * @param cause the public words of the cause (from the scheme's cause list), never an internal note
     */
    public record StatusChanged(String number, CertificateStatus status, LocalDate decidedOn, LocalDate effectiveOn,
                                LocalDate until, String causeCode, String cause, Instant at) {
    }
}
