package cn.cfp.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The 90-day clock of an application (R-PLAN-5), derived from history, never stored:
 * net days = calendar days since acceptance minus days paused for client-caused reasons.
 *
 * @param limitDays   the scheme's limit (e.g. 90 [000 §7.3.3])
 * @param netDays     days counted so far
 * @param remaining   limitDays - netDays (negative when overrun)
 * @param level       OK, WARN (≥ 75 % used), CRITICAL (≥ 90 % used), OVERRUN
 */
public record ClockView(long applicationId, LocalDate acceptedOn, LocalDate asOf, int limitDays, int calendarDays,
                        int pausedDays, int netDays, int remaining, Level level, List<Pause> pauses, String cite) {

    public enum Level { OK, WARN, CRITICAL, OVERRUN }

    public record Pause(LocalDate from, LocalDate to, String reason) {
    }

    public ClockView {
        pauses = List.copyOf(pauses);
    }
}
