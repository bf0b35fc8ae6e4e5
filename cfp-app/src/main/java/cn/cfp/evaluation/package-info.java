/**
 * Evaluations before the on-site verification (issue 9 item 7): CICC's stage 1 (一阶段核查评价 [004 §9.5]) deciding
 * whether stage 2 can proceed, with the ≤ 6-month gap to stage 2 [004 §9.5.1]; CGC's claim-and-evidence evaluation
 * (碳足迹声明及证据评价 [003 ¶57–62]) as a loop with the client's supplements; the consistency check of an adopted prior
 * verification [003 ¶38, ¶63, ¶67]. Public API: {@link cn.cfp.evaluation.Evaluations} (steps, reads and the gates the
 * verification module asks: {@code stage2Gate}, {@code onSiteVerificationGate}, {@code consistencyCheck}) and the named
 * policy {@link cn.cfp.evaluation.StageGapPolicy}.
 *
 * <p>Depends on cases, scheme, nonconformity (stage-1 findings and inconsistencies are raised as nonconformities),
 * evidence, audit and access; the verification module depends on this one, never the reverse.
 */
package cn.cfp.evaluation;
