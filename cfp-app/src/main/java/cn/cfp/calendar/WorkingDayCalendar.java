package cn.cfp.calendar;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days per China's official arrangement: a day is a working day if it is marked as an
 * adjusted working day, or it is Monday-Friday and not a public holiday. Years without a configured
 * arrangement fall back to Monday-Friday, and every result says which years it had to assume.
 */
@Service
public class WorkingDayCalendar {

    public enum Kind { HOLIDAY, WORKDAY }

    public record Entry(LocalDate date, Kind kind, String name) {
    }

    public record ConfiguredYear(int year, String source) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    WorkingDayCalendar(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return new YearView().isWorkingDay(date);
    }

    /** The date that is {@code n} working days after {@code from} (n >= 0; n = 0 gives {@code from}). */
    public WorkingDays plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new Refusal("The number of working days must not be negative, got " + n);
        }
        if (n > 3660) {
            throw new Refusal("At most 3660 working days can be counted, got " + n);
        }
        YearView view = new YearView();
        view.load(from.getYear());
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (view.isWorkingDay(d)) {
                left--;
            }
        }
        return new WorkingDays(d, view.assumed);
    }

    /** Working days after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        YearView view = new YearView();
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (view.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The arrangement of the years one computation touches, read once per year. */
    private final class YearView {
        private final Set<Integer> configured = new TreeSet<>(configuredYears().stream().map(ConfiguredYear::year).toList());
        private final Map<Integer, Map<LocalDate, Kind>> days = new java.util.HashMap<>();
        private final SortedSet<Integer> assumed = new TreeSet<>();

        Map<LocalDate, Kind> load(int year) {
            if (!configured.contains(year)) {
                assumed.add(year);
            }
            return days.computeIfAbsent(year, y -> {
                Map<LocalDate, Kind> m = new java.util.HashMap<>();
                entries(y).forEach(e -> m.put(e.date(), e.kind()));
                return m;
            });
        }

        boolean isWorkingDay(LocalDate date) {
            Kind kind = load(date.getYear()).get(date);
            if (kind != null) {
                return kind == Kind.WORKDAY;
            }
            DayOfWeek d = date.getDayOfWeek();
            return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
        }
    }

    public boolean isConfigured(int year) {
        return configuredYears().stream().anyMatch(y -> y.year() == year);
    }

    public List<ConfiguredYear> configuredYears() {
        return jdbc.sql("SELECT cal_year, source FROM calendar_year ORDER BY cal_year")
                .query((rs, n) -> new ConfiguredYear(rs.getInt("cal_year"), rs.getString("source"))).list();
    }

    public List<Entry> entries(int year) {
        return jdbc.sql("SELECT * FROM calendar_day WHERE cal_date >= :a AND cal_date <= :b ORDER BY cal_date")
                .param("a", LocalDate.of(year, 1, 1)).param("b", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Entry(rs.getObject("cal_date", LocalDate.class), Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"))).list();
    }

    @Transactional
    public void put(String actor, LocalDate date, Kind kind, String name) {
        if (date == null || kind == null) {
            throw new Refusal("Give a date and a kind (holiday or adjusted working day) / 请填写日期和类型");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new Refusal("Give the day a name of 1-100 characters, e.g. 春节 / 请填写说明");
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == Kind.WORKDAY && !weekend) {
            throw new Refusal(date + " is a " + date.getDayOfWeek() + ": only a Saturday or Sunday can be an adjusted working day / 调休上班日只能是周六或周日");
        }
        jdbc.sql("DELETE FROM calendar_day WHERE cal_date = :d").param("d", date).update();
        jdbc.sql("INSERT INTO calendar_day (cal_date, kind, name) VALUES (:d, :k, :n)")
                .param("d", date).param("k", kind.name()).param("n", name.strip()).update();
        audit.record(actor, "CALENDAR_DAY_SET", "calendar:" + date, Map.of("kind", kind.name(), "name", name.strip()));
    }

    @Transactional
    public void remove(String actor, LocalDate date) {
        if (jdbc.sql("DELETE FROM calendar_day WHERE cal_date = :d").param("d", date).update() == 0) {
            throw Refusal.notFound("Calendar entry " + date);
        }
        audit.record(actor, "CALENDAR_DAY_REMOVED", "calendar:" + date, Map.of());
    }

    @Transactional
    public void markConfigured(String actor, int year, String source) {
        if (year < 2000 || year > 2100) {
            throw new Refusal("Year must be between 2000 and 2100, got " + year);
        }
        if (source == null || source.isBlank()) {
            throw new Refusal("Cite the official notice the arrangement comes from / 请注明依据的官方通知");
        }
        jdbc.sql("DELETE FROM calendar_year WHERE cal_year = :y").param("y", year).update();
        jdbc.sql("INSERT INTO calendar_year (cal_year, source, configured_by, configured_at) VALUES (:y, :s, :a, :t)")
                .param("y", year).param("s", source.strip()).param("a", actor).param("t", OffsetDateTime.now(clock)).update();
        audit.record(actor, "CALENDAR_YEAR_CONFIGURED", "calendar:" + year, Map.of("source", source.strip()));
    }

    /** Years from this year to {@code yearsAhead} later that still need configuring. */
    public List<Integer> missingYears(int yearsAhead) {
        int now = LocalDate.now(clock).getYear();
        Set<Integer> configured = new TreeSet<>(configuredYears().stream().map(ConfiguredYear::year).toList());
        return java.util.stream.IntStream.rangeClosed(now, now + yearsAhead).boxed().filter(y -> !configured.contains(y)).toList();
    }
}
