package cn.cfp.scheme.internal;

import cn.cfp.scheme.SchemeDefinitionException;
import cn.cfp.scheme.SchemeParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up validation of scheme files (R-X-1): a broken file stops the start with file, field path and reason.
 * Each test writes a broken file into a temporary directory loaded with a minimal base scheme.
 */
class SchemeValidationTest {

    @TempDir
    Path dir;

    /** A valid base scheme in which every parameter is "not stated" (null + note). */
    static String minimalBase(String code) {
        StringBuilder b = new StringBuilder("""
                code: %s
                version: "1"
                name: {zh: 测试基础方案, en: test base}
                issuer: {zh: 测试, en: test}
                seed: 900_test.txt
                """.formatted(code));
        for (SchemeParameter<?> p : SchemeParameter.ALL) {
            if (p == SchemeParameter.FLOW) {
                b.append(MINIMAL_FLOW);
                continue;
            }
            b.append(p.key()).append(":\n  value: null\n  note: not stated in the test seed\n");
        }
        return b.toString();
    }

    /** The smallest flow a case can run: the application is accepted, planned and decided. */
    static final String MINIMAL_FLOW = """
            flow:
              value:
                - {key: ACCEPT, zh: 受理, stage: ACCEPTANCE}
                - {key: PLAN, zh: 策划, stage: PLANNING}
                - {key: DECIDE, zh: 决定, stage: DECISION}
              cite: "900 §1"
            """;

