package cn.cfp.verification;

import cn.cfp.nonconformity.RecalculationLookup;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a quantification nonconformity (CGC 003 ¶73 "验算…要求修改声明") names the recalculation that verified the
 * corrected data and the client's amended claim: the reference must be a recalculation of this case (its id), and the
 * amended claim must state that recalculation's result (to 0.1 %, the precision a claim is written with).
 */
@Component
class VerifiedRecalculations implements RecalculationLookup {

    /** How close an amended claim must be to the recalculated value, relative. */
    static final double TOLERANCE = 0.001;

    private final VerificationRepository repository;

    VerifiedRecalculations(VerificationRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Choice> choices(long applicationId) {
        java.util.List<RecalculationView> all = new java.util.ArrayList<>(repository.results(applicationId));
        java.util.Collections.reverse(all);
        return all.stream().map(r -> new Choice(String.valueOf(r.id()), "#" + r.id() + " · "
                + FootprintAdapter.kg(r.totalKgCo2e()) + " kg CO2e · v" + r.submissionVersion())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict check(long applicationId, String reference, String amendedClaim) {
        long id;
        try {
            id = Long.parseLong(reference == null ? "" : reference.strip());
        } catch (NumberFormatException e) {
            return Verdict.refuse(Reason.of("verification.recalculation.unknown", reference).at("recalculationRef"));
        }
        Optional<RecalculationView> r = repository.result(applicationId, id);
        if (r.isEmpty()) {
            return Verdict.refuse(Reason.of("verification.recalculation.unknown", reference).at("recalculationRef"));
        }
        BigDecimal claim;
        try {
            claim = new BigDecimal(amendedClaim == null ? "" : amendedClaim.strip());
        } catch (NumberFormatException e) {
            return Verdict.refuse(Reason.of("verification.recalculation.claimNotNumber", amendedClaim).at("amendedClaim"));
        }
        double total = r.get().totalKgCo2e();
        if (Math.abs(claim.doubleValue() - total) > TOLERANCE * Math.max(Math.abs(total), 1e-9)) {
            return Verdict.refuse(Reason.of("verification.recalculation.claimMismatch", claim, id,
                    BigDecimal.valueOf(total).stripTrailingZeros().toPlainString()).at("amendedClaim"));
        }
        return Verdict.allow();
    }
}
