/**
 * Nonconformities (不符合, R-NC): raised by the team from a checklist item or a verification finding, classed by the
 * scheme's classes, issued to the client as a list (现场检查问题清单 / 核查问题清单), answered by the client with correction,
 * corrective action and evidence, verified by the team and closed. Public API: {@link cn.cfp.nonconformity.Nonconformities}
 * (raise, read) and the named policy {@link cn.cfp.nonconformity.NoOpenNonconformityPolicy} that the on-site stages, the
 * technical review and the decision ask ("no positive conclusion while a nonconformity is open", 001 §9.6.7 5) b).
 *
 * <p>After raising, each NC is a {@code Nonconformity} aggregate (issue → answer → accept / reject, version-checked,
 * audited, published as {@link cn.cfp.nonconformity.NonconformityEvents}); the issued list is a PDF; a daily job applies
 * the scheme's consequence of a missed due date (TERMINATE / FAIL as scheme data); the team completes CICC's NC_CLOSURE.
 * The SPI {@link cn.cfp.nonconformity.RecalculationLookup} lets the verification module check a recalculation reference.
 *
 * <p>This module depends on {@code cases}, {@code scheme}, {@code evidence}, {@code calendar}, {@code document},
 * {@code party} and {@code audit}; inspection, verification and notification call it (never the other way round).
 */
package cn.cfp.nonconformity;
