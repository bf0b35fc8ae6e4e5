package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import cn.cfp.scheme.PlanNotice;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The on-site plan rules against the shipped scheme files (corrections B-8, B-9, A-16, A-20): who requires the client's
 * confirmation before the visit, what the plan is called, and CGC's 30 working days after the document review.
 */
class OnSitePlanRulesTest {

    static java.util.List<String> codes(cn.cfp.shared.Verdict v) {
        return v.reasons().stream().map(cn.cfp.shared.Reason::code).toList();
    }

    @Test
    void the_schemes_that_require_the_clients_confirmation_are_data_001_9_6_2_003_36_004_9_4_3() {
        assertThat(ShippedSchemes.cnex().verificationPlanNotice().value().clientConfirmation()).isEqualTo(PlanNotice.Confirmation.REQUIRED);
        assertThat(ShippedSchemes.cnex().verificationPlanNotice().value().minWorkingDaysBefore()).isEqualTo(1); // "至少1个工作日"
        assertThat(ShippedSchemes.cgc().verificationPlanNotice().value().confirmationRequired()).isTrue();
        assertThat(ShippedSchemes.cicc().verificationPlanNotice().value().confirmationRequired()).isTrue();
        assertThat(ShippedSchemes.cec().verificationPlanNotice().value()).isNull();   // 002 states nothing
        assertThat(ShippedSchemes.cnca().verificationPlanNotice().value()).isNull();
    }

    @Test
    void cgc_names_its_plan_the_on_site_inspection_plan_of_003_35_36_corrections_a_20() {
        var cgc = ShippedSchemes.cgc().verificationPlanNotice();
        assertThat(cgc.value().plan().zh()).isEqualTo("现场检查计划");
        assertThat(cgc.value().plan().en()).isEqualTo("on-site inspection plan");
        assertThat(cgc.cite()).isEqualTo("003 ¶35; 003 ¶36");
        assertThat(cgc.value().summary(java.util.Locale.CHINA)).startsWith("现场检查计划").doesNotContain("核查计划");
        assertThat(ShippedSchemes.cnex().verificationPlanNotice().value().plan().zh()).isEqualTo("现场核查计划"); // 001 §9.6.2
        assertThat(ShippedSchemes.cicc().verificationPlanNotice().value().plan().zh()).isEqualTo("书面核查计划"); // 004 §9.4.3
    }

    @Test
    void the_visit_waits_for_the_confirmation_of_the_current_revision_where_the_scheme_requires_it() {
        var cnex = ShippedSchemes.cnex().verificationPlanNotice();
        assertThat(codes(ClientConfirmationPolicy.check(cnex, 1, Optional.empty())))
                .containsExactly("planning.visit.notConfirmed");
        assertThat(codes(ClientConfirmationPolicy.check(cnex, 2, Optional.of(ClientAnswer.CHANGE_REQUESTED))))
                .containsExactly("planning.visit.changeRequested");
        assertThat(ClientConfirmationPolicy.check(cnex, 2, Optional.of(ClientAnswer.CONFIRMED)).allowed()).isTrue();
        assertThat(Messages.english(ClientConfirmationPolicy.check(cnex, 1, Optional.empty()).reasons().get(0)))
                .isEqualTo("The client has not confirmed revision 1 of the on-site verification plan: the visit cannot start [001 §9.6.2]");
        // CEC states no confirmation: the visit does not wait for one
        assertThat(ClientConfirmationPolicy.check(ShippedSchemes.cec().verificationPlanNotice(), 1, Optional.empty()).allowed()).isTrue();
    }

    @Test
    void cgc_warns_after_30_working_days_from_the_document_review_and_no_other_scheme_states_a_limit_003_50() {
        // Friday 2026-11-06: the 30th weekday after it is Friday 2026-12-18 (six weeks of five days), the 31st Monday 12-21
        LocalDate concluded = LocalDate.of(2026, 11, 6);
        java.util.function.BiFunction<LocalDate, Integer, LocalDate> weekdays = (d, n) -> {
            LocalDate x = d;
            for (int left = n; left > 0; ) {
                x = x.plusDays(1);
                if (VisitNoticeTest.WEEKDAYS.test(x)) {
                    left--;
                }
            }
            return x;
        };
        var cgc = ShippedSchemes.cgc().onSiteAfterDocumentReviewWorkingDays();
        assertThat(cgc.value()).isEqualTo(30);
        assertThat(cgc.cite()).isEqualTo("003 ¶50");
        assertThat(OnSiteTiming.warning(cgc, concluded, LocalDate.of(2026, 12, 18), weekdays)).isEmpty();
        assertThat(OnSiteTiming.warning(cgc, concluded, LocalDate.of(2026, 12, 21), weekdays)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("planning.warning.onSiteAfterReview");
            assertThat(r.args()).containsExactly(LocalDate.of(2026, 12, 21), 30, concluded, LocalDate.of(2026, 12, 18), "003 ¶50");
        });
        for (var s : java.util.List.of(ShippedSchemes.cnca(), ShippedSchemes.cnex(), ShippedSchemes.cec(), ShippedSchemes.cicc())) {
            assertThat(s.onSiteAfterDocumentReviewWorkingDays().value()).as(s.code()).isNull();
            assertThat(OnSiteTiming.warning(s.onSiteAfterDocumentReviewWorkingDays(), concluded, LocalDate.of(2027, 6, 1), weekdays)).isEmpty();
        }
    }
}
