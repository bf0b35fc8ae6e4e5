package cn.cfp.calc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.model.Inventory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The Excel data-collection template and its import (R-CALC-13). */
class InventoryWorkbookTest {

    /** The same hand-checkable example as JSON. Total: 8 kg × 0.5 + 5 kWh × (0.5 + 0.001 × 29.8) + 0.2 kg CO2
     * + (1 kg × 0.5 − 0) × 44/12 = 4 + 2.649 + 0.2 + 1.833333 = 8.682333 kg CO2e. */
    static final String JSON = """
            {"name":"stool","product":"beech stool","boundary":"CRADLE_TO_GATE",
             "functionalUnit":{"description":"one stool","amount":1,"unit":"p","process":"assembly",
                               "productMass":{"amount":10,"unit":"kg"}},
             "period":{"from":"2024-01-01","to":"2024-12-31"},
             "rules":{"cutOffPercent":5,"secondaryDataPenalty":0.1},
             "processes":[{"id":"assembly","name":"stool assembly","stage":"PRODUCTION",
               "outputs":[{"flow":"stool","amount":1,"unit":"p"}],
               "inputs":[{"name":"beech wood","amount":8,"unit":"kg","factor":"wood","stage":"RAW_MATERIAL_ACQUISITION"},
                         {"name":"electricity","amount":5,"unit":"kWh","flow":"electricity"},
                         {"name":"glue","amount":0.1,"unit":"kg","excluded":true,"reason":"below 1 %"}],
               "emissions":[{"name":"dryer flue gas","gas":"CO2","amount":0.2,"unit":"kg"}],
               "massBalances":[{"name":"charcoal kiln","carbonIn":[{"name":"charcoal","amount":1,"unit":"kg","carbonFraction":0.5}]}]}],
             "factors":[{"id":"wood","unit":"kg","co2e":0.5,"type":"NATIONAL","database":"DOMESTIC","year":2022,
                         "quality":{"dqr":{"TeR":2,"GeR":2,"TiR":3,"P":2},"pedigree":[2,2,3,1,2]}},
                        {"id":"grid","flow":"electricity","unit":"kWh","type":"REGIONAL",
                         "gases":[{"gas":"CO2","amount":0.5},{"gas":"CH4","amount":0.001,"origin":"FOSSIL"}]}]}
            """;

