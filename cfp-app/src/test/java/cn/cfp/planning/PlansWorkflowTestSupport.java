package cn.cfp.planning;

import java.time.LocalDate;

/** A complete inspection scheme and verification plan for tests outside this package. */
public final class PlansWorkflowTestSupport {

    private PlansWorkflowTestSupport() {
    }

    public static InspectionScheme scheme(LocalDate visit) {
        return PlansWorkflowTest.scheme(visit);
    }

    public static VerificationPlan verification() {
        return PlansWorkflowTest.verification();
    }
}
