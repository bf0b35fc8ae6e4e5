/**
 * The report stage (报告编制) of a route that has one (CNEX [001 §9.6.7]): the report preparer writes the verification
 * conclusion from the team's findings — positive or negative, positive only once every nonconformity is closed
 * [001 §9.6.7 5) b] — with its minimum content (the GHG information verified, limitations, reasons for abnormal
 * fluctuations, issues not covered [001 §9.6.7 5) c]) and submits the report to the certification management
 * department, which completes the stage. The preparer is recorded: the technical review and the decision must not be
 * theirs [001 §9.7 注]. Public API: {@link cn.cfp.report.Reports}.
 */
package cn.cfp.report;
