package cn.cfp.calc.gwp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GwpSetsTest {

    @Test
    void ar6_is_the_default_and_splits_fossil_and_non_fossil_methane() { // R-CALC-3
        GwpSet ar6 = GwpSets.defaultSet();
        assertThat(ar6.name()).isEqualTo("AR6");
        assertThat(ar6.gwp("CH4", true)).isEqualTo(29.8);
        assertThat(ar6.gwp("CH4", false)).isEqualTo(27.0);
        assertThat(ar6.gwp("N2O", true)).isEqualTo(273);
        assertThat(ar6.gwp("SF6", true)).isEqualTo(25200);
        assertThat(ar6.gwp("HFC-134a", true)).isEqualTo(1530);
        assertThat(ar6.gwp("NF3", true)).isEqualTo(17400);
        assertThat(ar6.gwp("PFC-14", true)).isEqualTo(7380);
    }

    @Test
    void ar5_is_selectable_without_climate_carbon_feedback() { // R-CALC-3
        GwpSet ar5 = GwpSets.of("ar5");
        assertThat(ar5.gwp("CH4", false)).isEqualTo(28);
        assertThat(ar5.gwp("CH4", true)).isEqualTo(30);
        assertThat(ar5.gwp("N2O", true)).isEqualTo(265);
        assertThat(ar5.gwp("SF6", true)).isEqualTo(23500);
    }

    @Test
    void unknown_gas_and_unknown_set_are_refused_by_name() {
        assertThatThrownBy(() -> GwpSets.ar6().gwp("XYZ", true)).hasMessageContaining("unknown greenhouse gas 'XYZ'");
        assertThatThrownBy(() -> GwpSets.of("AR4")).hasMessageContaining("'AR4'");
    }
}
