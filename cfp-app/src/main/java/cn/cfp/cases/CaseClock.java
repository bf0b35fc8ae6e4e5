package cn.cfp.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * The time limit from acceptance to the certification conclusion (R-PLAN-5; 90 days [000 §7.3.3]), derived from the
 * case's history, never stored: net days = calendar days from acceptance to today — or to the conclusion, where the
 * clock stops — minus the days paused for client-caused reasons; the limit is the scheme's plus the extensions agreed
 * with the client [000 §7.3.3 "协商解决"].
 *
 * @param limitDays     the scheme's limit plus agreed extensions
 * @param baseLimitDays the scheme's limit
 * @param stoppedOn     the conclusion's date, when the case has ended (the clock no longer counts); null while open
 * @param remaining     limitDays - netDays (negative when overrun)
 * @param level         OK, WARN (≥ 75 % used), CRITICAL (≥ 90 % used), OVERRUN
 */
public record CaseClock(long applicationId, LocalDate acceptedOn, LocalDate asOf, int limitDays, int baseLimitDays,
                        int extendedDays, int calendarDays, int pausedDays, int netDays, int remaining, Level level,
                        List<Pause> pauses, List<Extension> extensions, LocalDate stoppedOn, String cite) {

    public enum Level { OK, WARN, CRITICAL, OVERRUN }

    /** A client-caused pause; {@code to} is null while it lasts. */
    public record Pause(LocalDate from, LocalDate to, String reason) {
    }

    /** An extension agreed with the client, with its reason. */
    public record Extension(int days, LocalDate agreedOn, String reason, String recordedBy) {
    }

    public CaseClock {
        pauses = List.copyOf(pauses);
        extensions = List.copyOf(extensions);
    }

    public boolean stopped() {
        return stoppedOn != null;
    }
}
