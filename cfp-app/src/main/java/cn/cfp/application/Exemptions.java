package cn.cfp.application;

import java.time.LocalDate;

/** Exemptions claimed at acceptance (R-APP-5), each checked against the scheme's conditions ({@link ExemptionPolicy}). */
public final class Exemptions {

    private Exemptions() {
    }

    /**
     * Waiver of the on-site inspection [003 ¶30]: the previous passed inspection or surveillance of a
     * product of the same type at the same factory by this body, identified by its report reference.
     */
    public record OnsiteWaiver(String previousInspectionReference, LocalDate previousInspectionPassedOn,
                               Boolean sameFactory, Boolean sameProductType) {

        /** An unticked box (absent from a form) is a no. */
        public OnsiteWaiver {
            sameFactory = Boolean.TRUE.equals(sameFactory);
            sameProductType = Boolean.TRUE.equals(sameProductType);
        }

        /** A form left blank claims no waiver. */
        boolean isEmpty() {
            return (previousInspectionReference == null || previousInspectionReference.isBlank()) && previousInspectionPassedOn == null
                    && !sameFactory && !sameProductType;
        }
    }

    /** Adoption of a prior PCF verification [003 ¶38]. */
    public record PriorVerification(String statementReference, String issuingBody, Boolean bodyApprovedOrAccredited,
                                    LocalDate statementIssuedOn, Boolean identicalProduct) {

        /** An unticked box (absent from a form) is a no. */
        public PriorVerification {
            bodyApprovedOrAccredited = Boolean.TRUE.equals(bodyApprovedOrAccredited);
            identicalProduct = Boolean.TRUE.equals(identicalProduct);
        }

        boolean isEmpty() {
            return (statementReference == null || statementReference.isBlank()) && (issuingBody == null || issuingBody.isBlank())
                    && statementIssuedOn == null && !bodyApprovedOrAccredited && !identicalProduct;
        }
    }
}
