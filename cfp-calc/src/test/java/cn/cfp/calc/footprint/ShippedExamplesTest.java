package cn.cfp.calc.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.calc.model.Inventory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped example (src/main/resources/examples) against the totals worked by hand in examples/README.md
 * (R-CALC-1, R-CALC-2, R-CALC-5, R-CALC-6, R-CALC-7, R-CALC-12), the JSON schema and the Excel round trip (R-CALC-13).
 */
class ShippedExamplesTest {

    static final Path DIR = Path.of("src/main/resources/examples");

    /** Hand-worked figures of examples/README.md: total, stages, penalty, excluded %, DQR, label. */
    record Expected(double total, Map<String, Double> stages, double penalty, double excludedPercent, double dqr,
                    String rating, String label) {
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            "explosion-proof-motor.json", new Expected(104.32,
                    Map.of("RAW_MATERIAL_ACQUISITION", 72.0, "RAW_MATERIAL_TRANSPORT", 1.5, "PRODUCTION", 30.82),
                    8.65, 1.0 / 30 * 100, 215.125 / 98.5, "GOOD", "100 kg CO2e"),
            "wooden-chair.json", new Expected(12.7343,
                    Map.of("RAW_MATERIAL_ACQUISITION", 5.5, "RAW_MATERIAL_TRANSPORT", 1.1, "PRODUCTION", 4.5543,
                            "DISTRIBUTION_STORAGE", 0.465, "USE", 0.0, "END_OF_LIFE", 1.115),
                    0.0, 0.05 / 6.5 * 100, 25.837525 / 12.7343, "GOOD", "13 kg CO2e"),
            "transformer.json", new Expected(27657.82,
                    Map.of("RAW_MATERIAL_ACQUISITION", 1441.5, "RAW_MATERIAL_TRANSPORT", 5.0, "PRODUCTION", 292.2,
                            "DISTRIBUTION_STORAGE", 16.8, "USE", 25596.72, "END_OF_LIFE", 305.6),
                    0.05 * (27657.82 - 320), 3.5 / 560 * 100, 49396.26 / 27657.82, "VERY_GOOD", "28 t CO2e"));

    static Stream<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void one_example_per_seed_product_family_is_shipped() { // R-CALC-13
        assertThat(DIR.resolve("wooden-chair.json")).exists();      // CEC furniture (seed 002)
        assertThat(DIR.resolve("transformer.json")).exists();       // CGC power equipment (seed 003)
        assertThat(DIR.resolve("explosion-proof-motor.json")).exists();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shipped_example_gives_the_totals_worked_by_hand(String name) throws IOException { // R-CALC-1, R-CALC-2
        Expected e = EXPECTED.get(name);
        assertThat(e).as("hand-worked totals for " + name + " (add them to EXPECTED and examples/README.md)").isNotNull();
        FootprintResult r = FootprintCalculator.calculate(InventoryJson.read(DIR.resolve(name)));
        assertThat(r.totalKgCo2e()).isCloseTo(e.total(), within(1e-9 * Math.max(1, e.total())));
        assertThat(r.stages()).hasSize(e.stages().size());
        for (var s : r.stages()) {
            assertThat(s.kgCo2e()).as(s.stage()).isCloseTo(e.stages().get(s.stage()), within(1e-9 * Math.max(1, e.total())));
        }
        assertThat(r.penalty().penaltyKgCo2e()).isCloseTo(e.penalty(), within(1e-9 * Math.max(1, e.total()))); // R-CALC-7
        assertThat(r.cutOff().excludedPercent()).isCloseTo(e.excludedPercent(), within(1e-9));             // R-CALC-5
        assertThat(r.cutOff().withinLimit()).isTrue();
        assertThat(r.quality().weightedDqr()).isCloseTo(e.dqr(), within(1e-9));                           // R-CALC-6
        assertThat(r.quality().rating()).isEqualTo(e.rating());
        assertThat(r.label()).isNull(); // the engine rounds a label value only with a scheme's table
        var inv = InventoryJson.read(DIR.resolve(name));
        FootprintResult cicc = FootprintCalculator.calculate(inv.withRules(inv.rules()
                .withLabelRounding(cn.cfp.calc.label.LabelRounding.CICC_ZY_GZ_20)));
        assertThat(cicc.label().text()).isEqualTo(e.label());                                              // R-CALC-12
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shipped_example_is_valid_against_docs_inventory_schema(String name) throws IOException { // R-CALC-13
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../docs/inventory.schema.json")), InputFormat.JSON);
        List<Error> errors = schema.validate(JsonMapper.builder().build().readTree(DIR.resolve(name).toFile()));
        assertThat(errors).as(name).isEmpty();
    }

    @Test
    void schema_refuses_what_the_reader_refuses() throws IOException { // R-CALC-13
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../docs/inventory.schema.json")), InputFormat.JSON);
        String bad = Files.readString(DIR.resolve("wooden-chair.json"))
                .replace("\"boundary\": \"CRADLE_TO_GRAVE\"", "\"boundary\": \"GATE_TO_GATE\", \"colour\": \"red\"");
        assertThat(schema.validate(JsonMapper.builder().build().readTree(bad))).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shipped_example_survives_the_excel_template_round_trip(String name) throws IOException { // R-CALC-13
        Inventory inv = InventoryJson.read(DIR.resolve(name));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InventoryWorkbook.write(inv, b);
        Inventory back = InventoryWorkbook.read(new ByteArrayInputStream(b.toByteArray()), name + ".xlsx");
        assertThat(back).isEqualTo(inv);
    }
}
