package cn.cfp.calc.label;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelRoundingTest {

    @ParameterizedTest(name = "R-CALC-12: {0} kg -> {1}")
    @CsvSource({
            "0.0153, 15 g CO2e", "0.020, 20 g CO2e", "0.0201, 20 g CO2e", "0.0211, 22 g CO2e",
            "0.040, 40 g CO2e", "0.0426, 45 g CO2e", "0.1, 100 g CO2e", "0.104, 100 g CO2e", "0.105, 110 g CO2e",
            "0.2, 200 g CO2e", "0.399, 400 g CO2e", "0.4, 400 g CO2e", "0.424, 400 g CO2e", "0.425, 450 g CO2e",
            "1.0, 1000 g CO2e", "1.04, 1.0 kg CO2e", "1.05, 1.1 kg CO2e", "2.0, 2.0 kg CO2e", "2.1, 2.2 kg CO2e",
            "4.0, 4.0 kg CO2e", "4.24, 4.0 kg CO2e", "4.25, 4.5 kg CO2e", "10.0, 10.0 kg CO2e",
            "104.32, 100 kg CO2e", "15.5, 16 kg CO2e", "1234, 1.2 t CO2e",
            // values <= 10 g: same 1-2-5 principle continued downwards (our documented decision)
            "0.0073, 7.5 g CO2e", "0.00143, 1.4 g CO2e", "0.01, 10.0 g CO2e", "-0.0153, -15 g CO2e", "0, 0 g CO2e"})
    void label_value_is_rounded_per_the_cicc_table(double kg, String text) { // R-CALC-12
        assertThat(LabelRounding.CICC_ZY_GZ_20.roundKg(kg).text()).isEqualTo(text);
    }

    @Test
    void a_table_without_extension_gives_no_label_value_outside_its_bands() { // R-CALC-12
        LabelRounding t = LabelRounding.parse("t.txt", List.of("# above upTo step", "10 100 5", "100 1000 50"));
        assertThat(t.roundKg(0.0426).text()).isEqualTo("45 g CO2e");   // 42.6 g in (10, 100] -> step 5 -> 45 g
        assertThat(t.roundKg(0.425).text()).isEqualTo("450 g CO2e");   // 425 g in (100, 1000] -> step 50 -> 450 g
        assertThat(t.roundKg(0.425).table()).isEqualTo("t.txt");
        assertThat(t.roundKg(5.0)).isNull();                            // 5000 g: no band, not extended
    }

    @Test
    void a_parsed_table_with_extension_equals_the_cicc_table() { // R-CALC-12
        LabelRounding t = LabelRounding.parse("cicc.txt", List.of("10 20 1", "20 40 2", "40 100 5", "100 200 10",
                "200 400 20", "400 1000 50", "1000 2000 100", "2000 4000 200", "4000 10000 500", "extend-by-decade"));
        for (double kg : new double[] {0.0073, 0.0153, 15.5, 1234, 104.32}) {
            assertThat(t.roundKg(kg).text()).isEqualTo(LabelRounding.CICC_ZY_GZ_20.roundKg(kg).text());
        }
    }

    @Test
    void bands_with_a_gap_are_refused() {
        assertThatThrownBy(() -> LabelRounding.parse("gap.txt", List.of("10 20 1", "40 100 5")))
                .hasMessageContaining("contiguous");
    }
}
