/**
 * On-site inspection (现场检查, issue 9 items 1-5 and the report of item 9; R-INS-1..5): the visit record of a case
 * (scheduled date and team from the plan sent, attendance of the scheme's meetings, the product observed in production,
 * the client's disagreement), the enterprise assurance-capability checklist of the scheme per production site, the
 * product-consistency check per certification unit with a reproducible sample, and the completion of the case's
 * {@code ON_SITE_INSPECTION} stage with the on-site inspection report. Public API: {@link cn.cfp.inspection.Inspections}.
 *
 * <p>Depends on cases, planning (events and the plan's revisions), nonconformity (raises the NCs it finds), application,
 * evidence, document, scheme; nothing depends on it.
 */
package cn.cfp.inspection;