    static byte[] template() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InventoryWorkbook.writeTemplate(b);
        return b.toByteArray();
    }

    /** Sets the cell of column {@code key} (found in row 2) in Excel row {@code row}. */
    static void put(Sheet s, int row, String key, Object v) {
        Row keys = s.getRow(1);
        for (Cell c : keys) {
            if (c.getStringCellValue().equals(key)) {
                Row r = s.getRow(row - 1) == null ? s.createRow(row - 1) : s.getRow(row - 1);
                Cell cell = r.createCell(c.getColumnIndex());
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(v.toString());
                }
                return;
            }
        }
        throw new AssertionError("no column " + key + " in sheet " + s.getSheetName());
    }

    static void product(Sheet s, String key, Object v) {
        for (Row r : s) {
            if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) {
                Cell c = r.createCell(3);
                if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else {
                    c.setCellValue(v.toString());
                }
                return;
            }
        }
        throw new AssertionError("no product row " + key);
    }

    /** Fills the blank template with the example of {@link #JSON}, the way a user would (Chinese list values). */
    static XSSFWorkbook filled() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()));
        Sheet p = wb.getSheet("product");
        product(p, "name", "stool");
        product(p, "product", "beech stool");
        product(p, "functionalUnit", "one stool");
        product(p, "fuAmount", 1);
        product(p, "fuUnit", "件");
        product(p, "fuProcess", "assembly");
        product(p, "productMass", 10);
        product(p, "productMassUnit", "kg");
        product(p, "boundary", "从摇篮到大门 CRADLE_TO_GATE");
        product(p, "periodFrom", "2024-01-01");
        product(p, "periodTo", "2024-12-31");
        product(p, "cutOffPercent", 5);
        product(p, "secondaryDataPenalty", 0.1);
        Sheet pr = wb.getSheet("processes");
        put(pr, 3, "id", "assembly");
        put(pr, 3, "name", "stool assembly");
        put(pr, 3, "stage", "生产制造 PRODUCTION");
        put(pr, 3, "outputFlow", "stool");
        put(pr, 3, "outputAmount", 1);
        put(pr, 3, "outputUnit", "p");
        Sheet in = wb.getSheet("inputs");
        put(in, 3, "process", "assembly");
        put(in, 3, "name", "beech wood");
        put(in, 3, "amount", 8);
        put(in, 3, "unit", "kg");
        put(in, 3, "factor", "wood");
        put(in, 3, "stage", "原材料获取");
        put(in, 3, "acquisition", "外购 purchased");
        put(in, 3, "originOrDistance", "黑龙江, 1800 km");
        put(in, 4, "process", "assembly");
        put(in, 4, "name", "electricity");
        put(in, 4, "amount", "5"); // a number typed as text is accepted
        put(in, 4, "unit", "度");
        put(in, 4, "flow", "electricity");
        put(in, 6, "process", "assembly"); // row 5 left blank: skipped
        put(in, 6, "name", "glue");
        put(in, 6, "amount", 0.1);
        put(in, 6, "unit", "kg");
        put(in, 6, "excluded", "是 yes");
        put(in, 6, "reason", "below 1 %");
        Sheet em = wb.getSheet("emissions");
        put(em, 3, "process", "assembly");
        put(em, 3, "name", "dryer flue gas");
        put(em, 3, "gas", "CO2");
        put(em, 3, "amount", 0.2);
        put(em, 3, "unit", "kg");
        Sheet cb = wb.getSheet("carbon-balances");
        put(cb, 3, "process", "assembly");
        put(cb, 3, "balance", "charcoal kiln");
        put(cb, 3, "direction", "输入 IN");
        put(cb, 3, "material", "charcoal");
        put(cb, 3, "amount", 1);
        put(cb, 3, "unit", "kg");
        put(cb, 3, "carbonFraction", 0.5);
        Sheet f = wb.getSheet("factors");
        put(f, 3, "id", "wood");
        put(f, 3, "unit", "kg");
        put(f, 3, "gas", "CO2e");
        put(f, 3, "amount", 0.5);
        put(f, 3, "type", "国家因子 NATIONAL");
        put(f, 3, "database", "DOMESTIC");
        put(f, 3, "year", 2022);
        put(f, 3, "TeR", 2);
        put(f, 3, "GeR", 2);
        put(f, 3, "TiR", 3);
        put(f, 3, "P", 2);
        put(f, 3, "pedigree", "2,2,3,1,2");
        put(f, 4, "id", "grid");
        put(f, 4, "flow", "electricity");
        put(f, 4, "unit", "kWh");
        put(f, 4, "gas", "CO2");
        put(f, 4, "amount", 0.5);
        put(f, 4, "type", "REGIONAL");
        put(f, 5, "id", "grid");
        put(f, 5, "gas", "CH4");
        put(f, 5, "amount", 0.001);
        put(f, 5, "origin", "化石 FOSSIL");
        return wb;
    }

    static Inventory read(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        wb.write(b);
        return InventoryWorkbook.read(new ByteArrayInputStream(b.toByteArray()), "filled.xlsx");
    }

    @Test
    void template_has_bilingual_headers_instructions_and_drop_down_lists() throws IOException { // R-CALC-13
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            assertThat(List.of("instructions", "product", "processes", "inputs", "emissions", "carbon-balances",
                    "factors")).allSatisfy(n -> assertThat(wb.getSheet(n)).as(n).isNotNull());
            Sheet in = wb.getSheet("inputs");
            List<String> zh = new java.util.ArrayList<>();
            List<String> keys = new java.util.ArrayList<>();
            in.getRow(0).forEach(c -> zh.add(c.getStringCellValue()));
            in.getRow(1).forEach(c -> keys.add(c.getStringCellValue()));
            // the columns of the CEC data-collection list (002 Annex 2): 用量, 单位, 获取方式 自产/外购, 距离/来源地, 运输方式, 备注
            assertThat(zh).contains("用量", "单位", "获取方式 自产/外购", "距离估算/来源地", "运输方式", "备注");
            assertThat(keys).startsWith("process", "name", "amount", "unit");
            assertThat(in.getDataValidations()).isNotEmpty();
            assertThat(wb.getName("L_STAGE")).isNotNull();
            assertThat(wb.getSheet("instructions").getRow(0).getCell(0).getStringCellValue()).contains("数据采集清单");
        }
    }

    @Test
    void filled_template_gives_the_same_footprint_as_the_json_inventory() throws IOException { // R-CALC-13
        Inventory fromXlsx;
        try (XSSFWorkbook wb = filled()) {
            fromXlsx = read(wb);
        }
        FootprintResult x = FootprintCalculator.calculate(fromXlsx);
        FootprintResult j = FootprintCalculator.calculate(InventoryJson.parse(JSON));
        assertThat(x.totalKgCo2e()).isCloseTo(4 + 5 * (0.5 + 0.001 * 29.8) + 0.2 + 0.5 * 44 / 12.0, within(1e-9));
        assertThat(x.totalKgCo2e()).isCloseTo(j.totalKgCo2e(), within(1e-12));
        assertThat(x.stages()).isEqualTo(j.stages());
        assertThat(x.contributions()).isEqualTo(j.contributions());
        assertThat(x.cutOff()).isEqualTo(j.cutOff());
        assertThat(x.quality()).isEqualTo(j.quality());
        assertThat(x.penalty()).isEqualTo(j.penalty());
        assertThat(fromXlsx).isEqualTo(InventoryJson.parse(JSON));
    }

    @Test
    void inventory_written_to_the_template_reads_back_equal() throws IOException { // R-CALC-13
        Inventory motor;
        try (InputStream s = getClass().getResourceAsStream("/examples/explosion-proof-motor.json")) {
            motor = InventoryJson.read(s, "motor");
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InventoryWorkbook.write(motor, b);
        Inventory back = InventoryWorkbook.read(new ByteArrayInputStream(b.toByteArray()), "motor.xlsx");
        assertThat(back).isEqualTo(motor);
        assertThat(FootprintCalculator.calculate(back).totalKgCo2e()).isCloseTo(104.32, within(1e-9));
    }

    @Test
    void every_broken_cell_is_reported_with_sheet_row_and_column() throws IOException { // R-CALC-13
        try (XSSFWorkbook wb = filled()) {
            put(wb.getSheet("inputs"), 3, "unit", "kgg");
            put(wb.getSheet("inputs"), 4, "amount", "abc");
            put(wb.getSheet("inputs"), 6, "excluded", "maybe");
            put(wb.getSheet("processes"), 3, "stage", "生产");
            put(wb.getSheet("factors"), 3, "TeR", 7);
            put(wb.getSheet("factors"), 4, "pedigree", "2,2,9");
            put(wb.getSheet("emissions"), 3, "amount", -1);
            put(wb.getSheet("carbon-balances"), 3, "carbonFraction", 1.5);
            put(wb.getSheet("inputs"), 7, "process", "painting");
            put(wb.getSheet("inputs"), 7, "name", "paint");
            put(wb.getSheet("inputs"), 7, "amount", 1);
            put(wb.getSheet("inputs"), 7, "unit", "kg");
            put(wb.getSheet("inputs"), 7, "factor", "paint");
            product(wb.getSheet("product"), "periodTo", "2024-13-01");
            assertThatThrownBy(() -> read(wb)).isInstanceOfSatisfying(InventoryImportException.class, e ->
                    assertThat(e.errors()).containsExactlyInAnyOrder(
                            "sheet 'product' row 13 column 'value': '2024-13-01' is not a date (use YYYY-MM-DD)",
                            "sheet 'processes' row 3 column 'stage': '生产' is not one of RAW_MATERIAL_ACQUISITION, "
                                    + "RAW_MATERIAL_TRANSPORT, PRODUCTION, DISTRIBUTION_STORAGE, USE, END_OF_LIFE",
                            "sheet 'factors' row 3 column 'TeR': DQR score must be between 1 and 5, was 7",
                            "sheet 'factors' row 4 column 'pedigree': '2,2,9' is not five integer scores 1–5 "
                                    + "(reliability, completeness, temporal, geographical, technological), e.g. 2,1,2,2,1",
                            "sheet 'inputs' row 3 column 'unit': unknown unit 'kgg'",
                            "sheet 'inputs' row 4 column 'amount': 'abc' is not a number",
                            "sheet 'inputs' row 6 column 'excluded': 'maybe' is not yes or no (是/否)",
                            "sheet 'inputs' row 7 column 'process': process 'painting' is not in sheet 'processes'",
                            "sheet 'inputs' row 7 column 'factor': emission factor 'paint' is not in sheet 'factors'",
                            "sheet 'emissions' row 3 column 'amount': amount (use removal = yes for uptakes) must not "
                                    + "be negative, was -1",
                            "sheet 'carbon-balances' row 3 column 'carbonFraction': carbon fraction must be between "
                                    + "0 and 1, was 1.5"));
        }
    }

    @Test
    void missing_sheets_and_columns_are_named() throws IOException { // R-CALC-13
        try (XSSFWorkbook wb = filled()) {
            wb.removeSheetAt(wb.getSheetIndex("factors"));
            Sheet in = wb.getSheet("inputs");
            in.getRow(1).getCell(3).setCellValue("Einheit"); // the 'unit' key overwritten
            for (Row r : wb.getSheet("product")) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("cutOffPercent")) {
                    r.getCell(0).setCellValue("cut-off");
                }
            }
            assertThatThrownBy(() -> read(wb)).isInstanceOfSatisfying(InventoryImportException.class, e ->
                    assertThat(e.errors()).containsExactly(
                            "sheet 'product': row 'cutOffPercent' is missing (column A holds the keys)",
                            "sheet 'factors' is missing",
                            "sheet 'inputs' row 2 column 'unit': column is missing (row 2 must hold the column keys of "
                                    + "the template)"));
        }
    }

    @Test
    void stage_outside_the_boundary_names_the_cell() throws IOException { // R-CALC-2, R-CALC-13
        try (XSSFWorkbook wb = filled()) {
            put(wb.getSheet("inputs"), 3, "stage", "产品使用 USE");
            assertThatThrownBy(() -> read(wb)).isInstanceOfSatisfying(InventoryImportException.class, e ->
                    assertThat(e.errors()).containsExactly(
                            "sheet 'inputs' row 3 column 'stage': stage USE is outside the system boundary CRADLE_TO_GATE"));
        }
    }

    @Test
    void allocation_shares_of_a_multi_output_process_name_the_cell() throws IOException { // R-CALC-8, R-CALC-13
        try (XSSFWorkbook wb = filled()) {
            Sheet pr = wb.getSheet("processes");
            put(pr, 3, "allocationPercent", 90);
            put(pr, 4, "id", "assembly");
            put(pr, 4, "outputFlow", "offcuts");
            put(pr, 4, "outputAmount", 2);
            put(pr, 4, "outputUnit", "kg");
            put(pr, 4, "allocationPercent", 5);
            assertThatThrownBy(() -> read(wb)).isInstanceOfSatisfying(InventoryImportException.class, e ->
                    assertThat(e.errors()).containsExactly(
                            "sheet 'processes' row 3 column 'allocation': process 'assembly' has 2 outputs: give the "
                                    + "allocation method (MASS, ECONOMIC or PHYSICAL with shares)",
                            "sheet 'processes' row 3 column 'allocationPercent': allocation shares of process "
                                    + "'assembly' sum to 95 %, not 100 %"));
            put(pr, 3, "allocation", "其他物理关系分配 PHYSICAL");
            put(pr, 4, "allocationPercent", 10);
            assertThat(read(wb).process("assembly").outputs()).hasSize(2);
        }
    }

    @Test
    void incompatible_unit_and_missing_link_name_the_cell() throws IOException { // R-CALC-13
        try (XSSFWorkbook wb = filled()) {
            put(wb.getSheet("inputs"), 3, "unit", "kWh");
            put(wb.getSheet("inputs"), 4, "flow", "steam");
            assertThatThrownBy(() -> read(wb)).isInstanceOfSatisfying(InventoryImportException.class, e ->
                    assertThat(e.errors()).containsExactly(
                            "sheet 'inputs' row 3 column 'unit': unit 'kWh' is not compatible with 'kg' of emission "
                                    + "factor 'wood'",
                            "sheet 'inputs' row 4 column 'flow': no emission factor in sheet 'factors' serves flow 'steam'"));
        }
    }
}
