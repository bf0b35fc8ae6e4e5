package cn.cfp.scheme.internal;

import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** R-X-1: a new body's rules are a new file, not new code — and inheritance fills what the new file does not say. */
class ExternalSchemeDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void a_sixth_made_up_scheme_in_the_external_directory_loads_and_appears_in_all() throws IOException {   // R-X-1
        Files.writeString(dir.resolve("acme-toys.yaml"), """
                code: ACME-TOYS-01
                version: "2027"
                name: {zh: 产品碳足迹标识认证实施规则 玩具（虚构）, en: PCF rules — toys (made up)}
                issuer: {zh: 虚构认证中心, en: ACME Certification (fictitious)}
                seed: 999_made_up.txt
                extends: CNCA-CFP-00
                validityYears:
                  value: 4
                  cite: "999 §12"
                acceptanceNoticeWorkingDays:
                  value: 5
                  cite: "999 §5.1"
                renewalWindow:
                  value: null
                  note: not stated in the made-up rules
                """);
        SchemeCatalog catalog = SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), dir);

        assertThat(catalog.all()).hasSize(6);
        assertThat(catalog.codes()).last().isEqualTo("ACME-TOYS-01");
        Scheme acme = catalog.get("ACME-TOYS-01");
        assertThat(acme.source()).isEqualTo(dir.resolve("acme-toys.yaml").toAbsolutePath().toString());
        assertThat(acme.validityYears().value()).isEqualTo(4);
        assertThat(acme.validityYears().cite()).isEqualTo("999 §12");
        assertThat(acme.acceptanceNoticeWorkingDays().value()).isEqualTo(5);
    }

    @Test
    void what_a_body_scheme_does_not_state_is_inherited_from_the_base_with_the_base_citation() throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), """
                code: ACME
                version: "1"
                name: {zh: 虚构, en: made up}
                issuer: {zh: 虚构, en: made up}
                seed: 999_made_up.txt
                extends: CNCA-CFP-00
                renewalWindow:
                  value: null
                  note: {zh: 未规定, en: not stated in 999}
                """);
        Scheme acme = SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), dir).get("ACME");

        // omitted entirely → base value, base cite, marked inherited [000 §9.1.5]
        assertThat(acme.suspensionMaxMonths().value()).isEqualTo(3);
        assertThat(acme.suspensionMaxMonths().cite()).isEqualTo("000 §9.1.5");
        assertThat(acme.suspensionMaxMonths().inherited()).isTrue();
        assertThat(acme.suspensionMaxMonths().definedIn()).isEqualTo("CNCA-CFP-00");
        // written as null + note → base value, and the body's note explains why
        assertThat(acme.renewalWindow().value()).isEqualTo(Term.of(90, Term.Unit.DAYS));   // 000 §9.1.1
        assertThat(acme.renewalWindow().inherited()).isTrue();
        assertThat(acme.renewalWindow().note().en()).isEqualTo("not stated in 999");
    }

    @Test
    void inherit_false_keeps_a_delegated_value_empty() {
        // CGC ¶94 delegates the status-action time limit to CGC-QP-V06 (not in the seed): nothing is filled in
        Scheme cgc = SchemeConfiguration.create(new PathMatchingResourcePatternResolver(), null).get("CGC-R52003");
        assertThat(cgc.statusActionWorkingDays().stated()).isFalse();
        assertThat(cgc.statusActionWorkingDays().cite()).isEqualTo("003 ¶94");
        // ... unless a national limit binds it: the suspension maximum of 000 §9.1.5 still applies [decision D1, corrections A-7]
        assertThat(cgc.suspensionMaxMonths().value()).isEqualTo(3);
        assertThat(cgc.suspensionMaxMonths().inherited()).isFalse();
    }
}
