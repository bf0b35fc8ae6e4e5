package cn.cfp.planning;

import static cn.cfp.planning.People.CLIENT;
import static cn.cfp.planning.People.person;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import cn.cfp.access.Role;
import cn.cfp.personnel.CompetenceLevel;
import cn.cfp.scheme.Qualification;
import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * R-PLAN-2, R-PER-2, R-PER-3: team composition against each shipped scheme. Every refusal names the clause of the
 * seed that the broken rule comes from.
 */
class TeamCompositionPolicyTest {

    static Verdict evaluate(Scheme s, String field, ProposedMember... members) {
        return TeamCompositionPolicy.evaluate(s.teamPolicy(), s.independence(), List.of(members), Set.of(CLIENT, 501L), field);
    }

    static List<String> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    /** The one reason of this code (fails when there is none or more than one). */
    static Reason reason(Verdict v, String code) {
        List<Reason> of = v.reasons().stream().filter(r -> r.code().equals(code)).toList();
        assertThat(of).as(code + " in " + v.reasons()).hasSize(1);
        return of.get(0);
    }

    static ProposedMember fullTimeExpertInspector(String field) {
        return person("张伟").holds(Qualification.CCAA_REGISTERED, Qualification.GHG_VERIFIER, Qualification.PCF_TRAINING_CERT)
                .field(field, CompetenceLevel.EXPERT)
                .as(TeamRole.LEADER);
    }

    // ---- CNCA-CFP-00 §7.3.2: ≥ 2 inspectors, ≥ 1 full-time, ≥ 1 with PCF expertise of the field

    @Test
    void cnca_a_team_of_two_with_a_full_time_field_expert_is_allowed() {
        Verdict v = evaluate(ShippedSchemes.cnca(), "PV13", fullTimeExpertInspector("PV13"),
                person("陈静").partTime().holds(Qualification.CCAA_REGISTERED).as(TeamRole.INSPECTOR));
        assertThat(v).isInstanceOf(Verdict.Allowed.class);
        assertThat(v.notes()).isEmpty();
    }

