package cn.cfp.calc.io;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.calc.bench.SyntheticInventory;
import cn.cfp.calc.io.WorkbookCells.Book;
import cn.cfp.calc.io.WorkbookCells.Line;
import cn.cfp.calc.io.WorkbookCells.Page;
import cn.cfp.calc.io.WorkbookCells.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The streaming reading of the data-collection workbook (issue 9 "Performance", R-CALC-13) answers exactly as POI's
 * usermodel, which the import used before: every cell of the sheets it reads (type, cached formula type, text, number,
 * boolean, date format, date — or the same exception), and the whole import (the same inventory, or the same errors).
 */
class WorkbookCellsTest {

    static byte[] bytes(org.apache.poi.ss.usermodel.Workbook wb) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        wb.write(b);
        return b.toByteArray();
    }

    /** The result of a call, or its exception's class and message: what the caller of the import sees. */
    static String outcome(Callable<?> c) {
        try {
            return "= " + c.call();
        } catch (InventoryImportException e) {
            return "! " + e.getClass().getSimpleName() + " " + e.errors();
        } catch (Exception e) {
            return "! " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    static List<String> describe(Book b) {
        List<String> out = new ArrayList<>();
        for (String name : InventoryWorkbook.READ_SHEETS) {
            Page p = b.sheet(name.toUpperCase(java.util.Locale.ROOT)); // POI finds sheets ignoring case
            if (p == null) {
                out.add(name + ": none");
                continue;
            }
            out.add(name + ": last row " + p.lastRowNum());
            for (Line l : p) {
                out.add(name + " row " + l.rowNum() + " same as row(" + l.rowNum() + "): " + (p.row(l.rowNum()) != null));
                for (Value v : l) {
                    String at = name + "!" + l.rowNum() + ":" + v.column() + " ";
                    out.add(at + "found " + (l.cell(v.column()) != null));
                    out.add(at + "type " + outcome(v::type));
                    out.add(at + "cached " + outcome(v::cachedFormulaResultType));
                    out.add(at + "string " + outcome(v::string));
                    out.add(at + "number " + outcome(v::number));
                    out.add(at + "bool " + outcome(v::bool));
                    out.add(at + "dateFormatted " + outcome(v::dateFormatted));
                    out.add(at + "date " + outcome(v::date));
                    out.add(at + "text " + outcome(() -> InventoryWorkbook.cellText(v)));
                }
            }
        }
        return out;
    }

    /** Cell by cell and for the whole import, the streaming reading equals the usermodel one. */
    static void assertSameAsUsermodel(byte[] xlsx) throws Exception {
        List<String> streamed;
        try (Book b = WorkbookCells.stream(xlsx, InventoryWorkbook.READ_SHEETS)) {
            streamed = describe(b);
        }
        List<String> usermodel;
        try (Book b = InventoryWorkbook.usermodel(xlsx, "x.xlsx")) {
            usermodel = describe(b);
        }
        assertThat(streamed).containsExactlyElementsOf(usermodel);
        assertThat(outcome(() -> InventoryWorkbook.read(new ByteArrayInputStream(xlsx), "x.xlsx")))
                .isEqualTo(outcome(() -> InventoryWorkbook.readWithUsermodel(xlsx, "x.xlsx")));
    }

    @Test
    void the_workbooks_the_import_writes_read_the_same_as_through_the_usermodel_R_CALC_13() throws Exception {
        ByteArrayOutputStream synthetic = new ByteArrayOutputStream();
        InventoryWorkbook.write(SyntheticInventory.create(400, 42), synthetic);
        assertSameAsUsermodel(synthetic.toByteArray());
        ByteArrayOutputStream motor = new ByteArrayOutputStream();
        try (InputStream s = getClass().getResourceAsStream("/examples/explosion-proof-motor.json")) {
            InventoryWorkbook.write(InventoryJson.read(s, "motor"), motor);
        }
        assertSameAsUsermodel(motor.toByteArray());
        assertSameAsUsermodel(InventoryWorkbookTest.template());
        try (XSSFWorkbook wb = InventoryWorkbookTest.filled()) {
            byte[] filled = bytes(wb);
            assertSameAsUsermodel(filled);
            // and the import gives the inventory of the JSON example
            assertThat(InventoryWorkbook.read(new ByteArrayInputStream(filled), "filled.xlsx"))
                    .isEqualTo(InventoryJson.parse(InventoryWorkbookTest.JSON));
        }
    }

    @Test
    void formulas_dates_booleans_and_errors_read_as_before_R_CALC_13() throws Exception {
        try (XSSFWorkbook wb = InventoryWorkbookTest.filled()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet p = wb.getSheet("product");
            for (Row r : p) {
                Cell k = r.getCell(0);
                if (k != null && k.getStringCellValue().equals("periodFrom")) {
                    Cell c = r.createCell(3);
                    c.setCellValue(45292); // 2024-01-01 as an Excel date
                    c.setCellStyle(date);
                } else if (k != null && k.getStringCellValue().equals("periodTo")) {
                    r.createCell(3).setCellValue(45657); // a number without a date format: not a date
                }
            }
            Sheet in = wb.getSheet("inputs");
            Row row3 = in.getRow(2);
            Cell amount = row3.getCell(2);
            amount.setCellFormula("4*2");
            amount.setCellValue(8); // cached value 8
            Row row4 = in.getRow(3);
            row4.getCell(2).setCellFormula("2+3"); // a formula without a cached value (POI reads 0)
            Cell name = row4.getCell(1);
            name.setCellFormula("\"electri\"&\"city\"");
            name.setCellValue("electricity"); // cached text
            Row row6 = in.getRow(5);
            row6.getCell(in.getRow(1).getCell(9).getColumnIndex()).setCellValue(true); // excluded: a boolean
            Row row9 = in.createRow(8);
            row9.createCell(0).setCellErrorValue(FormulaError.NA.getCode());
            Cell bf = row9.createCell(1);
            bf.setCellFormula("1=1");
            bf.setCellValue(true);
            row9.createCell(5).setCellFormula("NA()"); // no cached value
            Cell ef = row9.createCell(6);
            ef.setCellFormula("1/0");
            ef.setCellErrorValue(FormulaError.DIV0.getCode());
            assertSameAsUsermodel(bytes(wb));
        }
    }

    @Test
    void inline_and_rich_strings_rows_and_cells_without_reference_array_formulas_read_as_before_R_CALC_13()
            throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = InventoryWorkbookTest.filled()) {
            xlsx = bytes(wb);
        }
        int[] shared = new int[1];
        xlsx = rewrite(xlsx, "xl/sharedStrings.xml", x -> {
            shared[0] = count(x, "<si>") + count(x, "<si ");
            return x.replace("</sst>", "<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r>"
                    + "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>"
                    + "<si><t>carriage_x000D_return</t></si><si><t xml:space=\"preserve\">  spaced  </t></si></sst>");
        });
        int s = shared[0];
        String rows = "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>assembly</t></is></c>"
                + "<c r=\"B3\" t=\"inlineStr\"><is><r><t>dryer </t></r><r><t>flue gas</t></r><rPh><t>x</t></rPh></is></c>"
                + "<c t=\"s\"><v>" + s + "</v></c><c><v>0.2</v></c><c t=\"s\"><v>" + (s + 1) + "</v></c>"
                + "<c r=\"$F$3\" t=\"s\"><v>" + (s + 2) + "</v></c><c r=\"G3\" t=\"s\"><v>99999</v></c>"
                + "<c r=\"H3\" t=\"str\"><f>\"a\"</f></c><c r=\"I3\" t=\"inlineStr\"/><c r=\"J3\" t=\"b\"><v>0</v></c>"
                + "<c r=\"K3\" t=\"e\"><v>#REF!</v></c><c r=\"L3\"><f t=\"array\" ref=\"L3:M4\">1</f><v>1</v></c>"
                + "<c r=\"M3\"/><c r=\"N3\"><v></v></c><c r=\"O3\" t=\"n\"><f t=\"dataTable\" ref=\"O3\"/><v>7</v></c>"
                + "<c r=\"C3\"><v>5</v></c></row>"
                + "<row><c r=\"A4\"><v>1e3</v></c><c r=\"M4\"/></row>"
                + "<row r=\"7\"><c r=\"A7\" s=\"1\"><v>45292</v></c><c r=\"B7\" s=\"9999\"><v>45292</v></c></row>";
        // emissions is the fifth sheet the template writes
        byte[] crafted = rewrite(xlsx, "xl/worksheets/sheet5.xml", x -> {
            Matcher m = Pattern.compile("(<row r=\"3\".*)</sheetData>", Pattern.DOTALL).matcher(x);
            assertThat(m.find()).as("data rows of emissions").isTrue();
            return x.substring(0, m.start(1)) + rows + "</sheetData>" + x.substring(m.end());
        });
        assertSameAsUsermodel(crafted);
        // a date-1904 workbook reads its dates in that system
        byte[] in1904 = rewrite(crafted, "xl/workbook.xml", x -> x.replaceAll("<workbookPr[^>]*>", "")
                .replaceFirst("<sheets>", "<workbookPr date1904=\"1\"/><sheets>"));
        assertSameAsUsermodel(in1904);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(in1904))) {
            assertThat(wb.isDate1904()).isTrue();
        }
    }

    @Test
    void what_is_not_an_xlsx_package_is_refused_or_read_as_before_R_CALC_13() throws Exception {
        for (byte[] b : List.of(new byte[0], "not a workbook".getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', 'K', 3, 4, 0, 0, 0})) {
            assertThat(outcome(() -> InventoryWorkbook.read(new ByteArrayInputStream(b), "x.xlsx")))
                    .startsWith("! InventoryImportException [not a readable .xlsx workbook: ")
                    .isEqualTo(outcome(() -> InventoryWorkbook.readWithUsermodel(b, "x.xlsx")));
        }
        try (HSSFWorkbook xls = new HSSFWorkbook()) { // the old binary format still goes through POI's usermodel
            xls.createSheet("product").createRow(1).createCell(0).setCellValue("name");
            byte[] b = bytes(xls);
            assertThat(outcome(() -> InventoryWorkbook.read(new ByteArrayInputStream(b), "x.xls")))
                    .contains("sheet 'processes' is missing")
                    .isEqualTo(outcome(() -> InventoryWorkbook.readWithUsermodel(b, "x.xls")));
        }
    }

    @Test
    void cell_references_give_the_column_as_poi_does() {
        for (String ref : List.of("A1", "Z9", "AA10", "ab12", "$C$3", "XFD1048576", "C$3", "$D4")) {
            assertThat(WorkbookCells.column(ref)).as(ref)
                    .isEqualTo(new org.apache.poi.ss.util.CellReference(ref).getCol());
        }
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The package with one part's XML changed. */
    static byte[] rewrite(byte[] zip, String part, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(part)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        assertThat(found).as(part).isTrue();
        return out.toByteArray();
    }
}
