package cn.cfp.report;

import java.time.Instant;

/** A submitted report of a case. */
public record ReportView(long applicationId, ReportConclusion conclusion, String verifiedInformation, String limitations,
                         String fluctuations, String uncovered, String preparedBy, Instant submittedAt) {
}
