package cn.cfp.report;

/** What the report stage publishes. */
public final class ReportEvents {

    private ReportEvents() {
    }

    /** The preparer submitted the report; the report stage is complete and the case goes to its technical review. */
    public record Submitted(long applicationId, String reference, ReportConclusion conclusion, String preparedBy) {
    }
}