    static String body(String code, String extendsCode, String parameters) {
        return """
                code: %s
                version: "1"
                name: {zh: 测试方案, en: test scheme}
                issuer: {zh: 测试, en: test}
                seed: 901_test.txt
                extends: %s
                %s""".formatted(code, extendsCode, parameters);
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    private void loadDir() {
        SchemeLoader.load(SchemeSources.directory(dir));
    }

    private String file(String name) {
        return dir.resolve(name).toAbsolutePath().toString();
    }

    @Test
    void a_non_integer_validity_is_rejected_naming_file_field_and_value() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                validityYears:
                  value: two
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir).isInstanceOf(SchemeDefinitionException.class)
                .hasMessageContaining(file("broken.yaml") + ": field 'validityYears.value': must be a positive integer, got \"two\"");
    }

    @Test
    void a_scheme_without_a_citation_is_rejected_naming_the_field() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                suspensionMaxMonths:
                  value: 6
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining(file("broken.yaml") + ": field 'suspensionMaxMonths.cite': is missing: every value needs its citation");
    }

    @Test
    void a_citation_without_seed_id_and_clause_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                suspensionMaxMonths:
                  value: 6
                  cite: "see the rules"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'suspensionMaxMonths.cite': must start with the 3-digit seed id");
    }

    @Test
    void a_null_value_without_a_note_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                suspensionMaxMonths:
                  value: null
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'suspensionMaxMonths.note': is required when value is null");
    }

    @Test
    void an_unknown_parameter_key_is_rejected_with_a_suggestion() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                validityYear:
                  value: 2
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining(file("broken.yaml") + ": field 'validityYear': unknown key (did you mean 'validityYears'?)");
    }

    @Test
    void an_unknown_key_inside_a_value_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                timeLimit:
                  value: {days: 90, clientDelayExcluded: true}
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'timeLimit.value.clientDelayExcluded': unknown key; allowed keys here: days, clientDelaysExcluded");
    }

    /** Issue 8 item 13: a product class's field of competence is a field code; classes are listed once. */
    @Test
    void a_product_class_with_a_bad_field_code_or_twice_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                unitDivision:
                  value:
                    rule: BY_CLASS
                    differentSiteIsDifferentUnit: true
                    classes:
                      - {zh: 木家具, field: "wood furniture"}
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir).hasMessageContaining("field 'unitDivision.value.classes[0].field': must be a field code");
        write("broken.yaml", body("BROKEN", "BASE", """
                unitDivision:
                  value:
                    rule: BY_CLASS
                    differentSiteIsDifferentUnit: true
                    classes:
                      - {code: PV13, zh: 电动机}
                      - {code: PV13, zh: 发电机}
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir).hasMessageContaining("duplicate class 'PV13'");
    }

    @Test
    void a_required_field_that_is_missing_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                timeLimit:
                  value: {clientDelaysExcluded: true}
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir).hasMessageContaining("field 'timeLimit.value.days': is required");
    }

    @Test
    void a_header_field_that_is_missing_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE").replace("seed: 900_test.txt\n", ""));
        assertThatThrownBy(this::loadDir).hasMessageContaining(file("base.yaml") + ": field 'seed': is required");
    }

    @Test
    void a_percentage_above_100_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                cutOff:
                  value: {maxPercent: 120, basis: {zh: 产品重量, en: product mass}}
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'cutOff.value.maxPercent': must be a percentage between 0 and 100, got 120");
    }

    @Test
    void a_non_positive_duration_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                renewalWindow:
                  value: {amount: 0, unit: DAYS}
                  cite: "901 §1"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'renewalWindow.value.amount': must be a positive integer, got 0");
    }

    @Test
    void extending_an_unknown_scheme_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "NO-SUCH-SCHEME", ""));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining(file("broken.yaml") + ": field 'extends': extends unknown scheme 'NO-SUCH-SCHEME'; known schemes: BASE, BROKEN");
    }

    @Test
    void two_files_with_the_same_code_are_rejected_naming_both() throws IOException {
        write("a.yaml", minimalBase("BASE"));
        write("b.yaml", minimalBase("BASE"));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining(file("b.yaml") + ": field 'code': duplicate scheme code 'BASE', already defined in " + file("a.yaml"));
    }

    @Test
    void a_base_scheme_must_state_every_parameter() throws IOException {
        write("base.yaml", minimalBase("BASE").replaceAll("(?s)labelRounding:.*", ""));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining(file("base.yaml") + ": field 'labelRounding': is required in a base scheme");
    }

    @Test
    void a_checklist_item_with_an_unknown_kind_is_rejected() throws IOException {   // R-APP-1
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                documentChecklist:
                  value:
                    - {id: letter, zh: 委托书, kind: maybe, cite: "901 §2"}
                  cite: "901 §2"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'documentChecklist.value[0].kind': must be required, conditional or optional, got \"maybe\"");
    }

    @Test
    void a_conditional_checklist_item_without_a_question_is_rejected() throws IOException {   // R-APP-1
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                documentChecklist:
                  value:
                    - {id: letter, zh: 委托书, kind: required, cite: "901 §2"}
                    - {id: oem, zh: OEM 关系, kind: conditional, cite: "901 §2"}
                  cite: "901 §2"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'documentChecklist.value[1].question': is required for a conditional item");
    }

    @Test
    void a_checklist_item_without_a_citation_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                documentChecklist:
                  value:
                    - {id: letter, zh: 委托书, kind: required}
                  cite: "901 §2"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'documentChecklist.value[0].cite': is required");
    }

    @Test
    void overlapping_man_day_bands_are_rejected() throws IOException {   // R-PLAN-3
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                manDayTable:
                  value:
                    tables:
                      - driver: BOM_ITEMS
                        bands:
                          - {above: 0, upTo: 50, manDays: {ON_SITE_INSPECTION: 1}}
                          - {above: 40, upTo: 100, manDays: {ON_SITE_INSPECTION: 1.5}}
                  cite: "901 §3"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'manDayTable.value.tables[0].bands[1]': bands overlap: this band starts above 40 but the previous band already covers up to 50");
    }

    @Test
    void descending_man_day_bands_are_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                manDayTable:
                  value:
                    tables:
                      - driver: GHG_SOURCES
                        bands:
                          - {above: 30, upTo: 10, manDays: {TOTAL: 2}}
                  cite: "901 §3"
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("field 'manDayTable.value.tables[0].bands[0]': bands must be ascending: upTo 10 must be greater than above 30");
    }

    @Test
    void a_gap_between_man_day_bands_is_rejected() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                manDayTable:
                  value:
                    tables:
                      - driver: GHG_SOURCES
                        bands:
                          - {above: 0, upTo: 30, manDays: {TOTAL: 2}}
                          - {above: 50, manDays: {TOTAL: 4}}
                  cite: "901 §3"
                """));
        assertThatThrownBy(this::loadDir).hasMessageContaining("gap between bands: counts 31–50 are not covered");
    }

    @Test
    void a_file_that_is_not_yaml_is_rejected_naming_the_file() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", "code: [unclosed\n");
        assertThatThrownBy(this::loadDir).hasMessageContaining(file("broken.yaml") + ": is not valid YAML");
    }

    @Test
    void all_problems_of_all_files_are_reported_together() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("broken.yaml", body("BROKEN", "BASE", """
                validityYears: {value: -1, cite: "901 §1"}
                suspensionMaxMonths: {value: 6}
                """));
        assertThatThrownBy(this::loadDir).isInstanceOfSatisfying(SchemeDefinitionException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.problems()).extracting(SchemeDefinitionException.Problem::field)
                        .containsExactlyInAnyOrder("validityYears.value", "suspensionMaxMonths.cite"));
    }

    @Test
    void a_configured_external_directory_that_does_not_exist_stops_the_start() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), missing))
                .hasMessageContaining("cfp.schemes.dir points to a directory that does not exist");
    }

    @Test
    void a_broken_external_file_next_to_the_shipped_schemes_is_reported_with_its_path() throws IOException {
        write("broken.yaml", body("BROKEN", "CNCA-CFP-00", """
                validityYears:
                  value: two
                  cite: "901 §1"
                """));
        assertThatThrownBy(() -> SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), dir))
                .hasMessageContaining(file("broken.yaml") + ": field 'validityYears.value': must be a positive integer, got \"two\"");
    }

    @Test
    void a_valid_minimal_pair_loads() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("body.yaml", body("BODY", "BASE", ""));
        org.assertj.core.api.Assertions.assertThat(SchemeLoader.load(SchemeSources.directory(dir))).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(List.of(1)).isNotEmpty();
    }

    @Test
    void a_flow_step_needs_a_stage_of_the_closed_vocabulary() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("body.yaml", body("BODY", "BASE", """
                flow:
                  value:
                    - {key: ACCEPT, zh: 受理, stage: ACCEPTANCE}
                    - {key: AUDIT, zh: 审核, stage: AUDITING}
                    - {key: DECIDE, zh: 决定, stage: DECISION}
                  cite: "901 §2"
                """));
        assertThatThrownBy(this::loadDir).isInstanceOfSatisfying(SchemeDefinitionException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("AUDITING").contains("PRELIMINARY_EVALUATION");
        });
    }

    @Test
    void a_flow_without_a_decision_or_out_of_order_is_refused() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("body.yaml", body("BODY", "BASE", """
                flow:
                  value:
                    - {key: PLAN, zh: 策划, stage: PLANNING}
                    - {key: ACCEPT, zh: 受理, stage: ACCEPTANCE}
                  cite: "901 §2"
                """));
        assertThatThrownBy(this::loadDir).isInstanceOfSatisfying(SchemeDefinitionException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("ACCEPTANCE (BEFORE_CASE) cannot follow a CASE stage"));
    }

    @Test
    void an_exemption_can_only_waive_a_stage_of_the_flow() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("body.yaml", body("BODY", "BASE", """
                onsiteInspectionExemption:
                  value: {sameFactoryRequired: true, waives: ON_SITE_INSPECTION}
                  cite: "901 §3"
                """));
        assertThatThrownBy(this::loadDir).isInstanceOfSatisfying(SchemeDefinitionException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("onsiteInspectionExemption.waives")
                        .contains("ON_SITE_INSPECTION is not in the flow"));
    }

    /** Decision D1: a base limit binds a CFP-label body; a recorded deviation keeps the body's looser value. */
    @Test
    void a_national_limit_binds_a_cfp_label_body_unless_it_records_a_deviation_decision_d1() throws IOException {
        write("base.yaml", minimalBase("BASE").replace("validityYears:\n  value: null\n  note: not stated in the test seed\n",
                "validityYears:\n  value: 2\n  cite: \"900 §9\"\n  nationalLimit: AT_MOST\n"));
        write("label.yaml", body("LABEL", "BASE", """
                cfpLabel: true
                validityYears:
                  value: 3
                  cite: "901 §12"
                """));
        write("other.yaml", body("OTHER", "BASE", """
                validityYears:
                  value: 3
                  cite: "901 §12"
                """));
        write("deviating.yaml", body("DEVIATING", "BASE", """
                cfpLabel: true
                validityYears:
                  value: 3
                  cite: "901 §12"
                  deviation: {reason: {zh: 主管部门书面同意, en: "written consent of the authority"}, decidedBy: 技术委员会, date: "2026-01-05"}
                """));
        var byCode = new java.util.HashMap<String, cn.cfp.scheme.Scheme>();
        SchemeLoader.load(SchemeSources.directory(dir)).forEach(x -> byCode.put(x.code(), x));
        org.assertj.core.api.Assertions.assertThat(byCode.get("LABEL").validityYears().value()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(byCode.get("LABEL").validityYears().cite()).isEqualTo("901 §12; 900 §9; decision D1");
        org.assertj.core.api.Assertions.assertThat(byCode.get("OTHER").validityYears().value()).isEqualTo(3);
        var dev = byCode.get("DEVIATING");
        org.assertj.core.api.Assertions.assertThat(dev.validityYears().value()).isEqualTo(3);
        var limit = dev.limit(SchemeParameter.VALIDITY_YEARS).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(limit.deviation().decidedBy()).isEqualTo("技术委员会");
        org.assertj.core.api.Assertions.assertThat(limit.applied()).isFalse();
    }

    @Test
    void a_national_limit_in_a_body_scheme_and_a_deviation_outside_a_cfp_label_scheme_are_refused() throws IOException {
        write("base.yaml", minimalBase("BASE"));
        write("body.yaml", body("BODY", "BASE", """
                validityYears:
                  value: 3
                  cite: "901 §12"
                  nationalLimit: AT_MOST
                  deviation: {reason: {zh: 理由}, decidedBy: x, date: "2026-01-05"}
                """));
        assertThatThrownBy(this::loadDir)
                .hasMessageContaining("validityYears.nationalLimit")
                .hasMessageContaining("only a base scheme (one without 'extends') states national limits")
                .hasMessageContaining("needs a CFP-label scheme (cfpLabel: true)");
    }
}
