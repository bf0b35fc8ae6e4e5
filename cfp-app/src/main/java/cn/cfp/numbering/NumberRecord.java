package cn.cfp.numbering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A number request as staff see it on {@code /numbering}: what was reported, whether it was submitted, and the number
 * once there is one. The state is derived from which rows exist (request → submission → number).
 */
public record NumberRecord(long applicationId, String authority, String schemeCode, String caseReference,
                           String provisionalReference, String productCode, LocalDate issueOn, Map<String, String> fields,
                           String requestedBy, Instant requestedAt, Submission submission, String number,
                           String numberRecordedBy, Instant numberRecordedAt, CertificateNumbers.State state) {

    /** The record that the package was submitted to CNCA [decision D2]. */
    public record Submission(LocalDate submittedOn, String channel, String note, String recordedBy, Instant recordedAt) {
    }

    public boolean cnca() {
        return "CNCA".equals(authority);
    }

    public CertificateNumbers.NumberView view() {
        return new CertificateNumbers.NumberView(applicationId, state, number, provisionalReference);
    }
}
