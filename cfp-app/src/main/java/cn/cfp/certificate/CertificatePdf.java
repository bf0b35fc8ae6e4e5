package cn.cfp.certificate;

import cn.cfp.body.BodyIdentity;
import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.Step;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certificate as PDF (A4, Chinese) [R-CERT-1]: 000 Annex 3's 18 items in order, then the scheme's additions
 * (back-half §5.2), the label with its QR code; with several products, annex pages "证书附页（第 X页，共 X页）" with the
 * 产品碳足迹认证信息汇总表 and the sentence tying them to the certificate [000 Ann. 3]. OpenPDF with the bundled WenQuanYi
 * font (a subset embedded), so the Chinese text displays and extracts anywhere. The PDF is signed afterwards
 * ({@code PdfSigner}).
 */
@Component
class CertificatePdf {

    /** Products per annex page. */
    static final int ANNEX_ROWS = 20;

    /** Everything a certificate prints; {@code labelPng} is the label module's (with the signed QR code), null in a draft. */
    record Content(PublicCertificate record, CertificateContent content, CertificateData data, CertificateDraft draft,
                   List<Step> mode, BodyIdentity body, byte[] labelPng) {
    }

    private final MessageSource messages;
    private final byte[] fontBytes;

    CertificatePdf(MessageSource messages) {
        this.messages = messages;
        try (InputStream in = CertificatePdf.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("Font fonts/wqy-microhei.ttc is missing from the classpath");
            }
            fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(Content c) {
        PublicCertificate r = c.record();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 44, 44);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(c.content().title().zh() + " " + r.number());
            doc.addCreator("CFP");
            doc.addAuthor(r.bodyName());
            doc.open();
            BaseFont bf = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, fontBytes, null);
            Font title = new Font(bf, 20, Font.BOLD);
            Font body = new Font(bf, 10);
            Font small = new Font(bf, 8);
            boolean annex = r.products().size() > 1;

