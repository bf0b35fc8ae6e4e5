package cn.cfp.verification;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.footprint.InventoryMonteCarlo;
import cn.cfp.calc.footprint.MonteCarloResult;
import cn.cfp.calc.model.EmissionFactor;
import cn.cfp.calc.model.Input;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.Process;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.VerificationPlan;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.VerificationTables;
import cn.cfp.shared.Refusal;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification report [R-VER-4; 000 Annex 2 template, back-half §2.4] as PDF: the 13 sections, Table 1 and Table 2
 * per life-cycle stage prefilled from the recalculated inventory, the per-stage result table summing to 100 %, a stage
 * bar chart drawn by JFreeChart, the uncertainty analysis (Monte Carlo mean, P2.5/P97.5, seed) and the statement's
 * minimum fields [back-half §2.7]. Every number is the stored recalculation's, formatted as {@code ./cfp calc} prints it.
 * One language per report (Chinese by default).
 */
@Service
public class VerificationReport {

    private final Verifications verifications;
    private final Cases cases;
    private final Plans plans;
    private final SchemeCatalog schemes;
    private final MessageSource messages;
    private final Clock clock;
    private final DataCheckTables dataCheck;
    private final byte[] fontBytes;

    VerificationReport(Verifications verifications, Cases cases, Plans plans, SchemeCatalog schemes, MessageSource messages,
                       Clock clock, DataCheckTables dataCheck) {
        this.dataCheck = dataCheck;
        this.verifications = verifications;
        this.cases = cases;
        this.plans = plans;
        this.schemes = schemes;
        this.messages = messages;
        this.clock = clock;
        try (InputStream in = VerificationReport.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("Font fonts/wqy-microhei.ttc is missing from the classpath");
            }
            fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of the latest recalculation of the case. */
    @Transactional(readOnly = true)
    public byte[] render(long applicationId, Locale locale) {
        VerificationView v = verifications.view(applicationId);
        if (v.recalculations().isEmpty()) {
            throw Refusal.conflict("verification.noRecalculation");
        }
        RecalculationView r = verifications.recalculation(applicationId, v.recalculations().get(v.recalculations().size() - 1).id());
        SubmissionView s = v.submissions().stream().filter(x -> x.id() == r.submissionId()).findFirst().orElseThrow();
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        // the stored result is recomputed from the same inputs to read the inventory details for Tables 1 and 2; the
        // numbers printed are the stored ones (identical: the engine is deterministic, the corrections are recorded)
        List<Correction.Stored> corr = verifications.corrections(s.id()).stream()
                .filter(x -> r.correctionIds().contains(x.id())).toList();
        Inventory inv = FootprintAdapter.corrected(verifications.inventory(s), corr.stream().map(Correction.Stored::correction).toList());
        FootprintAdapter.Calculation calc = FootprintAdapter.calculate(scheme, verifications.inventory(s),
                corr.stream().map(Correction.Stored::correction).toList(), r.iterations(), r.seed() == null ? 0 : r.seed());
        FootprintResult res = calc.result();
        if (res.totalKgCo2e() != r.totalKgCo2e()) {
            throw new IllegalStateException("recalculation " + r.id() + " no longer reproduces: stored " + r.totalKgCo2e()
                    + ", now " + res.totalKgCo2e());
        }
        PlanView plan = plans.forApplication(applicationId).orElse(null);
        return pdf(locale, c, scheme, plan, v, r, s, corr, inv, res, calc.monteCarlo());
    }

    private String t(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, l);
    }

