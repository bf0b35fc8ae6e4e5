package cn.cfp.certificate;

import cn.cfp.numbering.CertificateNumbers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A certificate as the staff pages and the API show it.
 *
 * @param preview   the data fields as they would be confirmed now (before confirmation), or as confirmed
 * @param checked   the field keys ticked (empty until checked)
 * @param number    the number state (CNCA: requested, submitted, confirmed; other schemes: allocated)
 * @param dueOn     the scheme's issue deadline while not issued (CEC 30 days, CGC 30 working days), else null
 * @param status    VALID / EXPIRED once issued, else null
 */
public record CertificateView(long applicationId, String reference, String schemeCode, Certificate.Stage stage,
                              LocalDate decidedOn, CertificateDraft draft, CertificateData preview, cn.cfp.shared.Reason previewProblem,
                              String confirmedBy, Set<String> checked, String checkedBy,
                              CertificateNumbers.NumberView number, LocalDate dueOn, boolean dueOnExact,
                              List<Certificate.Issue> issues, CertificateStatus status, PublicCertificate publicRecord) {

    public CertificateView {
        checked = checked == null ? Set.of() : Set.copyOf(checked);
        issues = List.copyOf(issues);
    }
}
