package cn.cfp.application;

import java.time.LocalDate;

/** Exemptions claimed at acceptance (R-APP-5), each checked against the scheme's conditions. */
public final class Exemptions {

    private Exemptions() {
    }

    /**
     * Waiver of the on-site inspection [003 ¶30]: the previous passed inspection or surveillance of a
     * product of the same type at the same factory by this body, identified by its report reference.
     */
    public record OnsiteWaiver(String previousInspectionReference, LocalDate previousInspectionPassedOn,
                               boolean sameFactory, boolean sameProductType) {
    }

    /** Adoption of a prior PCF verification [003 ¶38]. */
    public record PriorVerification(String statementReference, String issuingBody, boolean bodyApprovedOrAccredited,
                                    LocalDate statementIssuedOn, boolean identicalProduct) {
    }
}
