package cn.cfp.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.TestSchemes;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.CertificateContent.Addition;
import cn.cfp.scheme.Step;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each shipped scheme's certificate content as its seed states it (back-half §5.1–5.2) [R-CERT-1, R-CERT-3]. */
class CertificateContentSchemesTest {

    static CertificateContent of(String code) {
        return TestSchemes.get(code).certificateContent().value();
    }

    @Test
    void cnex_checks_its_15_fields_a_to_o_prints_stage_shares_and_the_first_issue_date_and_bars_deciders_from_preparing_001_9_9() {
        CertificateContent c = of("CNEX-01-G");
        assertThat(c.checkedFields()).extracting(Step::key)
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O");
        assertThat(c.checkedFields().get(11).name().zh()).contains("产品各阶段碳排放比例");
        assertThat(c.additions()).containsExactly(Addition.STAGE_SHARES, Addition.FIRST_ISSUE_DATE);
        assertThat(c.preparerMayNotDecide()).isTrue();
        assertThat(c.productCodeRequired()).isTrue();
    }

    @Test
    void the_base_scheme_checks_000_annex_3s_items_and_binds_no_preparer_rule() {
        CertificateContent c = of("CNCA-CFP-00");
        assertThat(c.title().zh()).isEqualTo("产品碳足迹标识认证证书");
        assertThat(c.checkedFields()).hasSize(16);
        assertThat(c.additions()).isEmpty();
        assertThat(c.preparerMayNotDecide()).isFalse();
    }

    @Test
    void cgc_adds_trade_mark_assurance_level_and_surveillance_cec_its_report_period_and_neither_cec_nor_cicc_asks_a_cnca_product_code() {
        assertThat(of("CGC-R52003").additions()).containsExactly(Addition.TRADEMARK, Addition.ASSURANCE_LEVEL, Addition.SURVEILLANCE_RECORD);
        assertThat(of("CGC-R52003").basis().zh()).contains("GB/T 24067-2024", "CGC-R52003:2025");
        assertThat(of("CEC-FURNITURE").additions()).containsExactly(Addition.REPORT_PERIOD);
        assertThat(of("CEC-FURNITURE").productCodeRequired()).isFalse();
        assertThat(of("CICC-ZY-GZ-20").productCodeRequired()).isFalse();
        assertThat(of("CEC-FURNITURE").title().zh()).isEqualTo("产品碳足迹认证证书");
    }

    @Test
    void a_cgc_draft_without_trade_mark_or_assurance_level_cannot_be_confirmed_003_88() {
        Certificate c = CertificateRulesTest.certificate(List.of(CertificateRulesTest.entry(1, Certificate.Kind.DRAFTED, 0,
                CertificateRulesTest.draftJson())), List.of());
        Actor preparer = new Actor(50, "p", "P", Set.of(Role.PREPARER), null);
        assertThatThrownBy(() -> c.confirm(preparer, CertificateRulesTest.data(1), of("CGC-R52003")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reasons()).extracting(Reason::field)
                        .containsExactly("trademark", "assuranceLevel"));
        // the same draft confirms under the base scheme, which prints neither
        assertThat(c.confirm(preparer, CertificateRulesTest.data(1), of("CNCA-CFP-00"))).contains("18.5");
    }
}
