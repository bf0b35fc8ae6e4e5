package cn.cfp.planning;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.PlanNotice;
import cn.cfp.shared.Reason;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * R-PLAN-6: the on-site verification plan reaches the client at least n working days before the visit (CNEX: 1
 * working day [001 §9.6.2]). Sending on day S meets the notice when there are at least n working days in
 * [S, visit), i.e. S is no later than the n-th working day before the visit. Pure: working days come from a predicate.
 */
public final class VisitNotice {

    private VisitNotice() {
    }

    /** The latest date to send: the n-th working day before {@code visit} (the visit itself when n ≤ 0). */
    public static LocalDate latestSend(LocalDate visit, int n, Predicate<LocalDate> isWorkingDay) {
        LocalDate d = visit;
        int count = 0;
        for (int i = 0; count < n && i < 400; i++) {
            d = d.minusDays(1);
            if (isWorkingDay.test(d)) {
                count++;
            }
        }
        return d;
    }

    /** Why sending today is refused, or empty when it is allowed. */
    public static Optional<Reason> refusal(LocalDate today, LocalDate visit, Cited<PlanNotice> notice, Predicate<LocalDate> isWorkingDay) {
        if (visit == null) {
            return Optional.of(Reason.of("planning.send.noVisitDate").at("visitDate"));
        }
        if (!visit.isAfter(today)) {
            return Optional.of(Reason.of("planning.send.visitNotAhead", visit, today).at("visitDate"));
        }
        if (notice == null || notice.value() == null || notice.value().minWorkingDaysBefore() == null) {
            return Optional.empty();
        }
        int n = notice.value().minWorkingDaysBefore();
        LocalDate latest = latestSend(visit, n, isWorkingDay);
        if (today.isAfter(latest)) {
            return Optional.of(Reason.of("planning.send.tooLate", n, visit, latest, today, notice.cite()).at("visitDate"));
        }
        return Optional.empty();
    }
}
