package cn.cfp.report;

/**
 * What the preparer submits [001 §9.6.7 5) c]: the conclusion, the GHG (and other environmental) information or
 * performance verified, limitations (if any), reasons for abnormal fluctuations of the results (where applicable) and
 * issues the verification did not cover (where applicable).
 */
public record ReportSubmission(ReportConclusion conclusion, String verifiedInformation, String limitations,
                               String fluctuations, String uncovered) {
}
