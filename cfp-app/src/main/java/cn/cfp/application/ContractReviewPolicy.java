package cn.cfp.application;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Acceptance needs the contract review (合同评审) with every item confirmed, the contract's signing date (not in the
 * future) and the fee agreement recorded [R-APP-3, R-APP-4; 001 §9.2.2; 003 ¶29].
 */
final class ContractReviewPolicy {

    private ContractReviewPolicy() {
    }

    static Verdict check(Set<ContractReview> confirmed, LocalDate contractSignedOn, String fee, LocalDate today) {
        List<Reason> problems = new ArrayList<>();
        for (ContractReview item : ContractReview.values()) {
            if (confirmed == null || !confirmed.contains(item)) {
                problems.add(Reason.of("application.accept.reviewItemMissing", item).at("contractReview"));
            }
        }
        if (contractSignedOn == null || contractSignedOn.isAfter(today)) {
            problems.add(Reason.of("application.accept.contractDate", today).at("contractSignedOn"));
        }
        if (fee == null || fee.isBlank()) {
            problems.add(Reason.of("application.accept.feeRequired").at("fee"));
        }
        return Verdict.of(problems);
    }
}
