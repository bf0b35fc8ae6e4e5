package cn.cfp.calc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.footprint.InventoryMonteCarlo;
import cn.cfp.calc.footprint.MonteCarloResult;
import cn.cfp.calc.gwp.GwpSets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON, CSV and Excel results read back (R-CALC-13). */
class ResultWritersTest {

    /** The chair with the CICC rounding table passed in, so the label value is written. */
    static FootprintResult chair() throws IOException {
        var inv = InventoryJson.read(Path.of("src/main/resources/examples/wooden-chair.json"));
        return FootprintCalculator.calculate(inv.withRules(inv.rules()
                .withLabelRounding(cn.cfp.calc.label.LabelRounding.CICC_ZY_GZ_20)));
    }

    @Test
    void json_result_reads_back_with_every_breakdown() throws IOException { // R-CALC-13
        FootprintResult r = chair();
        MonteCarloResult mc = InventoryMonteCarlo.run(InventoryJson.read(
                Path.of("src/main/resources/examples/wooden-chair.json")), GwpSets.ar6(), 100, 3, 1);
        JsonNode j = JsonMapper.builder().build().readTree(ResultWriters.json(r, mc));
        JsonNode res = j.get("result");
        assertThat(res.get("totalKgCo2e").asDouble()).isEqualTo(r.totalKgCo2e());
        assertThat(res.get("stages")).hasSize(6);
        assertThat(res.get("stages").get(5).get("stage").asString()).isEqualTo("END_OF_LIFE");
        assertThat(res.get("stages").get(5).get("kgCo2e").asDouble()).isEqualTo(r.stages().get(5).kgCo2e());
        assertThat(res.get("contributions")).hasSize(r.contributions().size());
        assertThat(res.get("origins").get("biogenicKgCo2e").asDouble()).isCloseTo(0.0543, within(1e-12));
        assertThat(res.get("label").get("text").asString()).isEqualTo("13 kg CO2e");
        assertThat(res.get("quality").get("rating").asString()).isEqualTo("GOOD");
        assertThat(j.get("monteCarlo").get("iterations").asInt()).isEqualTo(100);
        assertThat(j.get("monteCarlo").get("seed").asLong()).isEqualTo(3);
    }

    @Test
    void text_table_gives_the_total_in_tonnes_too() throws IOException { // R-CALC-1 (002: results in tCO2e)
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        ResultWriters.table(chair(), null, new java.io.PrintStream(b, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(b.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("(= 0.0127343 t CO2e)");
    }

    @Test
    void csv_result_has_total_stages_and_every_contribution() throws IOException { // R-CALC-13
        FootprintResult r = chair();
        List<String> lines = ResultWriters.csv(r).lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,process,item,kind,stage,kgCO2e,percent");
        assertThat(lines.get(1)).isEqualTo("total,,,,," + r.totalKgCo2e() + ",100");
        assertThat(lines).filteredOn(l -> l.startsWith("stage,")).hasSize(6);
        assertThat(lines).filteredOn(l -> l.startsWith("contribution,")).hasSize(r.contributions().size());
        assertThat(lines).contains("contribution,\"sawing, planing, turning and sanding\",\"electricity\",input,PRODUCTION,"
                + 3.0 + "," + r.contributions().get(0).percent());
    }

    @Test
    void xlsx_result_reads_back_with_poi() throws IOException { // R-CALC-13
        FootprintResult r = chair();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ResultWriters.xlsx(r, b);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(b.toByteArray()))) {
            Sheet sum = wb.getSheet("summary");
            assertThat(value(sum, "total kg CO2e")).isEqualTo(r.totalKgCo2e());
            assertThat(value(sum, "total t CO2e")).isCloseTo(0.0127343, within(1e-12)); // CEC reports tCO2e
            assertThat(value(sum, "biogenic kg CO2e")).isCloseTo(0.0543, within(1e-12));
            assertThat(text(sum, "label value")).isEqualTo("13 kg CO2e");
            assertThat(text(sum, "boundary")).isEqualTo("CRADLE_TO_GRAVE");
            Sheet st = wb.getSheet("stages");
            assertThat(st.getLastRowNum()).isEqualTo(6);
            double sum6 = 0;
            for (int i = 1; i <= 6; i++) {
                assertThat(st.getRow(i).getCell(0).getStringCellValue()).isEqualTo(r.stages().get(i - 1).stage());
                assertThat(st.getRow(i).getCell(1).getNumericCellValue()).isEqualTo(r.stages().get(i - 1).kgCo2e());
                sum6 += st.getRow(i).getCell(2).getNumericCellValue();
            }
            assertThat(sum6).isCloseTo(100, within(1e-9));
            Sheet c = wb.getSheet("contributions");
            assertThat(c.getLastRowNum()).isEqualTo(r.contributions().size());
            Row top = c.getRow(1);
            assertThat(top.getCell(1).getStringCellValue()).isEqualTo("electricity");
            assertThat(top.getCell(4).getNumericCellValue()).isEqualTo(3.0);
            assertThat(top.getCell(6).getStringCellValue()).isEqualTo("grid-south-2022");
            assertThat(top.getCell(8).getNumericCellValue()).isEqualTo(1.75);
        }
    }

    private static double value(Sheet s, String key) {
        for (Row row : s) {
            if (row.getCell(0).getStringCellValue().equals(key)) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError(key);
    }

    private static String text(Sheet s, String key) {
        for (Row row : s) {
            if (row.getCell(0).getStringCellValue().equals(key)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError(key);
    }
}
