package cn.cfp.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.TestSchemes;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.cases.TeamMember;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.Step;
import cn.cfp.scheme.TechnicalReviewRules;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review's scheme data and its two policies, without a server [R-REV-1, R-REV-2]. */
class ReviewRulesTest {

    @Test
    void every_scheme_states_review_items_with_cites_and_a_consequence_for_each_decision_outcome() {
        for (Scheme s : TestSchemes.catalog().all()) {
            TechnicalReviewRules r = s.technicalReview().value();
            assertThat(r).as(s.code()).isNotNull();
            assertThat(r.items()).as(s.code()).isNotEmpty().allSatisfy(i -> assertThat(i.cite()).matches("\\d{3} .+"));
            for (Step o : s.decision().value().outcomes()) {
                assertThat(r.outcome(o.key())).as(s.code() + " " + o.key()).isPresent();
            }
        }
    }

    @Test
    void the_seeds_lists_are_the_items_cicc_10_1_4_cgc_77_and_000_annex_2() {
        assertThat(TestSchemes.get("CICC-ZY-GZ-20").technicalReview().value().items()).extracting(TechnicalReviewRules.Item::key)
                .containsExactly("MAN_DAYS_APPROVED", "VERIFIER_QUALIFIED", "NO_CONFLICT", "CORRECTIONS_CLOSED", "FOLLOW_UP_DONE",
                        "RESULTS_CONFORM");
        assertThat(TestSchemes.get("CICC-ZY-GZ-20").technicalReview().value().items().get(4).text().zh())
                .contains("必要的跟踪核查已经完成");
        TechnicalReviewRules cgc = TestSchemes.get("CGC-R52003").technicalReview().value();
        assertThat(cgc.items()).hasSize(4).allSatisfy(i -> assertThat(i.cite()).isEqualTo("003 ¶77"));
        assertThat(cgc.outcome("PASS").orElseThrow().nonconformities()).isEqualTo(TechnicalReviewRules.NcCondition.NONE);
        assertThat(cgc.outcome("PASS_AFTER_NC_CLOSURE").orElseThrow().nonconformities()).isEqualTo(TechnicalReviewRules.NcCondition.SOME);
        assertThat(cgc.reviewerMayDecide()).isFalse();
        assertThat(cgc.deciderQualification().zh()).contains("1 年或 5 项以上");
        TechnicalReviewRules cnex = TestSchemes.get("CNEX-01-G").technicalReview().value();
        assertThat(cnex.reviewerMayDecide()).isTrue();
        assertThat(cnex.approval().by().zh()).isEqualTo("中心主任");
        assertThat(cnex.approval().cite()).isEqualTo("001 §9.8");
        assertThat(cnex.reviewerQualification().zh()).contains("不宜低于检查员");
        assertThat(TestSchemes.get("CNCA-CFP-00").technicalReview().value().approval()).isNull();
        assertThat(TestSchemes.get("CNCA-CFP-00").technicalReview().value().outcome("FAIL").orElseThrow().result())
                .isEqualTo(TechnicalReviewRules.Result.TERMINATED);   // 000 §7.7 认证终止
        assertThat(TestSchemes.get("CEC-FURNITURE").technicalReview().value().outcome("FAIL").orElseThrow().result())
                .isEqualTo(TechnicalReviewRules.Result.NOT_CERTIFIED);
        // CNEX's decision inherits 000's outcomes (001 states none of its own)
        assertThat(TestSchemes.get("CNEX-01-G").decision().value().outcomes()).extracting(Step::key).containsExactly("PASS", "FAIL");
    }

    @Test
    void the_policies_name_each_part_a_person_had_in_the_case() {
        Scheme cnex = TestSchemes.get("CNEX-01-G");
        Scheme cgc = TestSchemes.get("CGC-R52003");
        CaseParts c = aCase(cnex);
        Actor leader = new Actor(11, "leader", "组长", Set.of(Role.REVIEWER), null);
        Actor pm = new Actor(10, "pm", "项目负责人", Set.of(Role.REVIEWER, Role.DECISION_MAKER), null);
        Actor preparer = new Actor(20, "prep", "编制人", Set.of(Role.DECISION_MAKER), null);
        Actor outsider = new Actor(30, "rev", "复核人", Set.of(Role.REVIEWER), null);
        Actor decider = new Actor(31, "dec", "决定人", Set.of(Role.DECISION_MAKER), null);
        TechnicalReviewRules rules = cnex.technicalReview().value();

        assertThat(codes(ReviewerIndependencePolicy.check(leader, c, rules, cnex.independence().value(), "prep")))
                .containsExactly("review.reviewerInTeam");
        assertThat(ReviewerIndependencePolicy.check(leader, c, rules, cnex.independence().value(), "prep").reasons().get(0).args())
                .contains("LEADER");
        assertThat(codes(ReviewerIndependencePolicy.check(pm, c, rules, cnex.independence().value(), "prep")))
                .containsExactly("review.reviewerIsManager");
        // CNEX: a 复核与决定人员 (DECISION_MAKER) may review; the report preparer may not [001 §9.7 注]
        assertThat(codes(ReviewerIndependencePolicy.check(preparer, c, rules, cnex.independence().value(), "prep")))
                .containsExactly("review.reviewerPreparedReport");
        assertThat(ReviewerIndependencePolicy.check(decider, c, rules, cnex.independence().value(), "prep").allowed()).isTrue();
        assertThat(codes(DeciderPolicy.check(preparer, c, rules, cnex.independence().value(), "prep", List.of())))
                .containsExactly("review.deciderPreparedReport");
        // the preparer rule is CNEX's: CGC has none, but CGC separates reviewer and decider
        TechnicalReviewRules cgcRules = cgc.technicalReview().value();
        assertThat(DeciderPolicy.check(preparer, c, cgcRules, cgc.independence().value(), "prep", List.of()).allowed()).isTrue();
        assertThat(codes(ReviewerIndependencePolicy.check(decider, c, cgcRules, cgc.independence().value(), null)))
                .containsExactly("review.notReviewer");
        Actor both = new Actor(32, "both", "两者", Set.of(Role.REVIEWER, Role.DECISION_MAKER), null);
        assertThat(codes(DeciderPolicy.check(both, c, cgcRules, cgc.independence().value(), null, List.of(32L))))
                .containsExactly("review.deciderReviewed");
        assertThat(DeciderPolicy.check(both, c, rules, cnex.independence().value(), null, List.of(32L)).allowed()).isTrue();
        assertThat(codes(DeciderPolicy.check(outsider, c, rules, cnex.independence().value(), null, List.of())))
                .containsExactly("review.notDecider");
    }

    private static List<String> codes(Verdict v) {
        return v.reasons().stream().map(Reason::code).toList();
    }

    private static CaseParts aCase(Scheme scheme) {
        return new CaseParts("CFPA-2026-0001", List.of(new TeamMember(11, "LEADER"), new TeamMember(12, "VERIFIER")), 10);
    }
}
