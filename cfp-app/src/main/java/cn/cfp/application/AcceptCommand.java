package cn.cfp.application;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the project manager decides at acceptance: the confirmed contract-review items, the contract's date and fee,
 * and optionally an on-site waiver or a prior verification to adopt (R-APP-3..5). The page's form and the API's JSON
 * bind this same record, so they cannot drift.
 */
public record AcceptCommand(Set<ContractReview> contractReview, LocalDate contractSignedOn, String fee,
                            Exemptions.OnsiteWaiver onsiteWaiver, Exemptions.PriorVerification priorVerification) {

    public AcceptCommand {
        contractReview = contractReview == null ? Set.of() : Set.copyOf(contractReview);
    }

    /** The waiver claimed, if any (a form's waiver fields left blank claim none). */
    java.util.Optional<Exemptions.OnsiteWaiver> waiver() {
        return java.util.Optional.ofNullable(onsiteWaiver).filter(w -> !w.isEmpty());
    }

    /** The prior verification to adopt, if any. */
    java.util.Optional<Exemptions.PriorVerification> prior() {
        return java.util.Optional.ofNullable(priorVerification).filter(p -> !p.isEmpty());
    }
}
