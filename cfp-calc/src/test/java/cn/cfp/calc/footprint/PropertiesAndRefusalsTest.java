package cn.cfp.calc.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.calc.bench.SyntheticInventory;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.model.FunctionalUnit;
import cn.cfp.calc.model.InvalidInventoryException;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.unit.Quantity;
import cn.cfp.calc.unit.Units;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PropertiesAndRefusalsTest {

    static Inventory motor() {
        InputStream in = PropertiesAndRefusalsTest.class.getResourceAsStream("/examples/explosion-proof-motor.json");
        return InventoryJson.read(in, "explosion-proof-motor.json");
    }

    @Test
    void shipped_motor_example_matches_the_hand_calculation_in_its_readme() { // R-CALC-1, R-CALC-2, R-CALC-7
        FootprintResult r = FootprintCalculator.calculate(motor());
        assertThat(r.totalKgCo2e()).isCloseTo(104.32, within(1e-9));
        assertThat(r.stages().get(0).kgCo2e()).isCloseTo(72.0, within(1e-9));
        assertThat(r.penalty().penaltyKgCo2e()).isCloseTo(8.65, within(1e-9));
        assertThat(r.label()).as("no label value without a scheme's rounding table").isNull();
        FootprintResult cicc = FootprintCalculator.calculate(motor().withRules(motor().rules()
                .withLabelRounding(cn.cfp.calc.label.LabelRounding.CICC_ZY_GZ_20)));
        assertThat(cicc.label().text()).isEqualTo("100 kg CO2e"); // 104.32 kg in (100, 200] kg -> step 10 kg
        assertThat(cicc.totalKgCo2e()).isEqualTo(r.totalKgCo2e());
        assertThat(r.cutOff().excludedPercent()).isCloseTo(100.0 / 30, within(1e-9));
    }

    @Test
    void stage_shares_sum_to_100_percent() { // R-CALC-2
        for (Inventory inv : new Inventory[] {motor(), SyntheticInventory.create(400, 3)}) {
            double sum = FootprintCalculator.calculate(inv).stages().stream().mapToDouble(FootprintResult.StageShare::percent).sum();
            assertThat(sum).isCloseTo(100.0, within(1e-9));
        }
    }

    @Test
    void scaling_the_functional_unit_scales_the_result() { // R-CALC-1
        Inventory inv = SyntheticInventory.create(400, 5);
        FunctionalUnit fu = inv.functionalUnit();
        Inventory three = new Inventory(inv.name(), inv.product(), new FunctionalUnit(fu.description(),
                new Quantity(3, Units.of("p")), fu.process(), fu.flow(), fu.productMass()), inv.boundary(),
                inv.periodFrom(), inv.periodTo(), inv.processes(), inv.factors(), inv.rules());
        double one = FootprintCalculator.calculate(inv).totalKgCo2e();
        assertThat(FootprintCalculator.calculate(three).totalKgCo2e()).isCloseTo(3 * one, within(1e-9 * one));
    }

    @Test
    void monte_carlo_is_reproducible_and_independent_of_thread_count() { // R-CALC-9
        Inventory inv = motor();
        MonteCarloResult a = InventoryMonteCarlo.run(inv, GwpSets.ar6(), 300, 42, 1);
        MonteCarloResult b = InventoryMonteCarlo.run(inv, GwpSets.ar6(), 300, 42, 2);
        MonteCarloResult c = InventoryMonteCarlo.run(inv, GwpSets.ar6(), 300, 43, 2);
        assertThat(b.statistics()).isEqualTo(a.statistics());
        assertThat(c.statistics().mean()).isNotEqualTo(a.statistics().mean());
        assertThat(a.statistics().p2_5()).isLessThan(a.statistics().p50()).isLessThan(104.32 * 1.1);
        assertThat(a.contributions().stream().mapToDouble(MonteCarloResult.VarianceShare::percent).sum())
                .isCloseTo(100, within(1e-9));
    }

    static final String OK_PROCESS = """
            {"name":"t","functionalUnit":{"amount":1,"unit":"p","process":"stamping"},"boundary":"CRADLE_TO_GATE",
             "processes":[{"id":"stamping","stage":"PRODUCTION","outputs":[{"flow":"part","amount":1,"unit":"p"}],
               "inputs":[{"name":"steel sheet","amount":AMOUNT,"unit":"UNIT","LINK}]},
              {"id":"rolling","stage":"RAW_MATERIAL_ACQUISITION","outputs":[{"flow":"sheet","amount":1,"unit":"kg"}]}],
             "factors":[{"id":"steel","unit":"kg","co2e":2,"type":"NATIONAL"}]}""";

    static String bad(String amount, String unit, String link) {
        return OK_PROCESS.replace("AMOUNT", amount).replace("UNIT", unit).replace("LINK", link);
    }

    @Test
    void bad_inventories_are_refused_naming_the_item() {
        assertThatThrownBy(() -> InventoryJson.parse(bad("1", "kWh", "provider\":\"rolling\"")))
                .isInstanceOf(InvalidInventoryException.class)
                .hasMessageContaining("input 'steel sheet' of process 'stamping': unit 'kWh' is not compatible with 'kg'");
        assertThatThrownBy(() -> InventoryJson.parse(bad("1", "kgg", "factor\":\"steel\"")))
                .hasMessageContaining("'steel sheet'").hasMessageContaining("unknown unit 'kgg'");
        assertThatThrownBy(() -> InventoryJson.parse(bad("1", "kg", "provider\":\"pressing\"")))
                .hasMessageContaining("input 'steel sheet' of process 'stamping': provider process 'pressing' is not in the inventory");
        assertThatThrownBy(() -> InventoryJson.parse(bad("-2", "kg", "factor\":\"steel\"")))
                .hasMessageContaining("steel sheet").hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> InventoryJson.parse(bad("\"NaN\"", "kg", "factor\":\"steel\"")))
                .hasMessageContaining("steel sheet").hasMessageContaining("must be a number");
        assertThatThrownBy(() -> InventoryJson.parse(bad("1", "kg", "factor\":\"iron\"")))
                .hasMessageContaining("emission factor 'iron' is not in the inventory");
    }

    @Test
    void allocation_shares_must_sum_to_100_percent() { // R-CALC-8
        String json = """
                {"functionalUnit":{"amount":1,"unit":"kg","process":"ref"},"boundary":"CRADLE_TO_GATE",
                 "processes":[{"id":"ref","name":"refinery","stage":"PRODUCTION","allocation":"PHYSICAL",
                   "outputs":[{"flow":"A","amount":1,"unit":"kg","allocationPercent":70},
                              {"flow":"B","amount":1,"unit":"kg","allocationPercent":20}]}]}""";
        assertThatThrownBy(() -> InventoryJson.parse(json))
                .hasMessageContaining("process 'refinery': allocation shares sum to 90.0 %, not 100 %");
    }

    @Test
    void a_singular_loop_in_an_inventory_is_refused_naming_the_processes() { // R-CALC-10
        String json = """
                {"functionalUnit":{"amount":1,"unit":"kg","process":"a"},"boundary":"CRADLE_TO_GATE",
                 "processes":[
                  {"id":"a","name":"assembly","stage":"PRODUCTION","outputs":[{"flow":"X","amount":1,"unit":"kg"}],
                   "inputs":[{"name":"Y","amount":1,"unit":"kg","provider":"b"}]},
                  {"id":"b","name":"smelting","stage":"PRODUCTION","outputs":[{"flow":"Y","amount":1,"unit":"kg"}],
                   "inputs":[{"name":"Z","amount":1,"unit":"kg","provider":"c"}]},
                  {"id":"c","name":"recycling","stage":"PRODUCTION","outputs":[{"flow":"Z","amount":1,"unit":"kg"}],
                   "inputs":[{"name":"Y","amount":1,"unit":"kg","provider":"b"}]}]}""";
        Inventory inv = InventoryJson.parse(json);
        assertThatThrownBy(() -> FootprintCalculator.calculate(inv)).hasMessageContaining("smelting")
                .hasMessageContaining("recycling").hasMessageContaining("no unique solution");
    }

    @Test
    void a_stage_outside_the_boundary_is_refused() { // R-CALC-2
        String json = """
                {"functionalUnit":{"amount":1,"unit":"p","process":"a"},"boundary":"CRADLE_TO_GATE",
                 "processes":[{"id":"a","name":"use phase","stage":"USE","outputs":[{"flow":"X","amount":1,"unit":"p"}]}]}""";
        assertThatThrownBy(() -> InventoryJson.parse(json)).hasMessageContaining("process 'use phase': stage USE is outside the boundary CRADLE_TO_GATE");
    }
}
