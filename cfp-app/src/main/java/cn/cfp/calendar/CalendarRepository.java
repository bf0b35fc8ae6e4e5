package cn.cfp.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The configured years and the holidays and adjusted working days as stored. */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WorkingDayCalendar.ConfiguredYear> configuredYears() {
        return jdbc.sql("SELECT cal_year, source FROM calendar_year ORDER BY cal_year")
                .query((rs, n) -> new WorkingDayCalendar.ConfiguredYear(rs.getInt("cal_year"), rs.getString("source"))).list();
    }

    /** The entries from {@code from} to {@code to}, both included, in date order. */
    List<WorkingDayCalendar.Entry> entries(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM calendar_day WHERE cal_date >= :a AND cal_date <= :b ORDER BY cal_date")
                .param("a", from).param("b", to)
                .query((rs, n) -> new WorkingDayCalendar.Entry(rs.getObject("cal_date", LocalDate.class),
                        WorkingDayCalendar.Kind.valueOf(rs.getString("kind")), rs.getString("name"))).list();
    }

    /** Sets the day's entry, replacing any earlier one. */
    void putDay(LocalDate date, WorkingDayCalendar.Kind kind, String name) {
        deleteDay(date);
        jdbc.sql("INSERT INTO calendar_day (cal_date, kind, name) VALUES (:d, :k, :n)")
                .param("d", date).param("k", kind.name()).param("n", name).update();
    }

    /** Removes the day's entry; false when there was none. */
    boolean deleteDay(LocalDate date) {
        return jdbc.sql("DELETE FROM calendar_day WHERE cal_date = :d").param("d", date).update() > 0;
    }

    /** Records the year as configured from {@code source}, replacing any earlier record. */
    void putYear(int year, String source, String by, OffsetDateTime at) {
        jdbc.sql("DELETE FROM calendar_year WHERE cal_year = :y").param("y", year).update();
        jdbc.sql("INSERT INTO calendar_year (cal_year, source, configured_by, configured_at) VALUES (:y, :s, :a, :t)")
                .param("y", year).param("s", source).param("a", by).param("t", at).update();
    }
}