            // 1. title and number
            Paragraph t = new Paragraph(c.content().title().zh(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph no = new Paragraph(text("number") + "：" + printedNumber(r), body);
            no.setAlignment(Element.ALIGN_CENTER);
            no.setSpacingAfter(8);
            doc.add(no);

            PdfPTable table = new PdfPTable(new float[] {1.35f, 3f});
            table.setWidthPercentage(100);
            // 2.–4. the parties
            row(table, text("holder"), r.holderName() + "\n" + nz(r.holderAddress()), body);
            row(table, text("manufacturer"), r.manufacturerName() + "\n" + nz(r.manufacturerAddress()), body);
            row(table, text("factory"), r.factoryName() + "\n" + nz(r.factoryAddress()), body);
            // 5. unit
            row(table, text("unit"), nz(r.unit()), body);
            // 6. products (必要时可见附页)
            row(table, text("product"), annex ? text("seeAnnex")
                    : r.products().get(0).name() + (r.products().get(0).model() == null ? "" : " / " + r.products().get(0).model()), body);
            if (c.content().adds(CertificateContent.Addition.TRADEMARK)) {
                row(table, text("trademark"), nz(r.trademark()), body);
            }
            // 7.–9.
            row(table, text("functionalUnit"), nz(r.functionalUnit()), body);
            row(table, text("boundary"), nz(r.systemBoundary()), body);
            row(table, text("dataPeriod"), period(r.dataFrom(), r.dataTo()), body);
            // 10. the footprint per unit
            row(table, text("footprint"), annex ? text("seeAnnex") : footprint(r.products().get(0)), body);
            if (c.content().adds(CertificateContent.Addition.STAGE_SHARES) && !c.data().stageShares().isEmpty()) {
                row(table, text("stageShares"), c.data().stageShares().stream().map(s -> stage(s.stage()) + " " + s.percent().toPlainString() + "%")
                        .collect(Collectors.joining("；")), body);
            }
            if (c.content().adds(CertificateContent.Addition.ASSURANCE_LEVEL)) {
                row(table, text("assuranceLevel"), nz(r.assuranceLevel()), body);
            }
            if (c.content().adds(CertificateContent.Addition.REPORT_PERIOD)) {
                row(table, text("reportPeriod"), nz(c.draft().reportPeriod()), body);
            }
            // 11.–12.
            row(table, text("mode"), nz(r.mode()), body);
            row(table, text("basis"), nz(r.basis()), body);
            doc.add(table);

            // 13.–14. the two sentences
            Paragraph conformity = new Paragraph(c.content().conformity().zh(), body);
            conformity.setSpacingBefore(8);
            doc.add(conformity);
            doc.add(new Paragraph(messages.getMessage("certificate.pdf.validity", new Object[] {c.body().querySite()}, Locale.CHINESE), body));
            if (c.content().adds(CertificateContent.Addition.SURVEILLANCE_RECORD)) {
                doc.add(new Paragraph(text("surveillance") + "：" + (c.draft().surveillanceRecord() == null ? text("surveillanceNone")
                        : c.draft().surveillanceRecord()), body));
            }

            // 15.–17. dates, signatory, body
            PdfPTable foot = new PdfPTable(new float[] {3f, 1.3f});
            foot.setWidthPercentage(100);
            foot.setSpacingBefore(10);
            PdfPCell left = new PdfPCell();
            left.setBorder(Rectangle.NO_BORDER);
            left.addElement(dates(c, body));
            left.addElement(new Paragraph(text("issuer") + "：" + nz(c.draft().issuerName()), body));
            left.addElement(new Paragraph(text("body") + "：" + r.bodyName(), body));
            left.addElement(new Paragraph(nz(r.bodyAddress()) + "  " + text("approval") + " " + c.body().approvalNumber(), small));
            left.addElement(new Paragraph(r.url(), small));
            foot.addCell(left);
            // 18. label and QR code
            foot.addCell(labelCell(c, small));
            doc.add(foot);

            if (annex) {
                annexPages(doc, c, body, small);
            }
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not render certificate " + r.number(), e);
        }
        return out.toByteArray();
    }

