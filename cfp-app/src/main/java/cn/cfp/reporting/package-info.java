/**
 * Reporting to CNCA and the body's public fee schedule [R-PUB-3, R-PUB-4; 000 §10, §11.1; decision D5].
 *
 * <p>Every issue, change (a new version of an issued number), suspension, restoration, revocation, cancellation,
 * expiry and end of validity that the certificate module publishes ({@link cn.cfp.certificate.CertificateEvents})
 * becomes a {@link cn.cfp.reporting.ReportItem}. An item is unreported until a {@link cn.cfp.reporting.CncaSubmission}
 * covers it (derived from rows, never a status column). No seed sets a reporting deadline or format: the staff page
 * lists the unreported items with their age, the package format is documented in {@code docs/cnca-reporting.md}, and
 * the reminder after {@code cfp.reporting.reminder-working-days} working days is the body's own choice.
 *
 * <p>The fee schedule ({@link cn.cfp.reporting.FeeSchedules}) is published at {@code /fees}; each save is a new version.
 */
package cn.cfp.reporting;
