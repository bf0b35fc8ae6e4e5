package cn.cfp.calc.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void converts_within_a_dimension() {
        assertThat(Quantity.of(2, "t").in(Units.KG)).isEqualTo(2000.0);
        assertThat(Quantity.of(1, "kWh").in(Units.MJ)).isCloseTo(3.6, within(1e-12));
        assertThat(Quantity.of(500, "kgkm").in(Units.TKM)).isCloseTo(0.5, within(1e-12));
        assertThat(Quantity.of(30, "min").in(Units.of("h"))).isCloseTo(0.5, within(1e-12));
        assertThat(Quantity.of(2500, "mL").in(Units.of("L"))).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void refuses_conversion_across_dimensions_naming_both_units() {
        assertThatThrownBy(() -> Quantity.of(1, "kWh").in(Units.KG))
                .isInstanceOf(IncompatibleUnitException.class)
                .hasMessageContaining("'kWh'").hasMessageContaining("'kg'");
    }

    @Test
    void unknown_unit_is_refused_with_the_symbol() {
        assertThatThrownBy(() -> Units.of("kgg")).hasMessageContaining("unknown unit 'kgg'");
    }

    @Test
    void amount_must_be_finite() {
        assertThatThrownBy(() -> new Quantity(Double.NaN, Units.KG)).hasMessageContaining("finite");
    }
}
