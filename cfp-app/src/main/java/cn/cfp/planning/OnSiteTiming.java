package cn.cfp.planning;

import cn.cfp.scheme.Cited;
import cn.cfp.shared.Reason;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * CGC ¶50 (corrections A-16 / B-9): "现场检查一般在文件评审符合要求或基本符合要求后 30 个工作日内完成" — when the scheme
 * states n working days, a visit date later than the n-th working day after the day the document review concluded
 * (conforms or basically conforms) is a warning ("一般": the visit may be later when the client needs longer), never a
 * refusal. The conclusion day itself is not counted. Pure: working days come from a function.
 */
public final class OnSiteTiming {

    private OnSiteTiming() {
    }

    /**
     * @param plusWorkingDays (date, n) → the n-th working day after date
     */
    public static Optional<Reason> warning(Cited<Integer> limit, LocalDate reviewConcludedOn, LocalDate visit,
                                           BiFunction<LocalDate, Integer, LocalDate> plusWorkingDays) {
        if (limit == null || limit.value() == null || reviewConcludedOn == null || visit == null) {
            return Optional.empty();
        }
        LocalDate latest = plusWorkingDays.apply(reviewConcludedOn, limit.value());
        if (!visit.isAfter(latest)) {
            return Optional.empty();
        }
        return Optional.of(Reason.of("planning.warning.onSiteAfterReview", visit, limit.value(), reviewConcludedOn, latest,
                limit.cite()).at("visitDate"));
    }
}
