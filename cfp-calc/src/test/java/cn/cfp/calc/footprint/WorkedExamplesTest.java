package cn.cfp.calc.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.io.InventoryJson;
import org.junit.jupiter.api.Test;

/** Examples small enough to check by hand. */
class WorkedExamplesTest {

    static FootprintResult calc(String json) {
        return FootprintCalculator.calculate(InventoryJson.parse(json));
    }

    static String inv(String boundary, String processes, String factors, String extra) {
        return """
                {"name":"t","functionalUnit":{"amount":1,"unit":"p","process":"main"%s},
                 "boundary":"%s","processes":[%s],"factors":[%s]%s}
                """.formatted(extra.contains("productMass") ? ",\"productMass\":{\"amount\":10,\"unit\":\"kg\"}" : "",
                boundary, processes, factors, extra.replace("productMass", ""));
    }

    @Test
    void emission_factor_method_is_activity_times_factor_times_gwp() { // R-CALC-1
        // 10 kWh x 0.5 kg CO2e/kWh = 5 kg; 2 kg diesel x (3.1 kg CO2 + 0.001 kg CH4 fossil + 0.0001 kg N2O)
        // AR6: 2 x (3.1 + 0.0298 + 0.0273) = 6.3142
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"motor","amount":1,"unit":"p"}],
                 "inputs":[{"name":"electricity","amount":10,"unit":"kWh","factor":"grid"},
                           {"name":"diesel","amount":2,"unit":"kg","factor":"diesel"}]}""", """
                {"id":"grid","unit":"kWh","co2e":0.5,"type":"NATIONAL"},
                {"id":"diesel","unit":"kg","type":"INTERNATIONAL","gases":[{"gas":"CO2","amount":3.1},
                  {"gas":"CH4","amount":0.001,"origin":"FOSSIL"},{"gas":"N2O","amount":0.0001}]}""", ""));
        assertThat(r.totalKgCo2e()).isCloseTo(5 + 6.3142, within(1e-9));
        assertThat(r.gwpSet()).isEqualTo("AR6");
        assertThat(r.gases()).anySatisfy(g -> {
            assertThat(g.gas()).isEqualTo("CH4-fossil");
            assertThat(g.kgGas()).isCloseTo(0.002, within(1e-12));
        });
        FootprintResult ar5 = FootprintCalculator.calculate(InventoryJson.parse(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"motor","amount":1,"unit":"p"}],
                 "inputs":[{"name":"diesel","amount":2,"unit":"kg","factor":"diesel"}]}""", """
                {"id":"diesel","unit":"kg","type":"INTERNATIONAL","gases":[{"gas":"CO2","amount":3.1},
                  {"gas":"CH4","amount":0.001,"origin":"FOSSIL"},{"gas":"N2O","amount":0.0001}]}""", "")), GwpSets.ar5());
        assertThat(ar5.totalKgCo2e()).isCloseTo(2 * (3.1 + 0.030 + 0.0265), within(1e-9)); // R-CALC-3
        assertThat(ar5.gwpSet()).isEqualTo("AR5");
    }

    @Test
    void input_amount_is_converted_to_the_factor_unit() {
        // 3.6 MJ = 1 kWh -> 0.5 kg
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"electricity","amount":3.6,"unit":"MJ","factor":"grid"}]}""",
                "{\"id\":\"grid\",\"unit\":\"kWh\",\"co2e\":0.5,\"type\":\"NATIONAL\"}", ""));
        assertThat(r.totalKgCo2e()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void mass_balance_is_carbon_in_minus_carbon_out_times_44_over_12() { // R-CALC-1
        // in: 10 kg coke x 0.8 C = 8 kg C; out: 50 kg steel x 0.02 C = 1 kg C -> 7 kg C -> 25.6667 kg CO2
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"steel","amount":1,"unit":"p"}],
                 "massBalances":[{"name":"furnace","carbonIn":[{"name":"coke","amount":10,"unit":"kg","carbonFraction":0.8}],
                   "carbonOut":[{"name":"steel","amount":50,"unit":"kg","carbonFraction":0.02}]}]}""", "", ""));
        assertThat(r.totalKgCo2e()).isCloseTo(7 * 44.0 / 12.0, within(1e-12));
        assertThat(r.origins().fossilKgCo2e()).isCloseTo(7 * 44.0 / 12.0, within(1e-12));
    }

    @Test
    void measured_emissions_and_removals_are_reported_by_origin() { // R-CALC-1
        // fossil 2 kg CO2; biogenic uptake 1.6 kg CO2 (removal), biogenic CH4 0.01 kg x 27.0; dLUC 0.5 kg CO2
        FootprintResult r = calc(inv("CRADLE_TO_GRAVE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"chair","amount":1,"unit":"p"}],
                 "emissions":[{"gas":"CO2","amount":2,"unit":"kg"},
                   {"name":"uptake in wood","gas":"CO2","amount":1.6,"unit":"kg","origin":"BIOGENIC","removal":true,"stage":"RAW_MATERIAL_ACQUISITION"},
                   {"name":"landfill gas","gas":"CH4","amount":10,"unit":"g","origin":"BIOGENIC","stage":"END_OF_LIFE"},
                   {"gas":"CO2","amount":0.5,"unit":"kg","origin":"DLUC","stage":"RAW_MATERIAL_ACQUISITION"}]}""", "", ""));
        assertThat(r.origins().fossilKgCo2e()).isCloseTo(2, within(1e-12));
        assertThat(r.origins().biogenicKgCo2e()).isCloseTo(-1.6 + 0.27, within(1e-12));
        assertThat(r.origins().biogenicRemovalsKgCo2e()).isCloseTo(-1.6, within(1e-12));
        assertThat(r.origins().dlucKgCo2e()).isCloseTo(0.5, within(1e-12));
        assertThat(r.totalKgCo2e()).isCloseTo(2 - 1.6 + 0.27 + 0.5, within(1e-12));
    }

    @Test
    void mass_allocation_shares_burdens_by_output_mass() { // R-CALC-8
        // refinery: 80 kg A + 20 kg B, 100 kg CO2 -> A carries 80 kg, i.e. 1 kg CO2 per kg A; FU uses 2 kg A
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"A","amount":2,"unit":"kg","provider":"ref","providerOutput":"A"}]},
                {"id":"ref","stage":"RAW_MATERIAL_ACQUISITION","allocation":"MASS",
                 "outputs":[{"flow":"A","amount":80,"unit":"kg"},{"flow":"B","amount":20,"unit":"kg"}],
                 "emissions":[{"gas":"CO2","amount":100,"unit":"kg"}]}""", "", ""));
        assertThat(r.totalKgCo2e()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void economic_and_explicit_allocation() { // R-CALC-8
        // A: 80 kg x 1 CNY, B: 20 kg x 6 CNY -> A share 80/200 = 40 % of 100 kg = 40 kg / 80 kg = 0.5 per kg
        FootprintResult eco = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"A","amount":2,"unit":"kg","provider":"ref"}]},
                {"id":"ref","stage":"RAW_MATERIAL_ACQUISITION","allocation":"ECONOMIC",
                 "outputs":[{"flow":"A","amount":80,"unit":"kg","price":1},{"flow":"B","amount":20,"unit":"kg","price":6}],
                 "emissions":[{"gas":"CO2","amount":100,"unit":"kg"}]}""", "", ""));
        assertThat(eco.totalKgCo2e()).isCloseTo(1.0, within(1e-12));
        FootprintResult phys = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"A","amount":2,"unit":"kg","provider":"ref"}]},
                {"id":"ref","stage":"RAW_MATERIAL_ACQUISITION","allocation":"PHYSICAL",
                 "outputs":[{"flow":"A","amount":80,"unit":"kg","allocationPercent":60},{"flow":"B","amount":20,"unit":"kg","allocationPercent":40}],
                 "emissions":[{"gas":"CO2","amount":100,"unit":"kg"}]}""", "", ""));
        assertThat(phys.totalKgCo2e()).isCloseTo(2 * 60.0 / 80.0, within(1e-12));
    }

    @Test
    void a_loop_between_two_processes_is_solved_exactly() { // R-CALC-10
        // s1 = 1 + 0.2 s2, s2 = 0.5 s1 -> s1 = 1/0.9, s2 = 0.5/0.9; total = 1*s1 + 2*s2 = 2/0.9
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"X","amount":1,"unit":"kg"}],
                 "inputs":[{"name":"Y","amount":0.5,"unit":"kg","provider":"p2"}],
                 "emissions":[{"gas":"CO2","amount":1,"unit":"kg"}]},
                {"id":"p2","stage":"RAW_MATERIAL_ACQUISITION","outputs":[{"flow":"Y","amount":1,"unit":"kg"}],
                 "inputs":[{"name":"X","amount":0.2,"unit":"kg","provider":"main"}],
                 "emissions":[{"gas":"CO2","amount":2,"unit":"kg"}]}""", "", "").replace("\"unit\":\"p\",\"process\"", "\"unit\":\"kg\",\"process\""));
        assertThat(r.totalKgCo2e()).isCloseTo(2 / 0.9, within(1e-12));
        assertThat(r.solver().residual()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void cut_off_within_and_beyond_five_percent_of_product_mass() { // R-CALC-5
        String proc = """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"glue","amount":%s,"unit":"g","excluded":true,"reason":"< 1 %% each"},
                           {"name":"label","amount":100,"unit":"g","excluded":true}],
                 "emissions":[{"gas":"CO2","amount":1,"unit":"kg"}]}""";
        FootprintResult ok = calc(inv("CRADLE_TO_GATE", proc.formatted("400"), "", "productMass"));
        assertThat(ok.cutOff().excludedKg()).isCloseTo(0.5, within(1e-12));
        assertThat(ok.cutOff().excludedPercent()).isCloseTo(5.0, within(1e-9));
        assertThat(ok.cutOff().withinLimit()).isTrue();
        assertThat(ok.cutOff().excluded()).hasSize(2).anyMatch(s -> s.contains("glue"));
        FootprintResult bad = calc(inv("CRADLE_TO_GATE", proc.formatted("401"), "", "productMass"));
        assertThat(bad.cutOff().withinLimit()).isFalse();
        assertThat(bad.totalKgCo2e()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void secondary_data_penalty_is_reported_apart_from_the_total() { // R-CALC-7
        // measured 4 kg (primary) + 10 kWh x 0.6 national factor (secondary, 6 kg); penalty 10 % of 6 = 0.6
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"electricity","amount":10,"unit":"kWh","factor":"grid"}],
                 "emissions":[{"gas":"CO2","amount":4,"unit":"kg"}]}""",
                "{\"id\":\"grid\",\"unit\":\"kWh\",\"co2e\":0.6,\"type\":\"NATIONAL\"}",
                ",\"rules\":{\"secondaryDataPenalty\":0.10}"));
        assertThat(r.totalKgCo2e()).isCloseTo(10.0, within(1e-12));
        assertThat(r.penalty().secondaryKgCo2e()).isCloseTo(6.0, within(1e-12));
        assertThat(r.penalty().penaltyKgCo2e()).isCloseTo(0.6, within(1e-12));
        assertThat(r.penalty().totalWithPenaltyKgCo2e()).isCloseTo(10.6, within(1e-12));
    }

    @Test
    void factor_priority_prefers_regional_over_national_and_says_why() { // R-CALC-4
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"electricity","amount":10,"unit":"kWh","flow":"electricity"}]}""", """
                {"id":"cn-grid","flow":"electricity","unit":"kWh","co2e":0.5703,"type":"NATIONAL","year":2022},
                {"id":"east-grid","flow":"electricity","unit":"kWh","co2e":0.5,"type":"REGIONAL","year":2021},
                {"id":"ecoinvent","flow":"electricity","unit":"kWh","co2e":0.9,"type":"INTERNATIONAL","database":"INTERNATIONAL"}""", ""));
        assertThat(r.totalKgCo2e()).isCloseTo(5.0, within(1e-12));
        assertThat(r.factorChoices()).singleElement().satisfies(c -> {
            assertThat(c.chosen()).isEqualTo("east-grid");
            assertThat(c.reason()).contains("3 candidates").contains("cn-grid").contains("factor type priority");
        });
    }

    @Test
    void data_below_the_minimum_quality_are_not_chosen_and_reported_unusable() { // R-CALC-6
        FootprintResult r = calc(inv("CRADLE_TO_GATE", """
                {"id":"main","stage":"PRODUCTION","outputs":[{"flow":"x","amount":1,"unit":"p"}],
                 "inputs":[{"name":"electricity","amount":10,"unit":"kWh","flow":"electricity"},
                           {"name":"steel","amount":1,"unit":"kg","factor":"steel"}]}""", """
                {"id":"supplier","flow":"electricity","unit":"kWh","co2e":0.3,"type":"SUPPLIER","quality":{"dqr":{"TeR":4,"GeR":4,"TiR":4,"P":4}}},
                {"id":"cn-grid","flow":"electricity","unit":"kWh","co2e":0.5,"type":"NATIONAL","quality":{"dqr":{"TeR":2,"GeR":2,"TiR":2,"P":2}}},
                {"id":"steel","unit":"kg","co2e":2,"type":"INTERNATIONAL","quality":{"dqr":{"TeR":4,"GeR":4,"TiR":3,"P":4}}}""",
                ",\"rules\":{\"maximumDqr\":3.0}"));
        assertThat(r.factorChoices().get(0).chosen()).isEqualTo("cn-grid");
        assertThat(r.quality().unusable()).singleElement().asString().contains("steel").contains("3.75");
        assertThat(r.quality().accepted()).isFalse();
        // weighted DQR = (5 x 2 + 2 x 3.75) / 7 = 2.5
        assertThat(r.quality().weightedDqr()).isCloseTo(2.5, within(1e-12));
        assertThat(r.quality().rating()).isEqualTo("GOOD");
    }
}
