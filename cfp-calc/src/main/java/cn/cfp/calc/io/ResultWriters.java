package cn.cfp.calc.io;

import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.footprint.MonteCarloResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Results as JSON, CSV, Excel and a readable text table (R-CALC-13). */
public final class ResultWriters {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultWriters() {
    }

    public static String json(FootprintResult r, MonteCarloResult mc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", r);
        if (mc != null) {
            m.put("monteCarlo", mc);
        }
        return PRETTY.writeValueAsString(m);
    }

    public static String csv(FootprintResult r) {
        StringBuilder b = new StringBuilder("section,process,item,kind,stage,kgCO2e,percent\n");
        b.append("total,,,,,").append(r.totalKgCo2e()).append(",100\n");
        for (var s : r.stages()) {
            b.append("stage,,,,").append(s.stage()).append(',').append(s.kgCo2e()).append(',').append(s.percent()).append('\n');
        }
        for (var c : r.contributions()) {
            b.append("contribution,").append(q(c.process())).append(',').append(q(c.item())).append(',')
                    .append(c.kind()).append(',').append(c.stage()).append(',').append(c.kgCo2e()).append(',')
                    .append(c.percent()).append('\n');
        }
        return b.toString();
    }

    private static String q(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }

    public static void xlsx(FootprintResult r, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sum = wb.createSheet("summary");
            int i = 0;
            i = row(sum, i, "product", r.product());
            i = row(sum, i, "functional unit", r.functionalUnit());
            i = row(sum, i, "boundary", r.boundary());
            i = row(sum, i, "GWP set", r.gwpSet() + " — " + r.gwpSource());
            i = row(sum, i, "total kg CO2e", r.totalKgCo2e());
            i = row(sum, i, "total t CO2e", r.totalKgCo2e() / 1000); // schemes such as CEC report tCO2e
            i = row(sum, i, "fossil kg CO2e", r.origins().fossilKgCo2e());
            i = row(sum, i, "biogenic kg CO2e", r.origins().biogenicKgCo2e());
            i = row(sum, i, "dLUC kg CO2e", r.origins().dlucKgCo2e());
            i = row(sum, i, "secondary-data penalty kg CO2e", r.penalty().penaltyKgCo2e());
            i = row(sum, i, "label value", r.label() == null ? "" : r.label().text());
            row(sum, i, "weighted DQR", r.quality().weightedDqr() == null ? "" : r.quality().weightedDqr());
            Sheet st = wb.createSheet("stages");
            header(st, "stage", "kg CO2e", "%");
            int k = 1;
            for (var s : r.stages()) {
                Row row = st.createRow(k++);
                row.createCell(0).setCellValue(s.stage());
                row.createCell(1).setCellValue(s.kgCo2e());
                row.createCell(2).setCellValue(s.percent());
            }
            Sheet c = wb.createSheet("contributions");
            header(c, "process", "item", "kind", "stage", "kg CO2e", "%", "factor", "primary", "DQR");
            k = 1;
            for (var x : r.contributions()) {
                Row row = c.createRow(k++);
                row.createCell(0).setCellValue(x.process());
                row.createCell(1).setCellValue(x.item());
                row.createCell(2).setCellValue(x.kind());
                row.createCell(3).setCellValue(x.stage());
                row.createCell(4).setCellValue(x.kgCo2e());
                row.createCell(5).setCellValue(x.percent());
                row.createCell(6).setCellValue(x.factor() == null ? "" : x.factor());
                row.createCell(7).setCellValue(x.primary());
                if (x.dqr() != null) {
                    row.createCell(8).setCellValue(x.dqr());
                }
            }
            wb.write(out);
        }
    }

    private static void header(Sheet s, String... names) {
        Row r = s.createRow(0);
        for (int i = 0; i < names.length; i++) {
            r.createCell(i).setCellValue(names[i]);
        }
    }

    private static int row(Sheet s, int i, String k, Object v) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(k);
        if (v instanceof Number n) {
            r.createCell(1).setCellValue(n.doubleValue());
        } else {
            r.createCell(1).setCellValue(String.valueOf(v));
        }
        return i + 1;
    }

    /** The readable per-stage table printed by {@code cfp calc}. */
    public static void table(FootprintResult r, MonteCarloResult mc, PrintStream out) {
        out.printf(Locale.ROOT, "Product: %s%nFunctional unit: %s (%s %s)%nBoundary: %s   GWP: %s (%s)%n%n",
                r.product(), r.functionalUnit(), fmt(r.functionalUnitAmount()), r.functionalUnitUnit(), r.boundary(),
                r.gwpSet(), r.gwpSource());
        out.printf(Locale.ROOT, "%-28s %16s %9s%n", "stage", "kg CO2e", "%");
        for (var s : r.stages()) {
            out.printf(Locale.ROOT, "%-28s %16.6f %8.2f%%%n", s.stage(), s.kgCo2e(), s.percent());
        }
        out.printf(Locale.ROOT, "%-28s %16.6f %8.2f%%   (= %s t CO2e)%n%n", "TOTAL", r.totalKgCo2e(), 100.0,
                tonnes(r.totalKgCo2e()));
        out.printf(Locale.ROOT, "fossil %.6f | biogenic %.6f (emissions %.6f, removals %.6f) | dLUC %.6f kg CO2e%n",
                r.origins().fossilKgCo2e(), r.origins().biogenicKgCo2e(), r.origins().biogenicEmissionsKgCo2e(),
                r.origins().biogenicRemovalsKgCo2e(), r.origins().dlucKgCo2e());
        out.printf(Locale.ROOT, "secondary-data penalty (rate %.2f): %.6f kg CO2e -> total with penalty %.6f%n",
                r.penalty().rate(), r.penalty().penaltyKgCo2e(), r.penalty().totalWithPenaltyKgCo2e());
        if (r.label() != null) {
            out.printf(Locale.ROOT, "label value (%s): %s%n", r.label().table(), r.label().text());
        }
        out.printf(Locale.ROOT, "cut-off: %s; excluded %.4f kg%s%n", r.cutOff().note(), r.cutOff().excludedKg(),
                r.cutOff().excludedPercent() == null ? "" : String.format(Locale.ROOT, " = %.2f %% of product mass",
                        r.cutOff().excludedPercent()));
        if (r.quality().weightedDqr() != null) {
            out.printf(Locale.ROOT, "data quality: weighted DQR %.3f (%s), covering %.1f %% of contributions%n",
                    r.quality().weightedDqr(), r.quality().rating(), r.quality().coveragePercent());
        }
        for (String u : r.quality().unusable()) {
            out.println("UNUSABLE DATA: " + u);
        }
        out.println();
        out.println("top contributions:");
        for (var c : r.top(10)) {
            out.printf(Locale.ROOT, "  %-30s %-30s %14.6f %7.2f%%%n", trim(c.process()), trim(c.item()), c.kgCo2e(),
                    c.percent());
        }
        for (var ch : r.factorChoices()) {
            out.println("factor for '" + ch.input() + "' in '" + ch.process() + "': " + ch.reason());
        }
        out.printf(Locale.ROOT, "solver: %s, %d sweeps, residual %.1e, %d process columns%n", r.solver().method(),
                r.solver().iterations(), r.solver().residual(), r.solver().processes());
        if (mc != null) {
            var s = mc.statistics();
            out.printf(Locale.ROOT, "%nMonte Carlo (%d iterations, seed %d): mean %.6f sd %.6f | 2.5 %% %.6f | 5 %% %.6f"
                            + " | 50 %% %.6f | 95 %% %.6f | 97.5 %% %.6f%n", s.iterations(), mc.seed(), s.mean(), s.sd(),
                    s.p2_5(), s.p5(), s.p50(), s.p95(), s.p97_5());
            mc.contributions().stream().limit(5).forEach(v -> out.printf(Locale.ROOT,
                    "  variance share %6.2f %%  %s%n", v.percent(), v.datum()));
        }
    }

    /** kg → t with the same significant digits (schemes such as CEC, seed 002, report tCO2e). */
    static String tonnes(double kg) {
        return new java.math.BigDecimal(kg).divide(java.math.BigDecimal.valueOf(1000))
                .round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String trim(String s) {
        return s == null ? "" : s.length() > 30 ? s.substring(0, 29) + "…" : s;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
