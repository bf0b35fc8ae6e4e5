package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.AssurancePolicy;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * R-PLAN-1, R-PLAN-4: what the inspection scheme and the verification plan still lack, as reason codes at their form
 * fields with the clause they come from, each readable in one language.
 */
class PlanDocumentsTest {

    static final InspectionScheme EMPTY_SCHEME = new InspectionScheme(null, null, null, null, null, null, null, null, null, null,
            null, null);
    static final VerificationPlan EMPTY_PLAN = new VerificationPlan(null, null, null, List.of(), null, null, null, null, null);

    @Test
    void an_empty_inspection_scheme_lists_every_part_at_its_field_citing_000_7_3_1() {
        List<Reason> p = EMPTY_SCHEME.problems();
        assertThat(p).extracting(Reason::field).containsExactly("purpose", "units", "productTypes", "systemBoundary",
                "functionalUnit", "basis", "onSiteRequirements", "verificationRequirements", "schedule", "dataPeriodFrom", "visitDate");
        assertThat(p).allSatisfy(r -> {
            assertThat(r.args()).last().isEqualTo("000 §7.3.1");
            assertThat(Messages.english(r)).startsWith("Give the ").endsWith("[000 §7.3.1]").doesNotContain("planning.");
            assertThat(Messages.chinese(r)).startsWith("请填写").endsWith("[000 §7.3.1]").doesNotContain("planning.");
        });
        assertThat(Messages.english(p.get(0))).isEqualTo("Give the purpose [000 §7.3.1]");
        assertThat(Messages.chinese(p.get(0))).isEqualTo("请填写认证目的 [000 §7.3.1]");
    }

    @Test
    void a_complete_inspection_scheme_has_no_problems_and_a_reversed_data_period_or_a_long_text_is_named() {
        assertThat(PlansWorkflowTest.scheme(LocalDate.of(2026, 12, 7)).problems()).isEmpty();
        InspectionScheme reversed = new InspectionScheme("a", "b", "c", "d", "e", LocalDate.of(2025, 12, 31), LocalDate.of(2025, 1, 1),
                "f", "g", "h", "x".repeat(InspectionScheme.MAX + 1), LocalDate.of(2026, 12, 7));
        assertThat(reversed.problems()).extracting(Reason::code, Reason::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("planning.dataPeriod", "dataPeriodFrom"),
                org.assertj.core.groups.Tuple.tuple("planning.inspection.tooLong", "schedule"));
        assertThat(Messages.english(reversed.problems().get(0))).isEqualTo("The data period starts 2025-12-31 after it ends 2025-01-01");
    }

    @Test
    void an_empty_verification_plan_lists_the_parts_the_complexity_and_each_of_the_eleven_risk_factors() {
        for (Scheme s : ShippedSchemes.catalog().all()) {
            List<Reason> p = EMPTY_PLAN.problems(s.assurance());
            assertThat(p).as(s.code()).extracting(Reason::code).contains("planning.verification.required",
                    "planning.verification.complexityRequired", "planning.verification.riskUnrated");
            assertThat(p).as(s.code()).filteredOn(r -> r.code().equals("planning.verification.riskUnrated"))
                    .hasSize(RiskFactor.values().length)
                    .allSatisfy(r -> assertThat(r.args()).last().isEqualTo(RiskFactor.CITE));
            assertThat(p).as(s.code()).filteredOn(r -> r.code().equals("planning.verification.required"))
                    .extracting(Reason::field).containsExactly("informationAnalysis", "samplingPlan", "evidencePlan", "verificationActivities");
            assertThat(p).as(s.code()).allSatisfy(r -> {
                assertThat(r.field()).as(r.code()).isNotNull();
                assertThat(Messages.english(r)).doesNotContain("planning.");
                assertThat(Messages.chinese(r)).doesNotContain("planning.");
            });
        }
        Reason first = EMPTY_PLAN.problems(ShippedSchemes.cnex().assurance()).get(0);
        assertThat(Messages.english(first)).isEqualTo("Give the information analysis [000 Annex 2 §4.2.1]");
        assertThat(Messages.chinese(first)).isEqualTo("请填写信息分析 [000 Annex 2 §4.2.1]");
        Reason risk = EMPTY_PLAN.problems(ShippedSchemes.cnex().assurance()).stream()
                .filter(r -> "risk_CUT_OFF".equals(r.field())).findFirst().orElseThrow();
        assertThat(Messages.english(risk)).startsWith("Rate risk factor 5: cut-off criteria").endsWith("[000 Annex 2 §4.2.2]");
        assertThat(Messages.chinese(risk)).startsWith("请评估风险因素（5）取舍原则").endsWith("[000 Annex 2 §4.2.2]");
    }

