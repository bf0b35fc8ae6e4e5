package cn.cfp.calc.label;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(LabelRounding.roundKg(kg).text()).isEqualTo(text);
    }
}
