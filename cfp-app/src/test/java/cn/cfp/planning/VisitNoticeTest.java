package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** R-PLAN-6: the CNEX on-site verification plan goes to the client ≥ 1 working day before the visit [001 §9.6.2]. */
class VisitNoticeTest {

    static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    @Test
    void cnex_a_monday_visit_must_be_sent_by_the_friday_before_001_9_6_2() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(VisitNotice.latestSend(monday, 1, WEEKDAYS)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(VisitNotice.refusal(LocalDate.of(2026, 12, 4), monday, ShippedSchemes.cnex().verificationPlanNotice(), WEEKDAYS)).isEmpty();
        // sent on the Saturday: no working day is left before the visit
        assertThat(VisitNotice.refusal(LocalDate.of(2026, 12, 5), monday, ShippedSchemes.cnex().verificationPlanNotice(), WEEKDAYS))
                .get().satisfies(r -> {
                    assertThat(r.code()).isEqualTo("planning.send.tooLate");
                    assertThat(r.args()).containsExactly(1, monday, LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5), "001 §9.6.2");
                    assertThat(Messages.english(r)).contains("by 2026-12-04").contains("[001 §9.6.2]");
                    assertThat(Messages.chinese(r)).contains("最迟 2026-12-04").contains("[001 §9.6.2]");
                });
    }

    @Test
    void a_scheme_without_a_working_day_notice_only_needs_the_visit_to_be_ahead() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(VisitNotice.refusal(LocalDate.of(2026, 12, 6), monday, ShippedSchemes.cgc().verificationPlanNotice(), WEEKDAYS)).isEmpty();
        assertThat(VisitNotice.refusal(monday, monday, ShippedSchemes.cgc().verificationPlanNotice(), WEEKDAYS))
                .get().satisfies(r -> {
                    assertThat(r.code()).isEqualTo("planning.send.visitNotAhead");
                    assertThat(Messages.english(r)).contains("not after today");
                });
    }
}
