package cn.cfp.numbering;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Certificate numbers [R-CERT-2, decision D2]. For schemes whose numbers CNCA assigns ({@code certificateNumber.authority:
 * CNCA}), the body reports the certificate's data (a {@link NumberRequest}), records that it submitted it, and staff
 * enter or import the number CNCA confirmed; only then is there a number. For the other schemes the number is allocated
 * here from the scheme's format and a counter per scheme and year. Never duplicated, never reused, also under
 * concurrency.
 */
public interface CertificateNumbers {

    /** Where the number of one case stands. */
    enum State { NONE, REQUESTED, SUBMITTED, CONFIRMED, ALLOCATED }

    /**
     * The data reported to CNCA for the number (the certificate's fields in the documented JSON/Excel package).
     *
     * @param productCode the 3-digit CNCA product code of the case's product (reference data), null for local schemes
     * @param fields      the certificate's data, field name → value, in the order of 000 Annex 3
     */
    record NumberRequest(long applicationId, String reference, String schemeCode, String productCode, LocalDate issueOn,
                         Map<String, String> fields) {
    }

    /** The number of the case and its state. */
    record NumberView(long applicationId, State state, String number, String provisionalReference) {
    }

    /**
     * Prepares the number for a case whose certificate is drafted: CNCA schemes — records the request (the package is
     * then downloadable, state REQUESTED); other schemes — allocates the number at once (state ALLOCATED). Idempotent per
     * application: a second call returns what the first made.
     */
    NumberView prepare(NumberRequest request);

    /** The case's number state (NONE when nothing was prepared). */
    NumberView of(long applicationId);

    /** The number to print, once CONFIRMED or ALLOCATED. */
    Optional<String> number(long applicationId);
}
