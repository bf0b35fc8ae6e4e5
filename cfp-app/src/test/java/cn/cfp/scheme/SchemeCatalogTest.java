package cn.cfp.scheme;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeCatalogTest {

    private static Scheme scheme(String code) {
        return new Scheme(code, code, LocalizedText.of("测试", "test"), LocalizedText.of("测试", "test"), "1", "900_x.txt",
                null, "schemes/x.yaml", Map.of());
    }

    @Test
    void get_with_an_unknown_code_names_the_code_and_the_known_ones() {
        SchemeCatalog catalog = new SchemeCatalog(List.of(scheme("A"), scheme("B")));
        assertThatThrownBy(() -> catalog.get("Z")).isInstanceOf(UnknownSchemeException.class)
                .hasMessageContaining("Unknown certification scheme 'Z'. Known schemes: A, B");
        assertThat(catalog.find("Z")).isEmpty();
        assertThat(catalog.find("A")).isPresent();
    }

    @Test
    void a_parameter_no_file_states_reads_as_not_stated() {
        Cited<Integer> v = scheme("A").validityYears();
        assertThat(v.stated()).isFalse();
        assertThatThrownBy(() -> v.require("validityYears")).hasMessageContaining("does not state 'validityYears'");
    }
}