    @Test
    void a_complete_verification_plan_has_no_problems_and_a_materiality_out_of_range_or_a_risk_rated_twice_is_named() {
        for (Scheme s : ShippedSchemes.catalog().all()) {
            assertThat(PlansWorkflowTest.verification().problems(s.assurance())).as(s.code())
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo("planning.verification.assuranceNotOffered"));
        }
        VerificationPlan v = PlansWorkflowTest.verification();
        List<RiskAssessment> risks = new java.util.ArrayList<>(v.risks());
        risks.add(new RiskAssessment(RiskFactor.ALLOCATION, RiskRating.HIGH, null));
        VerificationPlan wrong = new VerificationPlan(v.informationAnalysis(), v.complexity(), v.complexityReason(), risks,
                v.assuranceLevel(), new BigDecimal("120"), v.samplingPlan(), v.evidencePlan(), v.verificationActivities());
        assertThat(wrong.problems(null)).extracting(Reason::code, Reason::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("planning.verification.riskTwice", "risk_ALLOCATION"),
                org.assertj.core.groups.Tuple.tuple("planning.verification.materialityRange", "materialityPercent"));
        assertThat(Messages.english(wrong.problems(null).get(1))).isEqualTo("The materiality threshold must be above 0 and at most 100 %, got 120");
    }

    @Test
    void a_scheme_offering_other_assurance_levels_refuses_the_chosen_one_and_asks_for_the_level_and_materiality() {
        Cited<AssurancePolicy> reasonableOnly = new Cited<>(new AssurancePolicy(List.of(AssuranceLevel.REASONABLE), true, null),
                "004 §7", null, false, "TEST");
        VerificationPlan v = PlansWorkflowTest.verification(); // LIMITED
        assertThat(v.problems(reasonableOnly)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.verification.assuranceNotOffered");
            assertThat(r.field()).isEqualTo("assuranceLevel");
            assertThat(r.args()).last().isEqualTo("004 §7");
            assertThat(Messages.english(r)).isEqualTo("The scheme offers the assurance levels reasonable, not limited [004 §7]");
            assertThat(Messages.chinese(r)).isEqualTo("本方案不提供保证等级“有限保证”（可选：合理保证） [004 §7]");
        });
        VerificationPlan none = new VerificationPlan(v.informationAnalysis(), v.complexity(), v.complexityReason(), v.risks(),
                null, null, v.samplingPlan(), v.evidencePlan(), v.verificationActivities());
        assertThat(none.problems(reasonableOnly)).extracting(Reason::code, Reason::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("planning.verification.assuranceRequired", "assuranceLevel"),
                org.assertj.core.groups.Tuple.tuple("planning.verification.materialityRequired", "materialityPercent"));
        assertThat(Messages.english(none.problems(reasonableOnly).get(0))).isEqualTo("Choose the assurance level (reasonable) [004 §7]");
    }

    @Test
    void the_planning_reason_codes_do_not_shadow_the_planning_page_labels() throws IOException {
        // the page labels (i18n/planning) are looked up before the reasons (i18n/reasons/planning): a shared key would
        // show the label instead of the reason
        for (String suffix : List.of("", "_en")) {
            Set<String> reasons = new TreeSet<>(load("i18n/reasons/planning" + suffix + ".properties").stringPropertyNames());
            reasons.retainAll(load("i18n/planning" + suffix + ".properties").stringPropertyNames());
            assertThat(reasons).as("keys in both i18n/planning%s and i18n/reasons/planning%s", suffix, suffix).isEmpty();
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PlanDocumentsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
