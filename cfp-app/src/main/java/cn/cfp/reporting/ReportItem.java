package cn.cfp.reporting;

import cn.cfp.shared.DateTexts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One thing to report to CNCA: an issue, change or status change of a certificate, with its public data as JSON.
 *
 * @param status     the certificate's status after the event (VALID for an issue or change)
 * @param eventDate  the date of the event: issue date, change date, or the status change's effective date
 * @param payload    the public data (see docs/cnca-reporting.md): {"certificate": …, "statusChange": …}
 * @param recordedAt when the event happened in CFP: the item is reportable (and ages) from then
 * @param reported   the submission that reported it, or null while unreported
 */
public record ReportItem(long id, ReportKind kind, String number, String schemeCode, Integer version, String status,
                         LocalDate eventDate, String payload, Instant recordedAt, Reported reported) {

    /** How and when the item was reported. */
    public record Reported(long submissionId, Instant at, String by, ReportChannel channel, String receipt) {
    }

    public boolean isReported() {
        return reported != null;
    }

    /** The day the item arose, in China. */
    public LocalDate recordedOn() {
        return LocalDate.ofInstant(recordedAt, DateTexts.CHINA);
    }

    /** Calendar days since the item arose until it was reported, or until today while unreported [decision D5]. */
    public long ageDays(LocalDate today) {
        LocalDate end = reported == null ? today : LocalDate.ofInstant(reported.at(), DateTexts.CHINA);
        return Math.max(0, ChronoUnit.DAYS.between(recordedOn(), end));
    }
}
