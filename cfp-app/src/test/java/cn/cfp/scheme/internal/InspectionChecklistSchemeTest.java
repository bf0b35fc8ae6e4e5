package cn.cfp.scheme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.scheme.AssuranceChecklist;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.SchemeDefinitionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** R-INS-2: the assurance-capability checklists as scheme data (back-half §1.3), checked at start-up. */
class InspectionChecklistSchemeTest {

    static SchemeCatalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        catalog = SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), null);
    }

    static InspectionRules rules(String code) {
        return catalog.get(code).onSiteInspection().value();
    }

    @Test
    void annex1_has_its_14_clauses_and_cnex_uses_the_same_items_000_Ann1_001_AnnII() {
        AssuranceChecklist a1 = rules("CNCA-CFP-00").checklist();
        assertThat(a1.set()).isEqualTo("ANNEX1");
        // back-half §1.3 table: 55 rows A1-1.1 … A1-14.2 over clauses 1–14
        assertThat(a1.items()).hasSize(55);
        assertThat(a1.items().get(0).id()).isEqualTo("A1-1.1");
        assertThat(a1.items().get(54).id()).isEqualTo("A1-14.2");
        assertThat(a1.items().stream().map(i -> i.id().split("-")[1].split("\\.")[0]).distinct()).hasSize(14);
        assertThat(a1.item("A1-2.3").orElseThrow().cite()).isEqualTo("000 Ann.1 §2.3");
        assertThat(a1.item("A1-7.1").orElseThrow().applicability()).isEqualTo(AssuranceChecklist.Applicability.SCOPE);
        assertThat(a1.item("A1-7.1").orElseThrow().scopeStage()).isEqualTo("delivery-storage");
        assertThat(a1.item("A1-7.4").orElseThrow().applicability()).isEqualTo(AssuranceChecklist.Applicability.OPTIONAL);
        assertThat(rules("CNEX-01-G").checklist().items()).extracting(AssuranceChecklist.Item::id)
                .containsExactlyElementsOf(a1.items().stream().map(AssuranceChecklist.Item::id).toList());
        assertThat(rules("CNEX-01-G").attendanceMeetings()).containsExactly(InspectionRules.Meeting.CLOSING);
        assertThat(rules("CNEX-01-G").suspensionNotice().zh()).isEqualTo("认证核查中止通知书");
    }

    @Test
    void cgc_uses_annex1_with_its_own_headings_and_cec_its_13_clauses_003_Ann2_002_Ann3() {
        AssuranceChecklist cgc = rules("CGC-R52003").checklist();
        assertThat(cgc.items()).hasSize(55);
        assertThat(cgc.item("A1-1.1").orElseThrow().heading().zh()).isEqualTo("管理职责和资源");
        assertThat(cgc.item("A1-2.1").orElseThrow().heading().zh()).isEqualTo("文件和记录");
        assertThat(cgc.item("A1-13.1").orElseThrow().heading().zh()).isEqualTo("认证产品的变更及一致性控制");
        AssuranceChecklist cec = rules("CEC-FURNITURE").checklist();
        assertThat(cec.set()).isEqualTo("CEC_ANNEX3");
        assertThat(cec.items().stream().map(i -> i.id().split("-")[1].split("\\.")[0]).distinct()).hasSize(13);
        assertThat(cec.item("C3-2.3").orElseThrow().check().en()).contains("24 months");
        assertThat(rules("CEC-FURNITURE").consistency()).hasSize(3);
        assertThat(rules("CEC-FURNITURE").reportContents()).hasSize(4);
        assertThat(rules("CNCA-CFP-00").reportContents()).hasSize(6);
        assertThat(rules("CNEX-01-G").consistency()).hasSize(6);
        assertThat(catalog.get("CICC-ZY-GZ-20").onSiteInspection().value()).isNull();
    }

    @Test
    void an_unknown_checklist_set_stops_the_start_R_INS_2() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), SchemeValidationTest.minimalBase("BASE"));
        Files.writeString(dir.resolve("broken.yaml"), SchemeValidationTest.body("BROKEN", "BASE", """
                onSiteInspection:
                  value:
                    checklist: {set: ANNEX9}
                    consistency: [{id: a, zh: 甲}]
                    reportContents: [{id: b, zh: 乙}]
                    suspensionReasons: [{key: OTHER, zh: 其他}]
                    suspensionNotice: {zh: 通知}
                  cite: "901 §1"
                """));
        assertThatThrownBy(() -> SchemeLoader.load(SchemeSources.directory(dir))).isInstanceOf(SchemeDefinitionException.class)
                .hasMessageContaining("unknown checklist set 'ANNEX9'");
    }
}
