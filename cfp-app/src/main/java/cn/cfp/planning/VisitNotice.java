package cn.cfp.planning;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.PlanNotice;
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
    public static Optional<String> refusal(LocalDate today, LocalDate visit, Cited<PlanNotice> notice, Predicate<LocalDate> isWorkingDay) {
        if (visit == null) {
            return Optional.of("The plan has no visit date / 策划没有现场日期");
        }
        if (!visit.isAfter(today)) {
            return Optional.of("The visit date " + visit + " is not after today (" + today
                    + "): move the visit date (the plan then needs approval again) / 现场日期不晚于今天，请调整现场日期并重新批准");
        }
        if (notice == null || notice.value() == null || notice.value().minWorkingDaysBefore() == null) {
            return Optional.empty();
        }
        int n = notice.value().minWorkingDaysBefore();
        LocalDate latest = latestSend(visit, n, isWorkingDay);
        if (today.isAfter(latest)) {
            return Optional.of("Too late to send: the plan must reach the client at least " + n + " working day(s) before the visit on "
                    + visit + ", i.e. by " + latest + "; today is " + today + ". Move the visit date (the plan then needs approval again) / "
                    + "现场核查计划应于现场核查前至少 " + n + " 个工作日发给受核查方（最迟 " + latest + "），今天 " + today
                    + " 已来不及，请调整现场日期并重新批准 [" + notice.cite() + "]");
        }
        return Optional.empty();
    }
}
