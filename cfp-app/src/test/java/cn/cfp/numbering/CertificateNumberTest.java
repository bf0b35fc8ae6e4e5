package cn.cfp.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.body.BodyIdentity;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The CNCA certificate number [R-CERT-2, decision D2; 000 Ann.4; back-half §5.3]: parsed with or without hyphens,
 * printed hyphenated, and a confirmed number checked against this body, the issue year and the product code — each
 * failure with its own reason code. Hand-made numbers; this body is CNCA-R-2025-123 → body code 0123.
 */
class CertificateNumberTest {

    static final String BODY = BodyIdentity.bodyCode("CNCA-R-2025-123");

    @Test
    void parses_18_positions_with_or_without_hyphens_and_prints_them_hyphenated() {
        CertificateNumber n = CertificateNumber.parse("CFP012320261010042").orElseThrow();
        assertThat(n.bodyCode()).isEqualTo("0123");
        assertThat(n.year()).isEqualTo(2026);
        assertThat(n.productCode()).isEqualTo("101");
        assertThat(n.serial()).isEqualTo("0042");
        assertThat(n.printed()).isEqualTo("CFP-0123-2026-101-0042");
        assertThat(CertificateNumber.parse(" cfp-0123-2026-101-0042 ")).contains(n);
        // a foreign-funded body: F + 3 digits
        CertificateNumber f = CertificateNumber.parse("CFP-F045-2026-301-9999").orElseThrow();
        assertThat(f.bodyCode()).isEqualTo("F045");
        assertThat(f.compact()).isEqualTo("CFPF04520263019999").hasSize(18);
    }

    @Test
    void refuses_what_is_not_the_pattern() {
        assertThat(CertificateNumber.parse("CFP01232026101004")).isEmpty();       // 17 positions
        assertThat(CertificateNumber.parse("CFP0123202610100421")).isEmpty();     // 19
        assertThat(CertificateNumber.parse("CFA012320261010042")).isEmpty();      // not CFP
        assertThat(CertificateNumber.parse("CFPX12320261010042")).isEmpty();      // letter other than F
        assertThat(CertificateNumber.parse("CFP-01232026-101-0042")).isEmpty();   // hyphens in the wrong places
        assertThat(CertificateNumber.parse("CFP-0123-2026-1O1-0042")).isEmpty();  // letter O for 0
        assertThat(CertificateNumber.parse(null)).isEmpty();
        Verdict v = CertificateNumber.check("CFP-0123-2026-101-004", BODY, 2026, "101");
        assertThat(codes(v)).containsExactly("numbering.pattern");
    }

    @Test
    void a_confirmed_number_must_carry_this_bodys_code_the_issue_year_and_the_cases_product_code() {
        assertThat(CertificateNumber.check("CFP-0123-2026-101-0042", BODY, 2026, "101").allowed()).isTrue();
        assertThat(CertificateNumber.check("CFP012320261010042", BODY, 2026, "101").allowed()).isTrue();
        // a foreign body code F045 and another domestic body's code
        Verdict foreign = CertificateNumber.check("CFP-F045-2026-101-0042", BODY, 2026, "101");
        assertThat(codes(foreign)).containsExactly("numbering.bodyCode");
        assertThat(foreign.reasons().get(0).args()).containsExactly("0123", "F045"); // expected vs given
        assertThat(codes(CertificateNumber.check("CFP-0124-2026-101-0042", BODY, 2026, "101"))).containsExactly("numbering.bodyCode");
        // wrong year
        Verdict year = CertificateNumber.check("CFP-0123-2025-101-0042", BODY, 2026, "101");
        assertThat(codes(year)).containsExactly("numbering.year");
        assertThat(year.reasons().get(0).args()).containsExactly("2026", "2025");
        // wrong product code
        Verdict product = CertificateNumber.check("CFP-0123-2026-201-0042", BODY, 2026, "101");
        assertThat(codes(product)).containsExactly("numbering.productCode");
        assertThat(product.reasons().get(0).args()).containsExactly("101", "201");
        // all three at once: every reason, not just the first
        assertThat(codes(CertificateNumber.check("CFP-F045-2025-201-0042", BODY, 2026, "101")))
                .containsExactly("numbering.bodyCode", "numbering.year", "numbering.productCode");
    }

    @Test
    void the_body_code_comes_from_the_approval_number_000_annex_4() {
        assertThat(BodyIdentity.bodyCode("CNCA-R-2025-123")).isEqualTo("0123");
        assertThat(BodyIdentity.bodyCode("CNCA-RF-2025-45")).isEqualTo("F045");
    }

    static java.util.List<String> codes(Verdict v) {
        return v.reasons().stream().map(Reason::code).toList();
    }
}