    private void annexPages(Document doc, Content c, Font body, Font small) throws DocumentException, IOException {
        PublicCertificate r = c.record();
        List<PublicCertificate.Product> all = r.products();
        int pages = (all.size() + ANNEX_ROWS - 1) / ANNEX_ROWS;
        for (int p = 0; p < pages; p++) {
            doc.newPage();
            Paragraph h = new Paragraph(messages.getMessage("certificate.pdf.annexPage", new Object[] {p + 1, pages}, Locale.CHINESE),
                    new Font(body.getBaseFont(), 14, Font.BOLD));
            h.setAlignment(Element.ALIGN_CENTER);
            doc.add(h);
            Paragraph no = new Paragraph(text("number") + "：" + printedNumber(r), body);
            no.setAlignment(Element.ALIGN_CENTER);
            no.setSpacingAfter(6);
            doc.add(no);
            Paragraph tt = new Paragraph(text("annexTable"), body);
            tt.setAlignment(Element.ALIGN_CENTER);
            doc.add(tt);
            PdfPTable table = new PdfPTable(new float[] {0.6f, 2.2f, 2f, 2.2f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            for (String head : List.of(text("annexNo"), text("annexName"), text("annexModel"), text("annexFootprint"))) {
                cell(table, head, body);
            }
            for (int i = p * ANNEX_ROWS; i < Math.min(all.size(), (p + 1) * ANNEX_ROWS); i++) {
                PublicCertificate.Product pr = all.get(i);
                cell(table, String.valueOf(i + 1), body);
                cell(table, pr.name(), body);
                cell(table, nz(pr.model()), body);
                cell(table, pr.footprint().toPlainString(), body);
            }
            doc.add(table);
            Paragraph sentence = new Paragraph(messages.getMessage("certificate.pdf.annexSentence", new Object[] {printedNumber(r)},
                    Locale.CHINESE), body);
            sentence.setSpacingBefore(8);
            doc.add(sentence);
            PdfPTable foot = new PdfPTable(new float[] {3f, 1.3f});
            foot.setWidthPercentage(100);
            foot.setSpacingBefore(10);
            PdfPCell left = new PdfPCell();
            left.setBorder(Rectangle.NO_BORDER);
            left.addElement(dates(c, body));
            left.addElement(new Paragraph(text("body") + "：" + r.bodyName(), body));
            foot.addCell(left);
            foot.addCell(labelCell(c, small));
            doc.add(foot);
        }
    }

    /** 15. the dates the scheme prints: 发证日期 / 换证日期 / 有效期至; CNEX adds 初次发证日期 (m). */
    private Paragraph dates(Content c, Font body) {
        PublicCertificate r = c.record();
        StringBuilder b = new StringBuilder();
        if (c.content().adds(CertificateContent.Addition.FIRST_ISSUE_DATE)) {
            b.append(text("firstIssuedOn")).append("：").append(date(r.firstIssuedOn())).append('\n');
        }
        b.append(text("issuedOn")).append("：").append(date(r.issuedOn())).append('\n');
        b.append(text("changedOn")).append("：").append(r.changedOn() == null ? "—" : date(r.changedOn())).append('\n');
        b.append(text("validUntil")).append("：").append(date(r.validUntil()));
        return new Paragraph(b.toString(), body);
    }

    /**
     * 18. The label with its QR code: the label module's PNG when there is one (it carries the signed QR), otherwise a
     * QR code of the certificate's public URL in the label's place.
     */
    private PdfPCell labelCell(Content c, Font small) throws IOException, DocumentException {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        Image img = Image.getInstance(c.labelPng() != null ? c.labelPng() : qr(c.record().url()));
        img.scaleToFit(110, 150);
        img.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(img);
        Paragraph caption = new Paragraph(text(c.labelPng() != null ? "label" : "qr"), small);
        caption.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(caption);
        return cell;
    }

    static byte[] qr(String url) {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 300, 300, Map.of(EncodeHintType.MARGIN, 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(m, "PNG", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot draw the QR code of " + url, e);
        }
    }

    /** The number as 000 Annex 4 prints it: {@code CFP-XXXX-XXXX-XXX-XXXX} for an 18-position CFP number, else as it is. */
    static String printedNumber(PublicCertificate r) {
        String n = r.number();
        if (n.matches("^CFP(\\d{4}|F\\d{3})\\d{4}\\d{3}\\d{4}$")) {
            return n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7, 11) + "-" + n.substring(11, 14) + "-" + n.substring(14);
        }
        return n;
    }

    private String footprint(PublicCertificate.Product p) {
        return p.footprint().toPlainString() + "（" + p.footprintUnit() + "）";
    }

    private String stage(String key) {
        return messages.getMessage("certificate.stage." + key, null, key, Locale.CHINESE);
    }

    private static String period(LocalDate from, LocalDate to) {
        return from == null || to == null ? "—" : date(from) + "至" + date(to);
    }

    /** XXXX年XX月XX日 [000 Ann. 3 item 9]. */
    static String date(LocalDate d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%04d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static void row(PdfPTable table, String key, String value, Font font) {
        PdfPCell k = new PdfPCell(new Paragraph(key, font));
        k.setPadding(4);
        PdfPCell v = new PdfPCell(new Paragraph(value == null || value.isBlank() ? "—" : value, font));
        v.setPadding(4);
        table.addCell(k);
        table.addCell(v);
    }

    private static void cell(PdfPTable table, String text, Font font) {
        PdfPCell c = new PdfPCell(new Paragraph(text, font));
        c.setPadding(3);
        table.addCell(c);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String text(String key) {
        return messages.getMessage("certificate.pdf." + key, null, Locale.CHINESE);
    }
}
