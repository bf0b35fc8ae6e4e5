package cn.cfp.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.TestSchemes;
import cn.cfp.scheme.CertificateNumberRule;
import cn.cfp.scheme.CertificateNumberRule.Authority;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Who numbers each scheme's certificates is scheme data [decision D2]: CNCA for the CFP-label schemes 000, 001, 003
 * (000 Annex 4's pattern); the body's own format for CEC and CICC (a body decision — the seeds give none).
 */
class CertificateNumberRuleTest {

    @Test
    void the_cfp_label_schemes_are_numbered_by_cnca_the_others_by_the_body() {
        for (String code : new String[] {"CNCA-CFP-00", "CNEX-01-G", "CGC-R52003"}) {
            CertificateNumberRule r = TestSchemes.get(code).certificateNumber().value();
            assertThat(r.authority()).as(code).isEqualTo(Authority.CNCA);
            assertThat(r.pattern()).isEqualTo("^CFP(\\d{4}|F\\d{3})\\d{4}\\d{3}\\d{4}$");
            // the scheme's pattern and the value object's agree
            for (String n : new String[] {"CFP012320261010042", "CFPF04520263019999", "CFP01232026101004", "CFPX12320261010042"}) {
                assertThat(n.matches(r.pattern())).as(n).isEqualTo(CertificateNumber.PATTERN.matcher(n).matches());
            }
            assertThat(r.printed()).isEqualTo("CFP-XXXX-XXXX-XXX-XXXX");
        }
        assertThat(TestSchemes.get("CNCA-CFP-00").certificateNumber().cite()).isEqualTo("000 §9.1.2; 000 Ann.4");
        CertificateNumberRule cec = TestSchemes.get("CEC-FURNITURE").certificateNumber().value();
        assertThat(cec.authority()).isEqualTo(Authority.LOCAL);
        assertThat(cec.format(2026, 7)).isEqualTo("CEC-CFP-2026-00007");
        assertThat(cec.maxSerial()).isEqualTo(99_999);
        assertThat(TestSchemes.get("CEC-FURNITURE").certificateNumber().note().zh()).contains("认证机构决定").contains("decision D2");
        CertificateNumberRule cicc = TestSchemes.get("CICC-ZY-GZ-20").certificateNumber().value();
        assertThat(cicc.format(2027, 12345)).isEqualTo("CICC-CFP-2027-12345");
        assertThat(cicc.summary(Locale.ENGLISH)).contains("numbered by the body");
    }

    @Test
    void a_local_format_needs_a_serial_and_known_placeholders_and_a_serial_that_fits() {
        assertThatThrownBy(() -> new CertificateNumberRule(Authority.LOCAL, null, null, "X-{year}"))
                .hasMessageContaining("{serial:n}");
        assertThatThrownBy(() -> new CertificateNumberRule(Authority.LOCAL, null, null, "X-{yr}-{serial:4}"))
                .hasMessageContaining("unknown placeholder");
        assertThatThrownBy(() -> new CertificateNumberRule(Authority.CNCA, null, "CFP", null)).hasMessageContaining("pattern");
        CertificateNumberRule r = new CertificateNumberRule(Authority.LOCAL, null, null, "X-{serial:2}/{year}");
        assertThat(r.format(2026, 5)).isEqualTo("X-05/2026");
        assertThatThrownBy(() -> r.format(2026, 100)).hasMessageContaining("does not fit");
    }
}