    @Test
    void cnca_a_single_inspector_is_refused_citing_000_7_3_2() {
        Verdict v = evaluate(ShippedSchemes.cnca(), "PV13", fullTimeExpertInspector("PV13"));
        assertThat(v).isInstanceOf(Verdict.Refused.class);
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.minMembers");
            assertThat(r.args()).containsExactly(2, 1, "000 §7.3.2");
            assertThat(Messages.english(r)).contains("at least 2").contains("[000 §7.3.2]");
            assertThat(Messages.chinese(r)).contains("至少由 2 名").contains("[000 §7.3.2]");
        });
    }

    @Test
    void cnca_no_full_time_member_and_no_field_expert_are_both_listed() {
        Verdict v = evaluate(ShippedSchemes.cnca(), "PV13",
                person("甲").partTime().holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.AWARE).as(TeamRole.INSPECTOR),
                person("乙").partTime().holds(Qualification.CCAA_REGISTERED).field("FURNITURE", CompetenceLevel.EXPERT).as(TeamRole.INSPECTOR));
        assertThat(codes(v.reasons())).containsExactlyInAnyOrder("planning.team.minFullTime", "planning.team.qualificationOfField");
        assertThat(reason(v, "planning.team.minFullTime").args()).containsExactly(1, 0L, "000 §7.3.2");
        Reason field = reason(v, "planning.team.qualificationOfField");
        assertThat(field.args()).contains("PV13", "000 §7.3.2");
        assertThat(Messages.english(field)).contains("PCF expertise in the field").contains("(field PV13)").contains("[000 §7.3.2]");
    }

    // ---- CNEX-01-G §9.3.2: same as the base, and the technical expert is not a verifier and not counted

    @Test
    void cnex_a_technical_expert_does_not_count_toward_the_two_verifiers_nor_supply_field_expertise() {
        Verdict v = evaluate(ShippedSchemes.cnex(), "EXPLOSION_PROOF",
                person("张伟").holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.EXPERT).as(TeamRole.LEADER),
                person("赵磊").roles(Role.TECHNICAL_EXPERT).partTime().field("EXPLOSION_PROOF", CompetenceLevel.EXPERT)
                        .as(TeamRole.TECHNICAL_EXPERT));
        assertThat(reason(v, "planning.team.minMembers").args()).containsExactly(2, 1, "001 §9.3.2; 000 §7.3.2; decision D1");
        assertThat(Messages.english(reason(v, "planning.team.minMembers"))).contains("at least 2 inspectors/verifiers, has 1");
        assertThat(reason(v, "planning.team.qualificationOfField").args()).contains("EXPLOSION_PROOF", "001 §9.3.2; 000 §7.3.2; decision D1");
    }

    @Test
    void cnex_a_technical_expert_may_not_act_as_verifier_R_PER_3() {
        ProposedMember expert = person("赵磊").roles(Role.TECHNICAL_EXPERT).partTime().holds(Qualification.PCF_TRAINING_CERT)
                .field("EXPLOSION_PROOF", CompetenceLevel.EXPERT).as(TeamRole.VERIFIER);
        Verdict v = evaluate(ShippedSchemes.cnex(), "EXPLOSION_PROOF", fullTimeExpertInspector("EXPLOSION_PROOF"), expert);
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.expertMayNotVerify");
            assertThat(r.args()).containsExactly("赵磊", TeamRole.VERIFIER, "001 §9.3.2; 000 §7.3.2; decision D1");
            assertThat(r.field()).isEqualTo("role_" + expert.profile().userId());
            assertThat(Messages.english(r)).contains("technical expert and may not act as verifier").contains("001 §9.3.2").contains("R-PER-3]");
            assertThat(Messages.chinese(r)).contains("不得作为核查员").contains("001 §9.3.2").contains("R-PER-3]");
        });
    }

    @Test
    void cnex_an_allowed_team_with_an_expert_notes_that_the_experts_time_is_not_counted() {
        Verdict v = evaluate(ShippedSchemes.cnex(), "EXPLOSION_PROOF", fullTimeExpertInspector("EXPLOSION_PROOF"),
                person("刘洋").roles(Role.VERIFIER).holds(Qualification.PCF_TRAINING_CERT).as(TeamRole.VERIFIER),
                person("赵磊").roles(Role.TECHNICAL_EXPERT).partTime().as(TeamRole.TECHNICAL_EXPERT));
        assertThat(v).isInstanceOf(Verdict.Allowed.class);
        assertThat(v.notes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("planning.team.expertTimeNotCounted");
            assertThat(n.args()).containsExactly("001 §9.3.2; 000 §7.3.2; decision D1");
            assertThat(Messages.english(n)).contains("not count toward man-days");
        });
    }

    // ---- CEC furniture §5.2.1: ≥ 2, a leader, ≥ 1 GHG verifier, ≥ 1 voluntary/green product certification

    @Test
    void cec_leader_ghg_verifier_and_product_certification_make_a_valid_team() {
        Verdict v = evaluate(ShippedSchemes.cec(), "FURNITURE",
                person("张伟").holds(Qualification.GHG_VERIFIER).field("FURNITURE", CompetenceLevel.PROFICIENT).as(TeamRole.LEADER),
                person("陈静").holds(Qualification.GREEN_PRODUCT_CERT, Qualification.PCF_PROJECTS).as(TeamRole.INSPECTOR));
        assertThat(v).isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void cec_without_leader_ghg_verifier_or_product_certification_every_rule_is_listed_citing_002_5_2_1() {
        Verdict v = evaluate(ShippedSchemes.cec(), "FURNITURE",
                person("甲").holds(Qualification.PCF_PROJECTS).field("FURNITURE", CompetenceLevel.EXPERT).as(TeamRole.INSPECTOR),
                person("乙").holds(Qualification.PCF_PROJECTS).as(TeamRole.INSPECTOR));
        assertThat(codes(v.reasons())).containsExactlyInAnyOrder("planning.team.leaderRequired", "planning.team.qualification",
                "planning.team.qualification");
        assertThat(v.reasons()).allSatisfy(r -> {
            assertThat(r.args()).last().isEqualTo("002 §5.2.1; 002 §5.2.2");
            assertThat(Messages.english(r)).contains("[002 §5.2.1; 002 §5.2.2]");
        });
        List<String> english = v.reasons().stream().map(Messages::english).toList();
        assertThat(english).anyMatch(r -> r.contains("leader"));
        assertThat(english).anyMatch(r -> r.contains("GHG verifier"));
        assertThat(english).anyMatch(r -> r.contains("green product certification"));
    }

    // ---- CGC-R52003 ¶33–34 plus 000 §7.3.2 [decision D1]: ≥ 2, ≥ 1 CCAA-registered full-time inspector of the field

    static final String CGC = "003 ¶33–34; 000 §7.3.2; decision D1";

    @Test
    void cgc_a_ccaa_registered_inspector_who_is_part_time_or_of_another_field_does_not_satisfy_003_33() {
        Verdict partTime = evaluate(ShippedSchemes.cgc(), "PV13",
                person("甲").partTime().holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.EXPERT).as(TeamRole.INSPECTOR),
                person("乙").holds(Qualification.CCAA_REGISTERED).as(TeamRole.INSPECTOR));
        assertThat(partTime.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.qualificationOfField");
            assertThat(r.args()).last().isEqualTo(CGC);
            assertThat(Messages.english(r)).contains("CCAA-registered").contains("003 ¶33–34");
        });
        Verdict otherField = evaluate(ShippedSchemes.cgc(), "PV13",
                person("甲").holds(Qualification.CCAA_REGISTERED).field("PV11", CompetenceLevel.EXPERT).as(TeamRole.INSPECTOR),
                person("乙").holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.EXPERT).partTime().as(TeamRole.INSPECTOR));
        assertThat(otherField.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.qualificationOfField");
            assertThat(r.args()).contains("PV13", CGC);
            assertThat(Messages.english(r)).contains("(field PV13)").contains("003 ¶33–34");
            assertThat(Messages.chinese(r)).contains("（领域 PV13）").contains("003 ¶33–34");
        });
        Verdict ok = evaluate(ShippedSchemes.cgc(), "PV13",
                person("甲").holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.PROFICIENT).as(TeamRole.INSPECTOR),
                person("乙").holds(Qualification.CCAA_REGISTERED).partTime().as(TeamRole.INSPECTOR));
        assertThat(ok).isInstanceOf(Verdict.Allowed.class);
    }

    /** Corrections A-2 / decision D1: 003 ¶33 "至少由 1 名" no longer replaces 000 §7.3.2 "至少由 2名检查员组成". */
    @Test
    void cgc_a_single_registered_full_time_inspector_of_the_field_is_refused_by_000_7_3_2_decision_d1() {
        Verdict v = evaluate(ShippedSchemes.cgc(), "PV13",
                person("甲").holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.EXPERT).as(TeamRole.INSPECTOR));
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.minMembers");
            assertThat(r.args()).containsExactly(2, 1, CGC);
        });
    }

    /** Corrections A-3 / B-3: 000 §3.2 every inspector registered; 003 §5.2.4 every verifier authorised by CGC. */
    @Test
    void every_inspector_must_be_registered_000_3_2_and_every_cgc_verifier_authorised_003_5_2_4() {
        ProposedMember unregistered = person("乙").field("PV13", CompetenceLevel.EXPERT).as(TeamRole.INSPECTOR);
        Verdict cnca = evaluate(ShippedSchemes.cnca(), "PV13", fullTimeExpertInspector("PV13"), unregistered);
        assertThat(cnca.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.memberQualification");
            assertThat(r.args()).containsExactly("乙", TeamRole.INSPECTOR,
                    cn.cfp.scheme.LocalizedText.of("CCAA 注册检查员", "CCAA-registered inspector"), "000 §3.2");
            assertThat(r.field()).isEqualTo("role_" + unregistered.profile().userId());
            assertThat(Messages.english(r)).isEqualTo("乙 (inspector) must hold: CCAA-registered inspector [000 §3.2]");
            assertThat(Messages.chinese(r)).contains("须持有CCAA 注册检查员").contains("[000 §3.2]");
        });
        ProposedMember verifier = person("丙").holds(Qualification.GHG_VERIFIER).as(TeamRole.VERIFIER);
        Verdict cgc = evaluate(ShippedSchemes.cgc(), "PV13", fullTimeExpertInspector("PV13"), verifier);
        assertThat(cgc.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.memberQualification");
            assertThat(r.args()).contains("丙", TeamRole.VERIFIER, "003 §5.2.4");
        });
        Verdict authorised = evaluate(ShippedSchemes.cgc(), "PV13", fullTimeExpertInspector("PV13"),
                person("丙").holds(Qualification.PCF_VERIFIER_AUTHORISED).as(TeamRole.VERIFIER));
        assertThat(authorised).isInstanceOf(Verdict.Allowed.class);
    }

    /** Corrections A-3: 002 §5.2.2 Table 2 per inspector; A-8: furniture competence of the team [002 §5.2.1]. */
    @Test
    void cec_every_inspector_needs_a_qualification_or_two_projects_and_the_team_furniture_competence() {
        Verdict v = evaluate(ShippedSchemes.cec(), "FURNITURE",
                person("张伟").holds(Qualification.GHG_VERIFIER).as(TeamRole.LEADER),
                person("陈静").holds(Qualification.VOLUNTARY_PRODUCT_CERT).as(TeamRole.INSPECTOR),
                person("王芳").as(TeamRole.INSPECTOR));
        assertThat(codes(v.reasons())).containsExactlyInAnyOrder("planning.team.memberQualification", "planning.team.qualificationOfField");
        assertThat(reason(v, "planning.team.memberQualification").args()).contains("王芳", "002 §5.2.2 Table 2");
        assertThat(reason(v, "planning.team.qualificationOfField").args()).contains("FURNITURE");
    }

    /** Corrections A-3: 004 §4.2.1 certificate and §4.2.2 two years' experience for every CICC verifier. */
    @Test
    void cicc_every_verifier_needs_a_certificate_and_two_years_experience_004_4_2() {
        Verdict v = evaluate(ShippedSchemes.cicc(), "PV13",
                person("甲").holds(Qualification.GHG_VERIFIER).field("PV13", CompetenceLevel.PROFICIENT).years(1).as(TeamRole.VERIFIER),
                person("乙").years(2).as(TeamRole.VERIFIER));
        assertThat(codes(v.reasons())).containsExactlyInAnyOrder("planning.team.memberExperience", "planning.team.memberQualification");
        assertThat(reason(v, "planning.team.memberExperience").args()).containsExactly("甲", TeamRole.VERIFIER, 2, 1, "004 §4.2.1; 004 §4.2.2");
        assertThat(Messages.english(reason(v, "planning.team.memberExperience"))).contains("at least 2 years").contains("has 1");
        assertThat(reason(v, "planning.team.memberQualification").args()).contains("乙");
    }

    @Test
    void cgc_a_member_with_a_declared_conflict_is_never_assignable_R_PER_2_citing_003_34() {
        Verdict v = evaluate(ShippedSchemes.cgc(), "PV13",
                person("甲").holds(Qualification.CCAA_REGISTERED).field("PV13", CompetenceLevel.EXPERT).conflictWith(CLIENT)
                        .as(TeamRole.LEADER),
                person("乙").holds(Qualification.CCAA_REGISTERED).as(TeamRole.INSPECTOR));
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.conflictNoted");
            assertThat(r.args()).containsExactly("甲", CLIENT, "前雇主", "003 ¶34");
            assertThat(Messages.english(r)).contains("conflict of interest").contains("[003 ¶34; R-PER-2]");
            assertThat(Messages.chinese(r)).contains("利益冲突").contains("[003 ¶34; R-PER-2]");
        });
    }

    // ---- CICC §4.5, §9.1: competence of the team as a whole; trainees under supervision, not counted

    @Test
    void cicc_a_team_without_competence_in_the_field_as_a_whole_is_refused_citing_004_4_5() {
        Verdict v = evaluate(ShippedSchemes.cicc(), "PV13",
                person("甲").holds(Qualification.GHG_VERIFIER).field("FURNITURE", CompetenceLevel.EXPERT).as(TeamRole.VERIFIER),
                person("实习").field("PV13", CompetenceLevel.EXPERT).as(TeamRole.TRAINEE));
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.wholeTeamField");
            assertThat(r.args()).containsExactly("PV13", "004 §4.2; 004 §4.5; 004 §9.1");
            assertThat(Messages.english(r)).contains("as a whole").contains("[004 §4.2; 004 §4.5; 004 §9.1]");
        });
    }

    @Test
    void cicc_a_trainee_is_allowed_and_noted_as_not_counted() {
        Verdict v = evaluate(ShippedSchemes.cicc(), "PV13",
                person("甲").holds(Qualification.EMS_ENMS_AUDITOR).field("PV13", CompetenceLevel.PROFICIENT).as(TeamRole.VERIFIER),
                person("实习").as(TeamRole.TRAINEE));
        assertThat(v).isInstanceOf(Verdict.Allowed.class);
        assertThat(codes(v.notes())).contains("planning.team.traineeTimeNotCounted");
        assertThat(v.notes()).map(Messages::english).anyMatch(n -> n.contains("Trainees"));
    }

    // ---- rules of every scheme

    @Test
    void no_confidentiality_agreement_on_file_is_refused_under_every_scheme() {
        for (Scheme s : ShippedSchemes.catalog().all()) {
            Verdict v = evaluate(s, "PV13",
                    person("甲").holds(Qualification.CCAA_REGISTERED).noConfidentiality().as(TeamRole.LEADER));
            Reason r = reason(v, "planning.team.noConfidentiality");
            assertThat(r.args()).as(s.code()).containsExactly("甲", "000 §7.3.2");
            assertThat(Messages.english(r)).as(s.code()).contains("no confidentiality agreement on file").contains("[000 §7.3.2]");
        }
    }

    @Test
    void a_conflict_with_the_manufacturer_or_factory_counts_too_under_every_scheme() {
        for (Scheme s : ShippedSchemes.catalog().all()) {
            Verdict v = evaluate(s, "PV13", person("甲").conflictWith(501L).as(TeamRole.LEADER));
            Reason r = reason(v, "planning.team.conflictNoted");
            assertThat(r.args()).as(s.code()).contains(501L);
            assertThat(Messages.english(r)).as(s.code()).contains("organisation 501").contains("R-PER-2");
        }
    }

    @Test
    void a_team_of_only_a_technical_expert_and_a_person_listed_twice_are_refused() {
        ProposedMember expert = person("赵磊").roles(Role.TECHNICAL_EXPERT).as(TeamRole.TECHNICAL_EXPERT);
        Verdict v = TeamCompositionPolicy.evaluate(ShippedSchemes.cicc().teamPolicy(), null,
                List.of(expert, new ProposedMember(expert.profile(), TeamRole.VERIFIER)), Set.of(CLIENT), "PV13");
        assertThat(reason(v, "planning.team.twice").args()).containsExactly("赵磊");
        assertThat(Messages.english(reason(v, "planning.team.twice"))).contains("more than once");
    }

    @Test
    void an_empty_team_is_refused_citing_000_7_3_2() {
        Verdict v = TeamCompositionPolicy.evaluate(ShippedSchemes.cnex().teamPolicy(), null, List.of(), Set.of(CLIENT), "PV13");
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("planning.team.empty");
            assertThat(r.args()).containsExactly("000 §7.3.2");
        });
    }
}
