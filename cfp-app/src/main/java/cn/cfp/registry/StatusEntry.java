package cn.cfp.registry;

import cn.cfp.certificate.CertificateStatus;
import java.time.LocalDate;

/**
 * One line of a certificate's public status history [R-PUB-1; back-half §7.8].
 *
 * @param decidedOn   the day the body decided (null for EXPIRED, which follows from the validity date)
 * @param effectiveOn the day the status took (or takes) effect
 * @param until       the end of a suspension where one was set, else null
 * @param cause       the public words of the cause, null when none was given
 * @param derived     true for EXPIRED, derived from the validity date at read time and never stored
 */
public record StatusEntry(CertificateStatus status, LocalDate decidedOn, LocalDate effectiveOn, LocalDate until,
                          String causeCode, String cause, boolean derived) {
}
