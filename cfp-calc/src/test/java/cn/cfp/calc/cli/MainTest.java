package cn.cfp.calc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line {@code cfp calc | template | bench} (R-CALC-3, R-CALC-9, R-CALC-13). */
class MainTest {

    static final String MOTOR = "src/main/resources/examples/explosion-proof-motor.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void calc_json_prints_the_full_result_with_the_gwp_set() { // R-CALC-3, R-CALC-13
        Run r = run("calc", MOTOR, "--json");
        assertThat(r.code()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("result").get("totalKgCo2e").asDouble()).isCloseTo(104.32, within(1e-9));
        assertThat(j.get("result").get("gwpSet").asString()).isEqualTo("AR6");
        assertThat(j.has("monteCarlo")).isFalse();
    }

    @Test
    void label_value_is_printed_only_with_a_rounding_table() throws IOException { // R-CALC-12
        Run plain = run("calc", MOTOR);
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).doesNotContain("label value");
        Run cicc = run("calc", MOTOR, "--label-rounding", "cicc");
        assertThat(cicc.out()).contains("label value (CICC-ZY/GZ-20 §10.6): 100 kg CO2e"); // 104.32 kg -> step 10 kg
        Path table = tmp.resolve("rounding.txt");
        Files.writeString(table, "# above upTo step (g)\n100000 1000000 1000\n");
        Run own = run("calc", MOTOR, "--label-rounding", table.toString());
        assertThat(own.out()).contains("label value (rounding.txt): 104 kg CO2e"); // 104,320 g -> step 1,000 g
        Run bad = run("calc", MOTOR, "--label-rounding", tmp.resolve("missing.txt").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--label-rounding");
    }

    @Test
    void gwp_ar5_changes_only_the_gas_characterisation() { // R-CALC-3
        // the only non-CO2e datum of the motor is 0.1 g SF6: AR6 25,200 -> AR5 23,500, so 104.32 - 2.52 + 2.35
        Run r = run("calc", MOTOR, "--gwp", "AR5", "--json");
        assertThat(r.code()).isZero();
        JsonNode res = JSON.readTree(r.out()).get("result");
        assertThat(res.get("gwpSet").asString()).isEqualTo("AR5");
        assertThat(res.get("totalKgCo2e").asDouble()).isCloseTo(104.15, within(1e-9));
    }

    @Test
    void monte_carlo_with_the_same_seed_prints_the_same_output() { // R-CALC-9
        Run a = run("calc", MOTOR, "--monte-carlo", "300", "--seed", "7", "--threads", "1", "--json");
        Run b = run("calc", MOTOR, "--monte-carlo", "300", "--seed", "7", "--threads", "2", "--json");
        Run c = run("calc", MOTOR, "--monte-carlo", "300", "--seed", "8", "--json");
        assertThat(a.code()).isZero();
        assertThat(strip(a.out())).isEqualTo(strip(b.out())); // identical apart from the thread count
        JsonNode mc = JSON.readTree(a.out()).get("monteCarlo");
        assertThat(mc.get("seed").asLong()).isEqualTo(7);
        assertThat(mc.get("iterations").asInt()).isEqualTo(300);
        assertThat(JSON.readTree(c.out()).get("monteCarlo").get("statistics").get("mean").asDouble())
                .isNotEqualTo(mc.get("statistics").get("mean").asDouble());
    }

    private static String strip(String json) {
        return json.replaceAll("\"threads\"\\s*:\\s*\\d+", "");
    }

    @Test
    void xlsx_and_csv_outputs_hold_the_result() throws IOException { // R-CALC-13
        Path x = tmp.resolve("r.xlsx");
        Path c = tmp.resolve("r.csv");
        assertThat(run("calc", MOTOR, "--xlsx", x.toString()).code()).isZero();
        assertThat(run("calc", MOTOR, "--csv", c.toString()).code()).isZero();
        try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("summary");
            double total = Double.NaN;
            for (Row row : s) {
                if (row.getCell(0).getStringCellValue().equals("total kg CO2e")) {
                    total = row.getCell(1).getNumericCellValue();
                }
            }
            assertThat(total).isCloseTo(104.32, within(1e-9));
        }
        String total = Files.readAllLines(c).get(1);
        assertThat(total).startsWith("total,,,,,").endsWith(",100");
        assertThat(Double.parseDouble(total.split(",")[5])).isCloseTo(104.32, within(1e-9));
    }

    @Test
    void template_then_calc_of_the_filled_workbook() throws IOException { // R-CALC-13
        Path t = tmp.resolve("motor.xlsx");
        Run w = run("template", t.toString(), "--from", MOTOR);
        assertThat(w.code()).isZero();
        assertThat(w.out()).contains("wrote");
        Run r = run("calc", t.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).get("result").get("totalKgCo2e").asDouble()).isCloseTo(104.32, within(1e-9));
        Path blank = tmp.resolve("blank.xlsx");
        assertThat(run("template", blank.toString()).code()).isZero();
        Run e = run("calc", blank.toString());
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.err()).contains("sheet 'product' row 11 column 'value': system boundary is missing");
    }

    @Test
    void usage_errors_exit_with_code_2_and_print_the_usage() { // R-CALC-13
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("help").code()).isZero();
        for (String[] args : new String[][] {{"frobnicate"}, {"calc"}, {"calc", "no-such-file.json"},
                {"calc", MOTOR, "--gwp", "AR4"}, {"calc", MOTOR, "--seed", "x"}, {"calc", MOTOR, "--monte-carlo", "0"},
                {"calc", MOTOR, "--csv"}, {"calc", MOTOR, "--bogus"}, {"template"}, {"template", "out.txt"},
                {"bench", "--family", "tree"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ").contains("usage:");
        }
    }

    @Test
    void refused_inventory_exits_with_code_1_and_names_the_item() throws IOException { // R-CALC-13
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(MOTOR)).replace("\"unit\": \"kgkm\"", "\"unit\": \"kgg\""));
        Run r = run("calc", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("'road transport of materials'").contains("unknown unit 'kgg'");
    }
}
