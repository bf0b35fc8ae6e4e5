package cn.cfp.scheme.internal;

import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.IndependenceRule;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.ManDayBandTable;
import cn.cfp.scheme.Qualification;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.SchemeParameter;
import cn.cfp.scheme.StatusAction;
import cn.cfp.scheme.Term;
import cn.cfp.scheme.UnitDivision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The five shipped scheme files load and say what the seeds say (R-X-1; clause of each value in the comment). */
class ShippedSchemesTest {

    static SchemeCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), null);
    }

    static Scheme cnca() { return catalog.get("CNCA-CFP-00"); }
    static Scheme cnex() { return catalog.get("CNEX-01-G"); }
    static Scheme cec() { return catalog.get("CEC-FURNITURE"); }
    static Scheme cgc() { return catalog.get("CGC-R52003"); }
    static Scheme cicc() { return catalog.get("CICC-ZY-GZ-20"); }

    @Test
    void the_five_seed_schemes_load_base_first_in_seed_order() {
        assertThat(catalog.codes()).containsExactly("CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003", "CICC-ZY-GZ-20");
        assertThat(cnca().isBase()).isTrue();
        assertThat(catalog.all().subList(1, 5)).allSatisfy(s -> assertThat(s.extendsCode()).isEqualTo("CNCA-CFP-00"));
        assertThat(cicc().documentNumber()).isEqualTo("CICC-ZY/GZ-20:2025");
    }

    @Test
    void every_stated_value_carries_a_citation_and_every_unstated_one_a_note() {
        for (Scheme s : catalog.all()) {
            for (SchemeParameter<?> p : SchemeParameter.ALL) {
                var c = s.get(p);
                if (c.stated()) {
                    assertThat(c.cite()).as(s.code() + " " + p.key()).matches("\\d{3} .+");
                } else {
                    assertThat(c.note()).as(s.code() + " " + p.key() + " is null and needs a note").isNotNull();
                }
            }
        }
    }

    @Test
    void validity_years_follow_the_seeds() {
        assertThat(cnca().validityYears().value()).isEqualTo(2);   // 000 §9.1.1
        // 001 §12.1 says 3 years; the national 2 years of 000 §9.1.1 bind a CFP-label scheme [decision D1, corrections A-1]
        assertThat(cnex().validityYears().value()).isEqualTo(2);
        assertThat(cnex().validityYears().cite()).isEqualTo("001 §12.1; 000 §9.1.1; decision D1");
        assertThat(cec().validityYears().value()).isEqualTo(3);    // 002 §7.2
        assertThat(cgc().validityYears().value()).isEqualTo(2);    // 003 ¶90 (unless a PCF mechanism says otherwise)
        assertThat(cicc().validityYears().value()).isEqualTo(3);   // 004 §9.9.1 (at most 3 years)
    }

    /** Decision D5: no seed numbers the document-review rounds; 3 is the body's decision, said so on every scheme page. */
    @Test
    void document_review_rounds_are_three_and_labelled_a_body_decision() {   // R-DOC-1, issue 8 item 10/11
        for (Scheme s : List.of(cnca(), cnex(), cec(), cgc(), cicc())) {
            assertThat(s.documentReviewRounds().value()).as(s.code()).isEqualTo(3);
            assertThat(s.documentReviewRounds().note().zh()).as(s.code()).contains("本机构决定").contains("D5");
            assertThat(s.documentReviewRounds().note().en()).as(s.code()).contains("Body decision").contains("D5");
        }
        assertThat(cgc().documentReviewRounds().cite()).isEqualTo("003 ¶47");
        assertThat(cnex().documentReviewRounds().inherited()).isTrue();
        assertThat(cec().documentReviewRounds().note().zh()).contains("002 §5.3.3");
    }

    @Test
    void acceptance_notice_is_three_working_days_for_cec_and_cgc_only() {   // R-APP-3
        assertThat(cec().acceptanceNoticeWorkingDays().value()).isEqualTo(3); // 002 §5.1.2
        assertThat(cgc().acceptanceNoticeWorkingDays().value()).isEqualTo(3); // 003 ¶29
        assertThat(cgc().acceptanceNoticeWorkingDays().cite()).isEqualTo("003 ¶29");
        assertThat(cnca().acceptanceNoticeWorkingDays().stated()).isFalse();  // 000 §7.2: no limit
        assertThat(cnex().acceptanceNoticeWorkingDays().stated()).isFalse();
    }

    @Test
    void time_limit_is_90_days_excluding_client_delays() {   // R-PLAN-5, 000 §7.3.3
        assertThat(cnca().timeLimit().value().days()).isEqualTo(90);
        assertThat(cnca().timeLimit().value().clientDelaysExcluded()).isTrue();
        assertThat(cgc().timeLimit().cite()).isEqualTo("003 ¶81");
    }

    @Test
    void suspension_maximum_per_scheme() {   // R-LIFE-2
        assertThat(cnca().suspensionMaxMonths().value()).isEqualTo(3);     // 000 §9.1.5
        // 001 §12.3.1 says 6 months (case e open); the national 3 months of 000 §9.1.5 apply [decision D1, corrections A-1]
        assertThat(cnex().suspensionMaxMonths().value()).isEqualTo(3);
        assertThat(cnex().suspensionMaxMonths().note().en()).contains("case (e)");
        assertThat(cec().suspensionMaxMonths().value()).isEqualTo(6);      // 002 §7.4
        // 003 ¶94 delegates to CGC-QP-V06, which is not in the seed; the national cap 000 §9.1.5 still binds [D1, corrections A-7]
        assertThat(cgc().suspensionMaxMonths().value()).isEqualTo(3);
        assertThat(cgc().suspensionMaxMonths().inherited()).isFalse();
        assertThat(cgc().suspensionMaxMonths().cite()).isEqualTo("003 ¶94; 000 §9.1.5; decision D1");
        assertThat(cgc().suspensionMaxMonths().note().en()).contains("CGC-QP-V06");
        // 004 §11.1 is silent on a maximum: the base value applies
        assertThat(cicc().suspensionMaxMonths().value()).isEqualTo(3);
        assertThat(cicc().suspensionMaxMonths().inherited()).isTrue();
    }

    @Test
    void action_on_suspension_or_revocation_within_five_working_days() {
        assertThat(cnex().statusActionWorkingDays().value()).isEqualTo(5);   // 001 §12.3
        assertThat(cicc().statusActionWorkingDays().value()).isEqualTo(5);   // 004 §11.1–11.2
    }

    @Test
    void a_revoked_client_cannot_reapply_within_twelve_months() {   // R-LIFE-3
        assertThat(cnca().reapplicationBanMonths().value()).isEqualTo(12);  // 000 §9.1.6
        assertThat(cgc().reapplicationBanMonths().cite()).isEqualTo("003 ¶27");
        assertThat(cec().reapplicationBanMonths().inherited()).isTrue();
    }

    @Test
    void renewal_windows() {   // R-LIFE-5
        assertThat(cnca().renewalWindow().value()).isEqualTo(Term.of(90, Term.Unit.DAYS));   // 000 §9.1.1
        // 001 §12.1 (6 months, by surveillance) is the body's practice; 000 §9.1.1 applies [decision D1]
        assertThat(cnex().renewalWindow().value()).isEqualTo(Term.of(90, Term.Unit.DAYS));
        assertThat(cnex().limit(SchemeParameter.RENEWAL_WINDOW).orElseThrow().bodyValue()).isEqualTo(Term.of(6, Term.Unit.MONTHS));
        assertThat(cnex().renewalProcedure().value().zh()).contains("再认证程序与初次认证相同");
        assertThat(cec().renewalWindow().value()).isEqualTo(Term.of(6, Term.Unit.MONTHS));   // 002 §7.2
        assertThat(cgc().renewalWindow().value()).isEqualTo(Term.of(90, Term.Unit.DAYS));    // 003 ¶87
    }

    @Test
    void low_findings_a_11_a_13_a_18_a_19_are_in_the_scheme_data() {
        // CEC failure notice within 30 days "自完成检查后" (002 §5.7.3)
        assertThat(cec().decision().value().failureNoticeFrom().zh()).isEqualTo("自完成检查后");
        assertThat(cec().decision().value().summary(java.util.Locale.ENGLISH)).contains("from the end of the inspection");
        // CICC §13.7 has no project-file row: said in the note
        assertThat(cicc().recordRetention().note().zh()).contains("项目档案");
        // a partial (e.g. gate-to-gate) footprint can be applied for
        assertThat(cnca().applicationForm().value().field("boundary").orElseThrow()
                .options()).hasSize(3);
        // the CICC 31–100 row's total is the column sums 6–8 [decision D5]
        assertThat(cicc().manDayTable().value().bandsFor(cn.cfp.scheme.ManDayBandTable.Driver.GHG_SOURCES, 45)).singleElement()
                .satisfies(b -> assertThat(b.manDays().get(cn.cfp.scheme.ManDayActivity.TOTAL).min()).isEqualByComparingTo("6"));
    }

    @Test
    void citations_are_written_the_same_in_both_languages_without_chinese_characters_issue_8_item_12() {
        // every cite of the shipped files, parameters and items alike: "001 §9.6.4 Note 2", not "注2", on an English page
        java.util.regex.Pattern cite = java.util.regex.Pattern.compile("cite: \"([^\"]*)\"");
        java.util.regex.Pattern han = java.util.regex.Pattern.compile("\\p{IsHan}");
        int seen = 0;
        try {
            for (var r : new PathMatchingResourcePatternResolver().getResources("classpath:schemes/*.yaml")) {
                String yaml = new String(r.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = cite.matcher(yaml);
                while (m.find()) {
                    seen++;
                    assertThat(han.matcher(m.group(1)).find()).as("%s cite %s", r.getFilename(), m.group(1)).isFalse();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(seen).isGreaterThan(100);
    }

    @Test
    void surveillance_schedules() {   // R-SURV-1
        var cnexS = cnex().surveillance().value();                   // 001 §11
        assertThat(cnexS.firstWithinMonths()).isEqualTo(12);
        assertThat(cnexS.firstRecommended()).as("001 §11 宜: a recommendation (corrections A-12)").isTrue();
        // 003 ¶83: earlier or more frequent, nothing about unannounced; 000 §8.1 and 002 §6.1 allow both
        assertThat(cgc().surveillance().value().extraAllowed()).isTrue();
        assertThat(cgc().surveillance().value().unannouncedAllowed()).isNull();
        assertThat(cec().surveillance().value().unannouncedAllowed()).isTrue();
        assertThat(cnexS.summary(java.util.Locale.SIMPLIFIED_CHINESE)).contains("首次宜在发证后 12 个月内");
        assertThat(cnexS.maxIntervalMonths()).isEqualTo(15);
        assertThat(cnexS.noticeMonthsAhead()).isEqualTo(2);
        assertThat(cgc().surveillance().value().firstAtMonth()).isEqualTo(11);       // 003 ¶83
        assertThat(cgc().surveillance().value().maxIntervalMonths()).isEqualTo(12);
        assertThat(cec().surveillance().value().maxIntervalMonths()).isEqualTo(12);  // 002 §6.1
        assertThat(cicc().surveillance().value().maxIntervalMonths()).isEqualTo(12); // 004 §9.10.1.2
        assertThat(cgc().surveillanceFootprint().value().revokeIfIncreaseAtLeastPercent()).isEqualByComparingTo("10"); // 003 ¶86
        assertThat(cec().surveillanceNcDeadline().value().months()).isEqualTo(2);    // 002 §6.3
        assertThat(cgc().surveillanceNcDeadline().value().onMiss()).isEqualTo(StatusAction.SUSPEND); // 003 ¶86
    }

    @Test
    void team_policies_are_structured() {   // R-PLAN-2
        var base = cnca().teamPolicy().value();                      // 000 §7.3.2
        assertThat(base.minMembers()).isEqualTo(2);
        assertThat(base.minFullTime()).isEqualTo(1);
        assertThat(base.qualifications()).anySatisfy(q -> assertThat(q.anyOf()).containsExactly(Qualification.FIELD_EXPERT));
        var cnexT = cnex().teamPolicy().value();                     // 001 §9.3.2
        assertThat(cnexT.technicalExpertMayVerify()).isFalse();
        assertThat(cnexT.technicalExpertTimeCounted()).isFalse();
        var cecT = cec().teamPolicy().value();                       // 002 §5.2.1
        assertThat(cecT.leaderRequired()).isTrue();
        assertThat(cecT.qualifications()).extracting(q -> q.anyOf())
                .containsExactlyInAnyOrder(java.util.Set.of(Qualification.GHG_VERIFIER),
                        java.util.Set.of(Qualification.VOLUNTARY_PRODUCT_CERT, Qualification.GREEN_PRODUCT_CERT),
                        java.util.Set.of(Qualification.FIELD_EXPERT));   // 002 §5.2.1 furniture competence (corrections A-8)
        // 003 ¶33 plus 000 §7.3.2 [decision D1, corrections A-2]: ≥ 2, ≥ 1 full-time, a field expert and the CCAA inspector
        var cgcT = cgc().teamPolicy().value();
        assertThat(cgcT.minMembers()).isEqualTo(2);
        assertThat(cgcT.minFullTime()).isEqualTo(1);
        assertThat(cgcT.qualifications()).extracting(q -> q.anyOf())
                .containsExactly(java.util.Set.of(Qualification.FIELD_EXPERT), java.util.Set.of(Qualification.CCAA_REGISTERED));
        assertThat(cgcT.qualifications().get(1).fullTime()).isTrue();
        assertThat(cgcT.qualifications().get(1).ofField()).isTrue();
        assertThat(cgc().limit(SchemeParameter.TEAM_POLICY).orElseThrow().bodyValue())
                .extracting(v -> ((cn.cfp.scheme.TeamPolicy) v).minMembers()).isEqualTo(1);
        assertThat(cicc().teamPolicy().value().competenceAsWhole()).isTrue();          // 004 §4.5
        assertThat(cicc().teamPolicy().value().traineeTimeCounted()).isFalse();        // 004 §9.1
    }

    /** Decision D1 / corrections A-3, B-3: per-person rules of every scheme. */
    @Test
    void every_member_rules_follow_000_3_2_002_table_2_003_5_2_4_004_4_2_and_001_8_5() {
        var base = cnca().teamPolicy().value().everyMember();        // 000 §3.2: every inspector registered
        assertThat(base).singleElement().satisfies(m -> {
            assertThat(m.anyOf()).containsExactly(Qualification.CCAA_REGISTERED);
            assertThat(m.roles()).containsExactlyInAnyOrder("LEADER", "INSPECTOR");
        });
        // CFP-label schemes keep 000 §3.2 and add their own (decision D1)
        assertThat(cgc().teamPolicy().value().everyMember()).extracting(m -> m.cite()).containsExactly("000 §3.2", "003 §5.2.4");
        assertThat(cnex().teamPolicy().value().everyMember()).extracting(m -> m.cite()).containsExactly("000 §3.2", "001 §8.5");
        // CEC and CICC are not CFP-label schemes: their own rules only
        assertThat(cec().teamPolicy().value().everyMember()).singleElement().satisfies(m -> assertThat(m.anyOf())
                .containsExactlyInAnyOrder(Qualification.VOLUNTARY_PRODUCT_CERT, Qualification.GHG_VERIFIER, Qualification.PCF_PROJECTS));
        assertThat(cicc().teamPolicy().value().everyMember()).singleElement().satisfies(m -> {
            assertThat(m.minExperienceYears()).isEqualTo(2);
            assertThat(m.anyOf()).contains(Qualification.EMS_ENMS_AUDITOR);
        });
    }

    /** Decision D1: the national limits apply to the CFP-label schemes only; CEC and CICC keep their own values. */
    @Test
    void national_limits_are_recorded_with_body_base_and_effective_value_for_cfp_label_schemes_only() {
        var v = cnex().limit(SchemeParameter.VALIDITY_YEARS).orElseThrow();
        assertThat(v.bodyValue()).isEqualTo(3);
        assertThat(v.bodyCite()).isEqualTo("001 §12.1");
        assertThat(v.baseValue()).isEqualTo(2);
        assertThat(v.baseCite()).isEqualTo("000 §9.1.1");
        assertThat(v.effective()).isEqualTo(2);
        assertThat(v.applied()).isTrue();
        assertThat(cgc().limit(SchemeParameter.VALIDITY_YEARS).orElseThrow().applied()).isFalse();   // 2 = 2
        assertThat(cec().limits()).isEmpty();
        assertThat(cicc().limits()).isEmpty();
        assertThat(cec().validityYears().value()).isEqualTo(3);
        assertThat(cec().suspensionMaxMonths().value()).isEqualTo(6);
    }

    /** Corrections A-4: the CNEX list is 000 §7.1.2's plus 001 §9.2.1's additions; nothing of 000 is lost. */
    @Test
    void the_cnex_checklist_keeps_every_000_7_1_2_item_and_adds_001_9_2_1() {
        var items = cnex().documentChecklist().value();
        for (var base : cnca().documentChecklist().value().items()) {
            assertThat(items.item(base.id())).as("000 item " + base.id() + " " + base.cite()).isPresent();
        }
        assertThat(items.items()).hasSize(15);   // 12 of 000 + per-site legal status, self-assessment, PCF inventory
        assertThat(items.item("reduction-plan").orElseThrow().cite()).isEqualTo("000 §7.1.2(10)");
        assertThat(items.item("data-collection-list").orElseThrow().cite()).isEqualTo("000 §7.1.2(9)");
        assertThat(items.item("business-licences").orElseThrow().cite()).isEqualTo("001 §9.2.1 b");   // 001's wording wins
        assertThat(items.item("pcf-inventory").orElseThrow().cite()).isEqualTo("001 §9.2.1 g");
        assertThat(cnex().documentChecklist().cite()).isEqualTo("000 §7.1.2; 001 §9.2.1");
    }

    /** Decision D3, corrections A-5 / B-15: "以上" includes the number; "超过三个月" excludes it, CICC "3 个月以上" includes it. */
    @Test
    void the_5_and_10_percent_thresholds_are_inclusive_decision_d3() {
        var base = cnca().footprintIncreaseRule().value();   // 000 Ann. 1 §11.1
        assertThat(base.endsValidity(new BigDecimal("10"), false, 4)).isTrue();    // exactly 10 % unplanned
        assertThat(base.endsValidity(new BigDecimal("9.99"), false, 4)).isFalse();
        assertThat(base.endsValidity(new BigDecimal("5"), true, 4)).isTrue();      // exactly 5 % planned
        assertThat(base.endsValidity(new BigDecimal("4.9"), true, 4)).isFalse();
        assertThat(base.endsValidity(new BigDecimal("12"), false, 3)).isFalse();   // "超过三个月": 3 months is not enough
        var cicc = cicc().footprintIncreaseRule().value();   // 004 §9.9.1 "历时 3 个月以上"
        assertThat(cicc.endsValidity(new BigDecimal("5"), true, 3)).isTrue();
        assertThat(cicc().footprintIncreaseRule().note().zh()).contains("§11.1.1(4)").contains("§10.4").contains("D3");
        assertThat(base.summary(Locale.ENGLISH)).contains("unplanned ≥ +10 %").contains("> 3 months");
    }

    /** Corrections A-9: ITR is a step, not an outcome; 004 §9.8.4–9.8.5 give the negative outcomes. */
    @Test
    void cicc_decision_outcomes_are_pass_not_certified_and_terminated() {
        assertThat(cicc().decision().value().outcomes()).extracting(o -> o.key()).containsExactly("PASS", "NOT_CERTIFIED", "TERMINATED");
        assertThat(cicc().decision().cite()).contains("004 §9.8.4").contains("004 §9.8.5");
    }

    @Test
    void man_day_tables_are_structured() {   // R-PLAN-3
        var cnexM = cnex().manDayTable().value();                    // 001 §9.3.1
        assertThat(cnexM.rule(ManDayActivity.DOC_REVIEW).orElseThrow().manDays().min()).isEqualByComparingTo("0.5");
        assertThat(cnexM.rule(ManDayActivity.ON_SITE_COMBINED).orElseThrow().manDays().min()).isEqualByComparingTo("4");
        assertThat(cec().manDayTable().value().rule(ManDayActivity.INITIAL_ON_SITE).orElseThrow().manDays().min())
                .isEqualByComparingTo("2");                         // 002 §5.5
        var cgcM = cgc().manDayTable().value();                      // 003 ¶54, ¶69
        assertThat(cgcM.bandsFor(ManDayBandTable.Driver.BOM_ITEMS, 150))
                .extracting(b -> b.manDays().values().iterator().next().min())
                .containsExactly(new BigDecimal("1.5"), new BigDecimal("1"));
        assertThat(cgcM.bandsFor(ManDayBandTable.Driver.BOM_ITEMS, 400).get(0).manDays().get(ManDayActivity.ON_SITE_INSPECTION).min())
                .isEqualByComparingTo("1.5");                       // seed overlap at 400: kept in the 1.5 band (noted)
        assertThat(cgcM.rule(ManDayActivity.DOC_REVIEW).orElseThrow().manDays().text()).isEqualTo("10–15"); // 003 ¶46
        assertThat(cgcM.rule(ManDayActivity.DOC_REVIEW).orElseThrow()).satisfies(r -> {  // a project-level guide [decision D5]
            assertThat(r.perProject()).isTrue();
            assertThat(r.guide()).isTrue();
        });
        var ciccM = cicc().manDayTable().value();                    // 004 §9.3–9.4, App. A
        assertThat(ciccM.maxReductionPercent()).isEqualByComparingTo("30");
        assertThat(ciccM.docReviewMaxPercentOfTotal()).isEqualByComparingTo("20");
        assertThat(ciccM.bandsFor(ManDayBandTable.Driver.GHG_SOURCES, 31).get(0).manDays().get(ManDayActivity.TOTAL).text())
                .isEqualTo("6–8");                                   // column sums, not the printed 4–8 [decision D5]
        assertThat(ciccM.bandsFor(ManDayBandTable.Driver.GHG_SOURCES, 101).get(0).caseByCase()).isTrue();
    }

    @Test
    void document_checklists_match_the_seed_lists() {   // R-APP-1
        assertThat(cnca().documentChecklist().value().items()).hasSize(12);   // 000 §7.1.2 (1)–(12)
        assertThat(cgc().documentChecklist().value().items()).hasSize(17);    // 003 Annex 1
        assertThat(cnex().documentChecklist().value().items()).hasSizeGreaterThanOrEqualTo(7); // 001 §9.2.1 a–g
        assertThat(cicc().documentChecklist().value().items()).hasSize(9);    // 004 §8.2
        for (Scheme s : catalog.all()) {
            assertThat(s.documentChecklist().value().ofKind(ChecklistItem.Kind.CONDITIONAL))
                    .allSatisfy(i -> assertThat(i.question()).isNotNull());
        }
        assertThat(cgc().documentChecklist().value().item("assurance-and-materiality").orElseThrow().kind())
                .isEqualTo(ChecklistItem.Kind.CONDITIONAL);                    // 003 Annex 1 item 9
    }

    @Test
    void nonconformity_classes_and_windows_of_cgc() {   // R-NC-1, 003 ¶70–73
        var nc = cgc().nonconformities().value();
        assertThat(nc.classes()).extracting(c -> c.key()).containsExactly("GENERAL", "SERIOUS", "OBSERVATION");
        assertThat(nc.classes().get(0).effectBelowPercent()).isEqualByComparingTo("10");
        assertThat(nc.classes().get(1).effectAtLeastPercent()).isEqualByComparingTo("10");
        assertThat(nc.issueWithinWorkingDays().text()).isEqualTo("5–10");
        assertThat(nc.reEvaluationWorkingDays().text()).isEqualTo("10–15");
    }

    @Test
    void certificate_issue_limit_distinguishes_days_from_working_days() {   // R-REV-2
        assertThat(cec().decision().value().certificateIssueLimit()).isEqualTo(Term.of(30, Term.Unit.DAYS));          // 002 §5.7.2
        assertThat(cgc().decision().value().certificateIssueLimit()).isEqualTo(Term.of(30, Term.Unit.WORKING_DAYS));  // 003 ¶79
    }

    @Test
    void independence_rules() {   // R-PER-3
        assertThat(cnca().independence().value().requires(IndependenceRule.REVIEWER_NOT_IN_TEAM)).isTrue();       // 000 Ann. 2 §4.4
        assertThat(cnex().independence().value().requires(IndependenceRule.CERTIFICATE_PREPARER_NOT_DECIDER)).isTrue(); // 001 §9.9
        assertThat(cicc().independence().value().requires(IndependenceRule.REVIEWER_NOT_IN_TEAM)).isTrue();        // 004 §10.1.3
    }

    @Test
    void unit_division_rules() {   // R-UNIT-1, R-UNIT-2
        assertThat(cec().unitDivision().value().rule()).isEqualTo(UnitDivision.Rule.BY_CLASS);   // 002 §4
        assertThat(cec().unitDivision().value().classes()).hasSize(7);
        assertThat(cgc().unitDivision().value().steps()).hasSize(4);                             // 003 ¶14
        assertThat(cicc().unitDivision().inherited()).isTrue();
    }

    /**
     * Issue 8 item 13: the product classes an application chooses from and the fields of competence are scheme data —
     * CEC Table 1 (each of the furniture field, 002 §4, §5.2.1), CGC's fields PV11–PV15, PV17 (003 §2, ¶14 step 1),
     * CNEX's explosion-proof field (001 §1, no classes: free text); the base and CICC list none.
     */
    @Test
    void product_classes_and_fields_of_competence_are_scheme_data_002_4_003_14() {
        assertThat(cec().productClasses()).extracting(c -> c.value()).containsExactly("木家具", "金属家具", "竹藤家具", "塑料家具",
                "软体家具", "玻璃石材家具", "其他家具");
        assertThat(cec().fieldOfClass("木家具")).contains("FURNITURE");
        assertThat(cec().fieldOfClass("metal furniture")).contains("FURNITURE");
        assertThat(cgc().productClasses()).extracting(c -> c.value()).containsExactly("PV11", "PV12", "PV13", "PV14", "PV15", "PV17");
        assertThat(cgc().productClass("pv13").orElseThrow().in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("PV13 电动机、发电机、发电成套设备和变压器");
        assertThat(cgc().fieldOfClass("PV13")).contains("PV13");
        assertThat(cnex().productClasses()).isEmpty();
        assertThat(cnca().productClasses()).isEmpty();
        assertThat(cicc().productClasses()).isEmpty();
        assertThat(cnex().fieldOfClass("explosion_proof")).contains("EXPLOSION_PROOF"); // free text that is a field code
        assertThat(cnex().fieldOfClass("隔爆型电动机")).isEmpty();
        assertThat(cnex().competenceFields()).extracting(f -> f.code()).containsExactly("EXPLOSION_PROOF");
        assertThat(catalog.competenceFields()).extracting(f -> f.code())
                .containsExactly("EXPLOSION_PROOF", "FURNITURE", "PV11", "PV12", "PV13", "PV14", "PV15", "PV17");
        assertThat(catalog.competenceFields().get(1).label(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("家具");
    }

    @Test
    void cicc_label_size_and_rounding_table_are_data() {   // R-LBL-1, R-CALC-12, 004 §10.6
        var label = cicc().label().value();
        assertThat(label.minWidthMm()).isEqualTo(10);
        assertThat(label.minHeightMm()).isEqualTo(15);
        var r = cicc().labelRounding().value();
        assertThat(r.bandFor(new BigDecimal("15")).orElseThrow().stepGrams()).isEqualByComparingTo("1");
        assertThat(r.bandFor(new BigDecimal("1500")).orElseThrow().stepGrams()).isEqualByComparingTo("100");
        assertThat(r.bandFor(new BigDecimal("10000")).orElseThrow().stepGrams()).isEqualByComparingTo("500");
        assertThat(r.bandFor(new BigDecimal("12000")).orElseThrow().stepGrams()).isNull();
        assertThat(r.bandFor(new BigDecimal("5"))).isEmpty();
        assertThat(r.uncoveredBelow()).isNotNull();
    }

    @Test
    void footprint_increase_rule_and_cicc_consequences() {   // R-LIFE-6
        var base = cnca().footprintIncreaseRule();
        assertThat(base.cite()).isEqualTo("000 Ann. 1 §11.1");
        assertThat(base.value().unplannedPercent()).isEqualByComparingTo("10");
        assertThat(base.value().plannedPercent()).isEqualByComparingTo("5");
        var cicc = cicc().footprintIncreaseRule().value();      // 004 §11.1(4), §11.2(5)
        assertThat(cicc.ifNoReReviewRequested()).isEqualTo(StatusAction.SUSPEND);
        assertThat(cicc.ifReReviewRefused()).isEqualTo(StatusAction.REVOKE);
    }

    @Test
    void other_quantification_parameters() {
        assertThat(cgc().cutOff().value().maxPercent()).isEqualByComparingTo("5");                    // 003 ¶21
        assertThat(cgc().priorVerificationAdoption().value().maxAgeMonths()).isEqualTo(6);           // 003 ¶38
        assertThat(cnex().verificationPlanNotice().value().minWorkingDaysBefore()).isEqualTo(1);     // 001 §9.6.2
        assertThat(cnex().publication().value().withinWorkingDays()).isEqualTo(30);                  // 001 §10
        assertThat(cec().resultUnit().value().units()).containsExactly("tCO2e");                     // 002 §5.4.3.1
    }

    @Test
    void every_value_renders_in_both_languages() {
        for (Scheme s : catalog.all()) {
            for (SchemeParameter<?> p : SchemeParameter.ALL) {
                Object v = s.get(p).value();
                if (v != null) {
                    assertThat(p.summarize(v, Locale.CHINA)).as(s.code() + " " + p.key()).isNotBlank();
                    assertThat(p.summarize(v, Locale.ENGLISH)).as(s.code() + " " + p.key()).isNotBlank();
                }
            }
        }
    }
}
