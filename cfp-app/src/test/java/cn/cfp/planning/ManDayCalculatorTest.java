package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import cn.cfp.scheme.ManDayActivity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R-PLAN-3: man-days per scheme, with figures small enough to check by hand (clause in each test name/comment). */
class ManDayCalculatorTest {

    static ManDayScope site(String key, Integer bom, Integer ghg) {
        return new ManDayScope(key, "场所 " + key, bom, ghg, false, false);
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    static BigDecimal planned(ManDayPlan p, String scope, ManDayActivity a) {
        return p.line(scope, a).orElseThrow().planned();
    }

    // ---- CNEX 001 §9.3.1: doc review ≥ 0.5, on-site inspection ≥ 2, verification ≥ 2, together ≥ 4, per site

    @Test
    void cnex_two_sites_are_planned_separately_with_the_minima_of_001_9_3_1() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cnex().manDayTable(), List.of(site("s1", null, null), site("s2", null, null)));
        assertThat(planned(p, "s1", ManDayActivity.DOC_REVIEW)).isEqualByComparingTo("0.5");
        assertThat(planned(p, "s1", ManDayActivity.ON_SITE_INSPECTION)).isEqualByComparingTo("2");
        assertThat(planned(p, "s1", ManDayActivity.ON_SITE_VERIFICATION)).isEqualByComparingTo("2");
        assertThat(planned(p, "s1", ManDayActivity.ON_SITE_COMBINED)).isEqualByComparingTo("4");
        // per site 0.5 + 2 + 2 = 4.5; two sites = 9
        assertThat(p.totalOf("s2")).isEqualByComparingTo("4.5");
        assertThat(p.total()).isEqualByComparingTo("9");
        assertThat(p.lines()).allMatch(l -> "001 §9.3.1".equals(l.cite()));
        assertThat(p.complete()).isTrue();
    }

    @Test
    void cnex_an_override_below_the_minimum_is_refused_saying_the_minimum_no_reduction_allowed() {
        ManDayPlan p = ManDayCalculator.plan(ShippedSchemes.cnex().manDayTable(), List.of(site("s1", null, null)),
                List.of(new ManDayOverride("s1", ManDayActivity.ON_SITE_INSPECTION, bd("1.5"), "小企业")));
        assertThat(p.problems()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.manDays.belowMinimum");
            assertThat(r.args()).containsExactly("场所 s1", ManDayActivity.ON_SITE_INSPECTION, "1.5", "2", "001 §9.3.1");
            assertThat(r.field()).isEqualTo("md_s1|ON_SITE_INSPECTION");
            assertThat(Messages.english(r)).contains("below the minimum of 2").contains("allows no reduction").contains("[001 §9.3.1]");
            assertThat(Messages.chinese(r)).contains("低于最低 2 人日").contains("本方案不允许减少").contains("[001 §9.3.1]");
        });
    }

    @Test
    void cnex_an_override_above_the_minimum_with_a_reason_is_taken_and_without_a_reason_refused() {
        ManDayPlan ok = ManDayCalculator.plan(ShippedSchemes.cnex().manDayTable(), List.of(site("s1", null, null)),
                List.of(new ManDayOverride("s1", ManDayActivity.ON_SITE_VERIFICATION, bd("3"), "数据系统复杂")));
        assertThat(ok.problems()).isEmpty();
        assertThat(planned(ok, "s1", ManDayActivity.ON_SITE_VERIFICATION)).isEqualByComparingTo("3");
        assertThat(planned(ok, "s1", ManDayActivity.ON_SITE_COMBINED)).isEqualByComparingTo("5");
        ManDayPlan noReason = ManDayCalculator.plan(ShippedSchemes.cnex().manDayTable(), List.of(site("s1", null, null)),
                List.of(new ManDayOverride("s1", ManDayActivity.ON_SITE_VERIFICATION, bd("3"), " ")));
        assertThat(noReason.problems()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.manDays.reasonRequired");
            assertThat(r.field()).isEqualTo("reason_s1|ON_SITE_VERIFICATION");
            assertThat(Messages.english(r)).contains("needs a reason");
        });
    }

    // ---- CEC 002 §5.5: initial on-site ≥ 2 per site

    @Test
    void cec_each_site_gets_at_least_two_on_site_man_days() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cec().manDayTable(), List.of(site("s1", null, null), site("s2", null, null)));
        assertThat(planned(p, "s1", ManDayActivity.INITIAL_ON_SITE)).isEqualByComparingTo("2");
        assertThat(p.total()).isEqualByComparingTo("4");
        assertThat(p.lines()).allMatch(l -> "002 §5.5".equals(l.cite()));
    }

    // ---- CGC 003 ¶46 (doc review 10–15), ¶54 (inspection by BOM items), ¶69 (verification by BOM items)

    @Test
    void cgc_150_bom_items_give_10_plus_1_5_plus_1() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cgc().manDayTable(), List.of(site("u1", 150, null)));
        assertThat(planned(p, "project", ManDayActivity.DOC_REVIEW)).isEqualByComparingTo("10"); // once per application (D5)
        assertThat(planned(p, "u1", ManDayActivity.ON_SITE_INSPECTION)).isEqualByComparingTo("1.5");
        assertThat(planned(p, "u1", ManDayActivity.ON_SITE_VERIFICATION)).isEqualByComparingTo("1");
        assertThat(p.total()).isEqualByComparingTo("12.5");
    }

    @Test
    void cgc_band_edges_400_items_is_1_5_and_2_and_401_items_is_2_and_2() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cgc().manDayTable(), List.of(site("a", 400, null), site("b", 401, null),
                site("c", 200, null)));
        assertThat(planned(p, "a", ManDayActivity.ON_SITE_INSPECTION)).isEqualByComparingTo("1.5");
        assertThat(planned(p, "a", ManDayActivity.ON_SITE_VERIFICATION)).isEqualByComparingTo("2");
        assertThat(planned(p, "b", ManDayActivity.ON_SITE_INSPECTION)).isEqualByComparingTo("2");
        assertThat(planned(p, "c", ManDayActivity.ON_SITE_VERIFICATION)).isEqualByComparingTo("1");
    }

    @Test
    void cgc_an_adopted_prior_verification_and_a_waived_inspection_plan_zero_on_site_days_R_APP_5() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cgc().manDayTable(),
                List.of(new ManDayScope("u1", "单元 1", 150, null, true, true)));
        assertThat(planned(p, "u1", ManDayActivity.ON_SITE_INSPECTION)).isEqualByComparingTo("0");
        assertThat(planned(p, "u1", ManDayActivity.ON_SITE_VERIFICATION)).isEqualByComparingTo("0");
        assertThat(p.total()).isEqualByComparingTo("10");
    }

    @Test
    void cgc_document_review_is_a_project_level_guide_not_a_per_unit_floor_003_46_decision_D5() {
        // four units of 50 BOM items each: 4 × (1 + 1) on site + one document review of 10 = 18 (was 4 × 12 = 48)
        List<ManDayScope> units = List.of(site("u1", 50, null), site("u2", 50, null), site("u3", 50, null), site("u4", 50, null));
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cgc().manDayTable(), units);
        assertThat(p.lines()).filteredOn(l -> l.activity() == ManDayActivity.DOC_REVIEW).singleElement()
                .satisfies(l -> assertThat(l.scopeKey()).isEqualTo("project"));
        assertThat(p.total()).isEqualByComparingTo("18");
        // 6 days (below the usual 10) is allowed with a reason and flagged, not refused
        ManDayPlan six = ManDayCalculator.plan(ShippedSchemes.cgc().manDayTable(), units,
                List.of(new ManDayOverride("project", ManDayActivity.DOC_REVIEW, new BigDecimal("6"), "资料齐全，单元产品相近")));
        assertThat(six.problems()).isEmpty();
        assertThat(planned(six, "project", ManDayActivity.DOC_REVIEW)).isEqualByComparingTo("6");
        ManDayLine line = six.lines().stream().filter(l -> l.activity() == ManDayActivity.DOC_REVIEW).findFirst().orElseThrow();
        assertThat(line.notes()).extracting(r -> r.code()).contains("planning.manDays.outsideGuide");
        assertThat(Messages.english(line.notes().get(line.notes().size() - 1))).contains("outside the usual 10–15");
        // 12 is inside the guide: no flag
        ManDayPlan twelve = ManDayCalculator.plan(ShippedSchemes.cgc().manDayTable(), units,
                List.of(new ManDayOverride("project", ManDayActivity.DOC_REVIEW, new BigDecimal("12"), "四个单元")));
        assertThat(twelve.lines()).flatExtracting(ManDayLine::notes).extracting(r -> r.code()).doesNotContain("planning.manDays.outsideGuide");
        // a rule that is not a guide keeps its floor: CNEX document review ≥ 0.5 (001 §9.3.1)
        ManDayPlan cnex = ManDayCalculator.plan(ShippedSchemes.cnex().manDayTable(), List.of(site("s1", null, null)),
                List.of(new ManDayOverride("s1", ManDayActivity.DOC_REVIEW, new BigDecimal("0.25"), "少")));
        assertThat(cnex.problems()).extracting(r -> r.code()).contains("planning.manDays.belowMinimum");
    }

    @Test
    void cgc_an_unknown_bom_count_leaves_the_plan_pending() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cgc().manDayTable(), List.of(site("u1", null, null)));
        assertThat(p.pending()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.code()).isEqualTo("planning.manDays.countUnknown");
            assertThat(r.args()).last().isEqualTo("003 ¶46; 003 ¶54; 003 ¶69");
            assertThat(Messages.english(r)).contains("BOM items");
            assertThat(Messages.chinese(r)).contains("BOM 物料数量");
        });
        assertThat(p.complete()).isFalse();
    }

    // ---- CICC 004 §9.3, §9.4, App. A: by GHG sources, reduction ≤ 30 %, document check ≤ 20 % of total

    @Test
    void cicc_45_sources_give_2_plus_2_plus_2_within_the_total_4_to_8() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cicc().manDayTable(), List.of(site("project", null, 45)));
        assertThat(planned(p, "project", ManDayActivity.DOC_REVIEW_AND_STAGE1)).isEqualByComparingTo("2");
        assertThat(planned(p, "project", ManDayActivity.STAGE2)).isEqualByComparingTo("2");
        assertThat(planned(p, "project", ManDayActivity.CERTIFICATE_AND_REPORT)).isEqualByComparingTo("2");
        assertThat(planned(p, "project", ManDayActivity.TOTAL)).isEqualByComparingTo("6");
        // decision D5: the total's range is the column sums 2–3 + 2–3 + 2 = 6–8, not the printed 4–8 (corrections A-11)
        assertThat(p.line("project", ManDayActivity.TOTAL).orElseThrow().tableMin()).isEqualByComparingTo("6");
        // document check ≤ 20 % of 6 = 1.2
        assertThat(p.line("project", ManDayActivity.DOC_REVIEW_AND_STAGE1).orElseThrow().notes())
                .filteredOn(n -> n.code().equals("planning.manDays.docReviewCap")).singleElement()
                .satisfies(n -> assertThat(n.args()).containsExactly("20", "1.2"));
        assertThat(p.complete()).isTrue();
    }

    @Test
    void cicc_a_reduction_of_30_percent_is_allowed_and_more_is_refused_saying_the_minimum() {
        // stage 2 table minimum 2; 30 % less = 1.4
        ManDayPlan ok = ManDayCalculator.plan(ShippedSchemes.cicc().manDayTable(), List.of(site("project", null, 45)),
                List.of(new ManDayOverride("project", ManDayActivity.STAGE2, bd("1.4"), "单一工艺")));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.total()).isEqualByComparingTo("5.4");
        ManDayPlan refused = ManDayCalculator.plan(ShippedSchemes.cicc().manDayTable(), List.of(site("project", null, 45)),
                List.of(new ManDayOverride("project", ManDayActivity.STAGE2, bd("1.3"), "单一工艺")));
        assertThat(refused.problems()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.manDays.belowReducedMinimum");
            assertThat(r.args()).containsExactly("场所 project", ManDayActivity.STAGE2, "1.3", "1.4", "2", "30",
                    "004 §9.3; 004 §9.4; 004 App. A");
            assertThat(Messages.english(r)).contains("below the minimum of 1.4").contains("less the allowed 30 %")
                    .contains("[004 §9.3; 004 §9.4; 004 App. A]");
        });
    }

    @Test
    void cicc_a_document_review_above_20_percent_of_the_total_is_refused() {
        // 2 + 2 + 2 = 6, plus a separate document check of 2 → total 8; 20 % of 8 = 1.6 < 2
        ManDayPlan p = ManDayCalculator.plan(ShippedSchemes.cicc().manDayTable(), List.of(site("project", null, 45)),
                List.of(new ManDayOverride("project", ManDayActivity.DOC_REVIEW, bd("2"), "资料多")));
        assertThat(p.problems()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.manDays.docReviewShare");
            assertThat(r.field()).isEqualTo("md_project|DOC_REVIEW");
            assertThat(Messages.english(r)).contains("exceeds 20 % of the total 8 (1.6)");
        });
    }

    @Test
    void cicc_more_than_100_sources_is_case_by_case_until_the_planner_sets_the_figures() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cicc().manDayTable(), List.of(site("project", null, 150)));
        assertThat(planned(p, "project", ManDayActivity.CERTIFICATE_AND_REPORT)).isEqualByComparingTo("2");
        assertThat(p.pending()).hasSize(2).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo("planning.manDays.caseByCase");
            assertThat(Messages.english(r)).contains("case by case");
        });
        assertThat(p.pending()).extracting(r -> r.field())
                .containsExactlyInAnyOrder("md_project|DOC_REVIEW_AND_STAGE1", "md_project|STAGE2");
        ManDayPlan set = ManDayCalculator.plan(ShippedSchemes.cicc().manDayTable(), List.of(site("project", null, 150)),
                List.of(new ManDayOverride("project", ManDayActivity.DOC_REVIEW_AND_STAGE1, bd("4"), "150 个排放源"),
                        new ManDayOverride("project", ManDayActivity.STAGE2, bd("5"), "150 个排放源")));
        assertThat(set.complete()).isTrue();
        assertThat(set.total()).isEqualByComparingTo("11");
    }

    // ---- CNCA-CFP-00 states no man-day rule

    @Test
    void cnca_states_no_rule_so_the_planner_enters_figures_with_reasons() {
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cnca().manDayTable(), List.of(site("s1", null, null)));
        assertThat(p.lines()).isEmpty();
        assertThat(p.pending()).extracting(r -> r.code()).containsExactly("planning.manDays.noRuleEnterFigures");
        assertThat(p.notes()).extracting(r -> r.code()).containsAnyOf("planning.manDays.noRule", "planning.manDays.noRuleNoted");
        ManDayPlan set = ManDayCalculator.plan(ShippedSchemes.cnca().manDayTable(), List.of(site("s1", null, null)),
                List.of(new ManDayOverride("s1", ManDayActivity.ON_SITE_INSPECTION, bd("2"), "按机构程序")));
        assertThat(set.complete()).isTrue();
        assertThat(set.total()).isEqualByComparingTo("2");
    }

    @Test
    void a_sum_line_cannot_be_set_and_an_unknown_site_is_refused() {
        ManDayPlan p = ManDayCalculator.plan(ShippedSchemes.cnex().manDayTable(), List.of(site("s1", null, null)),
                List.of(new ManDayOverride("s1", ManDayActivity.ON_SITE_COMBINED, bd("5"), "x"),
                        new ManDayOverride("s9", ManDayActivity.DOC_REVIEW, bd("1"), "x")));
        assertThat(p.problems()).extracting(r -> r.code())
                .containsExactlyInAnyOrder("planning.manDays.sumLine", "planning.manDays.unknownScope");
    }
}
