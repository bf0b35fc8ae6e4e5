package cn.cfp.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Working days per the State Council's 2025/2026 holiday notices (R-APP-3 acceptance within 3 working days).
 * Each expected date is counted by hand in the comment.
 */
@CfpIntegrationTest
class WorkingDayCalendarTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void national_day_2026_holidays_are_skipped_and_the_adjusted_saturday_counts() {
        // From Wed 2026-09-30: Oct 1-7 holiday; Thu Oct 8 = 1, Fri Oct 9 = 2, Sat Oct 10 (调休上班) = 3.
        WorkingDays r = calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3);
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(r.exact()).isTrue();
    }

    @Test
    void spring_festival_2026_acceptance_notice_deadline() {
        // File complete Fri 2026-02-13. Sat Feb 14 is a working day (调休) = 1; Feb 15-23 holiday;
        // Tue Feb 24 = 2, Wed Feb 25 = 3.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 3).date()).isEqualTo(LocalDate.of(2026, 2, 25));
    }

    @Test
    void an_adjusted_sunday_is_a_working_day_and_a_weekday_holiday_is_not() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();   // Sunday, 春节调休上班
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();  // Wednesday, 国庆节
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 25))).isTrue();  // ordinary Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // ordinary Saturday
    }

    @Test
    void an_unconfigured_year_falls_back_to_weekdays_and_says_so() {
        // 2030 is not configured: Mon 2030-09-30 + 3 = Thu 2030-10-03 by weekdays (National Day not known).
        WorkingDays r = calendar.plusWorkingDays(LocalDate.of(2030, 9, 30), 3);
        assertThat(r.date()).isEqualTo(LocalDate.of(2030, 10, 3));
        assertThat(r.exact()).isFalse();
        assertThat(r.unconfiguredYears()).containsExactly(2030);
    }

    @Test
    void an_admin_edit_changes_the_count_and_is_audited() {
        // 2031 unconfigured: Thu 2031-01-02 + 1 = Fri 01-03; after marking 01-03 a holiday it is Mon 01-06.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 1, 2), 1).date()).isEqualTo(LocalDate.of(2031, 1, 3));
        calendar.put("admin", LocalDate.of(2031, 1, 3), WorkingDayCalendar.Kind.HOLIDAY, "测试假日");
        calendar.markConfigured("admin", 2031, "test notice");
        WorkingDays r = calendar.plusWorkingDays(LocalDate.of(2031, 1, 2), 1);
        assertThat(r.date()).isEqualTo(LocalDate.of(2031, 1, 6));
        assertThat(r.exact()).isTrue();
    }

    @Test
    void a_weekday_cannot_be_made_an_adjusted_working_day() {
        assertThatThrownBy(() -> calendar.put("admin", LocalDate.of(2026, 12, 2), WorkingDayCalendar.Kind.WORKDAY, "x"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(Messages.codes(r)).containsExactly("calendar.day.workdayNotWeekend");
                    assertThat(r.reasons().get(0).field()).isEqualTo("kind");
                    // the weekday is named in the reader's language
                    assertThat(Messages.english(r)).containsExactly(
                            "2026-12-02 is a Wednesday: only a Saturday or Sunday can be an adjusted working day");
                    assertThat(Messages.chinese(r)).containsExactly("2026-12-02 是星期三：调休上班日只能是周六或周日");
                });
        assertThat(calendar.entries(2026)).noneMatch(e -> e.date().equals(LocalDate.of(2026, 12, 2)));
    }

    @Test
    void a_day_needs_a_name_a_year_a_source_and_a_count_is_never_negative() {
        assertThatThrownBy(() -> calendar.put("admin", LocalDate.of(2026, 12, 5), WorkingDayCalendar.Kind.WORKDAY, " "))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.codes(r)).containsExactly("calendar.day.nameRequired"));
        assertThatThrownBy(() -> calendar.markConfigured("admin", 1999, ""))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(Messages.codes(r)).containsExactly("calendar.year.outOfRange", "calendar.year.sourceRequired");
                    assertThat(r.reasons()).extracting(cn.cfp.shared.Reason::field).containsExactly("year", "source");
                });
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.english(r))
                        .containsExactly("The number of working days must not be negative, got -1"));
        assertThatThrownBy(() -> calendar.remove("admin", LocalDate.of(2026, 12, 9)))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(404);
                    assertThat(Messages.codes(r)).containsExactly("calendar.day.notFound");
                });
    }
}