    private byte[] pdf(Locale l, CertificationCase c, Scheme scheme, PlanView plan, VerificationView v, RecalculationView r,
                       SubmissionView s, List<Correction.Stored> corr, Inventory inv, FootprintResult res, MonteCarloResult mc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(t(l, "verification.report.title"));
            doc.addCreator("CFP");
            doc.open();
            BaseFont bf = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, fontBytes, null);
            Font title = new Font(bf, 18, Font.BOLD);
            Font h = new Font(bf, 12, Font.BOLD);
            Font body = new Font(bf, 10);
            Font small = new Font(bf, 8);
            Paragraph tp = new Paragraph(t(l, "verification.report.title"), title);
            tp.setAlignment(Element.ALIGN_CENTER);
            tp.setSpacingAfter(12);
            doc.add(tp);
            VerificationPlan vp = plan == null ? null : plan.verificationPlan();
            String assurance = vp == null || vp.assuranceLevel() == null ? t(l, "verification.report.none") : vp.assuranceLevel().label(l);
            String materiality = r.materialityPercent() == null ? "—" : r.materialityPercent().stripTrailingZeros().toPlainString();
            LocalDate today = LocalDate.now(clock);
            doc.add(pairs(body, List.of(
                    new String[] {t(l, "verification.report.cover.reference"), c.reference()},
                    new String[] {t(l, "verification.report.cover.scheme"), scheme.documentNumber() + " " + scheme.name().in(l)},
                    new String[] {t(l, "verification.report.cover.product"), res.product()},
                    new String[] {t(l, "verification.report.cover.unit"), res.functionalUnit() + " (" + fmt(res.functionalUnitAmount()) + " " + res.functionalUnitUnit() + ")"},
                    new String[] {t(l, "verification.report.cover.date"), today.toString()})));
            // 一 basic information: the team with signature column
            section(doc, h, t(l, "verification.report.s1"));
            doc.add(new Paragraph(t(l, "verification.report.s1.team"), body));
            List<String[]> team = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (plan != null) {
                for (PlanView.Member m : plan.team()) {
                    team.add(new String[] {m.name(), m.role().name(), ""});
                    names.add(m.name() + " (" + m.username() + ")");
                }
            }
            doc.add(table(body, t(l, "verification.report.s1.name") + "|" + t(l, "verification.report.s1.role") + "|"
                    + t(l, "verification.report.s1.signature"), team, new float[] {2, 2, 2}));
            section(doc, h, t(l, "verification.report.s2"));
            doc.add(new Paragraph(t(l, "verification.report.s2.text", c.reference()), body));
            section(doc, h, t(l, "verification.report.s3"));
            doc.add(new Paragraph(t(l, "verification.report.s3.text", assurance, materiality), body));
            section(doc, h, t(l, "verification.report.s4"));
            doc.add(new Paragraph(t(l, "verification.report.s4.text", res.product(), String.valueOf(res.periodFrom()),
                    String.valueOf(res.periodTo())), body));
            section(doc, h, t(l, "verification.report.s5"));
            doc.add(new Paragraph(t(l, "verification.report.s5.text", scheme.documentNumber(), scheme.name().in(l)), body));
            section(doc, h, t(l, "verification.report.s6"));
            doc.add(new Paragraph(t(l, "verification.report.s6.text"), body));
            section(doc, h, t(l, "verification.report.s7"));
            String stages = res.stages().stream().map(x -> stage(l, x.stage())).collect(Collectors.joining("、"));
            String gases = res.gases().stream().map(FootprintResult.GasShare::gas).collect(Collectors.joining(", "));
            doc.add(new Paragraph(t(l, "verification.report.s7.text", res.functionalUnit(), res.boundary(), stages, gases), body));
            // 八 data collection: aspects, Table 1 and Table 2 per stage, cut-off, quality, corrections
            section(doc, h, t(l, "verification.report.s8"));
            doc.add(new Paragraph(t(l, "verification.report.aspects"), body));
            for (Aspect.Concluded a : v.aspects()) {
                doc.add(new Paragraph("· " + t(l, "verification.aspect." + a.aspect().name()) + "："
                        + t(l, "verification.conclusion." + a.conclusion().name()) + (a.note() == null ? "" : "（" + a.note() + "）"), body));
            }
            Map<String, Map<VerificationTables.Table, List<DataCheckRow>>> tables = dataCheck.rows(c.applicationId(), scheme, inv, res);
            for (var st : tables.entrySet()) {
                for (var tb : st.getValue().entrySet()) {
                    VerificationTables.Table kind = tb.getKey();
                    List<DataCheckTables.Column> cols = DataCheckTables.columns(kind);
                    StringBuilder head = new StringBuilder(t(l, "verification.col.number"));
                    List<Float> widths = new ArrayList<>(List.of(0.6f));
                    for (DataCheckTables.Column col : cols) {
                        head.append('|').append(t(l, "verification.col." + kind.name() + "." + col.key()));
                        widths.add(col.key().equals("name") || col.key().equals("item") ? 2.5f : 1.3f);
                    }
                    if (DataCheckTables.concludes(kind)) {
                        head.append('|').append(t(l, "verification.col.conclusion"));
                        widths.add(1.1f);
                    }
                    List<String[]> rows = new ArrayList<>();
                    for (DataCheckRow row : tb.getValue()) {
                        List<String> cells = new ArrayList<>();
                        cells.add(String.valueOf(row.number()));
                        for (DataCheckTables.Column col : cols) {
                            String val = row.value(col.key());
                            if (col.key().equals("source") && val == null) {
                                val = t(l, "verification.report.site");
                            }
                            if (col.key().equals("source") && kind == VerificationTables.Table.SECONDARY_DATA) {
                                if (row.supplierData()) {
                                    val = val + "（" + t(l, row.thirdPartyVerified() ? "verification.table.supplierVerified"
                                            : "verification.table.supplierNotVerified") + "）";
                                }
                                if (row.foreignData()) {
                                    val = val + "（" + t(l, "verification.table.foreign") + (row.foreignDataNote() == null ? ""
                                            : "：" + row.foreignDataNote()) + "）";
                                }
                            }
                            cells.add(val == null ? "" : val);
                        }
                        if (DataCheckTables.concludes(kind)) {
                            cells.add(row.conclusion() == null ? "" : t(l, "verification.conclusion." + row.conclusion().name()));
                        }
                        rows.add(cells.toArray(String[]::new));
                    }
                    float[] w = new float[widths.size()];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = widths.get(i);
                    }
                    doc.add(new Paragraph(t(l, "verification.report.table." + kind.name(), stage(l, st.getKey())), body));
                    doc.add(table(small, head.toString(), rows, w));
                }
            }
            doc.add(new Paragraph(t(l, "verification.report.s8.cutoff", res.cutOff().note()), body));
            doc.add(new Paragraph(t(l, "verification.report.s8.quality",
                    res.quality().weightedDqr() == null ? "—" : String.format(Locale.ROOT, "%.3f", res.quality().weightedDqr()),
                    res.quality().rating() == null ? "—" : res.quality().rating()), body));
            if (!corr.isEmpty()) {
                doc.add(new Paragraph(t(l, "verification.report.s8.corrections"), body));
                for (Correction.Stored x : corr) {
                    doc.add(new Paragraph("· " + x.correction().target() + ": " + fmt(x.originalValue()) + " → "
                            + fmt(x.correction().correctedValue()) + "（" + x.correction().reason() + "，" + x.by() + "）", body));
                }
            }
            // 九 quantification: per-stage table summing to 100 %, per process
            section(doc, h, t(l, "verification.report.s9"));
            doc.add(new Paragraph(t(l, "verification.report.s9.method", r.gwpSet(), r.engineVersion(),
                    String.valueOf(r.submissionVersion()), r.sha256()), body));
            doc.add(new Paragraph(t(l, "verification.report.s9.result"), body));
            List<String[]> rows = new ArrayList<>();
            for (FootprintResult.StageShare x : res.stages()) {
                rows.add(new String[] {String.valueOf(rows.size() + 1), stage(l, x.stage()), FootprintAdapter.kg(x.kgCo2e()),
                        FootprintAdapter.percent(x.percent())});
            }
            rows.add(new String[] {"", t(l, "verification.report.total"), FootprintAdapter.kg(r.totalKgCo2e()), FootprintAdapter.percent(100.0)});
            doc.add(table(body, t(l, "verification.report.t3"), rows, new float[] {0.6f, 3, 2, 1.5f}));
            List<String[]> procs = new ArrayList<>();
            for (FootprintResult.Contribution p : res.processes()) {
                procs.add(new String[] {String.valueOf(procs.size() + 1), p.process(), FootprintAdapter.kg(p.kgCo2e()),
                        FootprintAdapter.percent(p.percent())});
            }
            doc.add(table(body, t(l, "verification.report.t3"), procs, new float[] {0.6f, 3, 2, 1.5f}));
            // 十 conclusion with the stage chart
            section(doc, h, t(l, "verification.report.s10"));
            String dev = r.deviationPercent() == null ? "—" : FootprintAdapter.percent(r.deviationPercent());
            doc.add(new Paragraph(t(l, "verification.report.s10.text", FootprintAdapter.kg(r.totalKgCo2e()),
                    r.claimedKgCo2e().stripTrailingZeros().toPlainString(), dev, materiality,
                    t(l, "verification.report.deviation." + r.classification().name())), body));
            Image chart = Image.getInstance(stageChart(l, res));
            chart.scaleToFit(440, 260);
            chart.setAlignment(Element.ALIGN_CENTER);
            doc.add(chart);
            section(doc, h, t(l, "verification.report.s11"));
            if (!res.contributions().isEmpty()) {
                FootprintResult.Contribution top = res.contributions().get(0);
                doc.add(new Paragraph(t(l, "verification.report.s11.text", top.process() + " / " + top.item(),
                        FootprintAdapter.percent(top.percent())), body));
            }
            section(doc, h, t(l, "verification.report.s12"));
            if (mc == null) {
                doc.add(new Paragraph(t(l, "verification.report.s12.none"), body));
            } else {
                doc.add(new Paragraph(t(l, "verification.report.s12.text", String.valueOf(mc.iterations()), String.valueOf(mc.seed()),
                        FootprintAdapter.kg(mc.statistics().mean()), FootprintAdapter.kg(mc.statistics().p2_5()),
                        FootprintAdapter.kg(mc.statistics().p97_5())), body));
            }
            section(doc, h, t(l, "verification.report.s13"));
            boolean positive = v.completion().allowed() || c.completed().contains(Stage.VERIFICATION);
            doc.add(new Paragraph(t(l, "verification.report.s13.text", FootprintAdapter.kg(r.totalKgCo2e()), res.functionalUnit(),
                    assurance, t(l, "verification.report.limitations"), today.toString(), String.join("、", names),
                    t(l, positive && r.classification() != Deviation.MATERIAL ? "verification.report.positive" : "verification.report.negative")), body));
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not render the verification report of " + c.reference(), e);
        }
        return out.toByteArray();
    }

    private String stage(Locale l, String code) {
        return t(l, "verification.stage." + code);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void section(Document doc, Font h, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, h);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable pairs(Font f, List<String[]> rows) {
        PdfPTable table = new PdfPTable(new float[] {1.4f, 3f});
        table.setWidthPercentage(100);
        for (String[] row : rows) {
            table.addCell(cell(row[0], f));
            table.addCell(cell(row[1], f));
        }
        return table;
    }

    private static PdfPTable table(Font f, String header, List<String[]> rows, float[] widths) {
        String[] head = header.split("\\|");
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String x : head) {
            PdfPCell c = cell(x, f);
            c.setBackgroundColor(new Color(230, 236, 242));
            table.addCell(c);
        }
        for (String[] row : rows) {
            for (int i = 0; i < head.length; i++) {
                table.addCell(cell(i < row.length ? row[i] : "", f));
            }
        }
        return table;
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell c = new PdfPCell(new Paragraph(text == null || text.isEmpty() ? " " : text, f));
        c.setPadding(3);
        return c;
    }

    /** The stage shares as a bar chart (template §十), drawn headless by JFreeChart and encoded as PNG. */
    byte[] stageChart(Locale l, FootprintResult res) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FootprintResult.StageShare s : res.stages()) {
            data.addValue(s.percent(), "%", stage(l, s.stage()));
        }
        JFreeChart chart = ChartFactory.createBarChart(t(l, "verification.report.chart"), null, "%", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        java.awt.Font cjk = awtFont();
        chart.getTitle().setFont(cjk.deriveFont(java.awt.Font.BOLD, 16f));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setTickLabelFont(cjk.deriveFont(12f));
        plot.getRangeAxis().setTickLabelFont(cjk.deriveFont(11f));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(46, 125, 50));
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage img = chart.createBufferedImage(880, 520);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return png.toByteArray();
    }

    private java.awt.Font awtFont() {
        try {
            return java.awt.Font.createFonts(new ByteArrayInputStream(fontBytes))[0];
        } catch (java.awt.FontFormatException | IOException e) {
            return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
        }
    }
}
