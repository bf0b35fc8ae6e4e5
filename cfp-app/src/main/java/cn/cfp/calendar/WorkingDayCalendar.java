package cn.cfp.calendar;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days per China's official arrangement: a day is a working day if it is marked as an
 * adjusted working day, or it is Monday-Friday and not a public holiday. Years without a configured
 * arrangement fall back to Monday-Friday, and every result says which years it had to assume.
 * Storage: {@link CalendarRepository}.
 */
@Service
public class WorkingDayCalendar {

    public enum Kind { HOLIDAY, WORKDAY }

    public record Entry(LocalDate date, Kind kind, String name) {
    }

    public record ConfiguredYear(int year, String source) {
    }

    /** The most working days one computation counts (about ten years). */
    static final int MAX_WORKING_DAYS = 3660;
    static final int MAX_NAME = 100;
    static final int MAX_SOURCE = 500;

    private final CalendarRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    WorkingDayCalendar(CalendarRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return new YearView().isWorkingDay(date);
    }

    /** The date that is {@code n} working days after {@code from} (n >= 0; n = 0 gives {@code from}). */
    public WorkingDays plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw Refusal.badRequest(List.of(Reason.of("calendar.days.negative", n).at("days")));
        }
        if (n > MAX_WORKING_DAYS) {
            throw Refusal.badRequest(List.of(Reason.of("calendar.days.tooMany", MAX_WORKING_DAYS, n).at("days")));
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
        return repository.configuredYears();
    }

    public List<Entry> entries(int year) {
        return repository.entries(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Transactional
    public void put(String actor, LocalDate date, Kind kind, String name) {
        List<Reason> problems = new ArrayList<>();
        if (date == null || kind == null) {
            problems.add(Reason.of("calendar.day.dateAndKindRequired").at(date == null ? "date" : "kind"));
        }
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            problems.add(Reason.of("calendar.day.nameRequired", MAX_NAME).at("name"));
        }
        if (date != null && kind == Kind.WORKDAY) {
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend) {
                problems.add(Reason.of("calendar.day.workdayNotWeekend", date, new Weekday(date.getDayOfWeek())).at("kind"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        repository.putDay(date, kind, name.strip());
        audit.record(actor, "CALENDAR_DAY_SET", "calendar:" + date, Map.of("kind", kind.name(), "name", name.strip()));
    }

    @Transactional
    public void remove(String actor, LocalDate date) {
        if (!repository.deleteDay(date)) {
            throw Refusal.notFound("calendar.day.notFound", date);
        }
        audit.record(actor, "CALENDAR_DAY_REMOVED", "calendar:" + date, Map.of());
    }

    @Transactional
    public void markConfigured(String actor, int year, String source) {
        List<Reason> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(Reason.of("calendar.year.outOfRange", String.valueOf(year)).at("year"));
        }
        if (source == null || source.isBlank()) {
            problems.add(Reason.of("calendar.year.sourceRequired").at("source"));
        } else if (source.strip().length() > MAX_SOURCE) {
            problems.add(Reason.of("calendar.year.sourceTooLong", MAX_SOURCE).at("source"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        repository.putYear(year, source.strip(), actor, OffsetDateTime.now(clock));
        audit.record(actor, "CALENDAR_YEAR_CONFIGURED", "calendar:" + year, Map.of("source", source.strip()));
    }

    /** Years from this year to {@code yearsAhead} later that still need configuring. */
    public List<Integer> missingYears(int yearsAhead) {
        int now = LocalDate.now(clock).getYear();
        Set<Integer> configured = new TreeSet<>(configuredYears().stream().map(ConfiguredYear::year).toList());
        return java.util.stream.IntStream.rangeClosed(now, now + yearsAhead).boxed().filter(y -> !configured.contains(y)).toList();
    }
}
