package cn.cfp.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Renders notices as PDF with OpenPDF, embedding a subset of WenQuanYi Micro Hei so Chinese text
 * displays and extracts on any machine.
 */
@Component
public class NoticePdf {

    private final byte[] fontBytes;

    NoticePdf() {
        try (InputStream in = NoticePdf.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("Font fonts/wqy-microhei.ttc is missing from the classpath");
            }
            fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BaseFont font() throws IOException {
        // ",0": the first face of the TrueType collection. Identity-H + embedded subset.
        return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, fontBytes, null);
    }

    /** The rendered notice as an inline PDF download named {@code filename}. */
    public org.springframework.http.ResponseEntity<byte[]> response(Notice notice, String filename) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline().filename(filename).build().toString())
                .body(render(notice));
    }

    public byte[] render(Notice notice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(notice.title());
            doc.addCreator("CFP");
            doc.open();
            BaseFont bf = font();
            Font title = new Font(bf, 18, Font.BOLD);
            Font body = new Font(bf, 11);
            Font small = new Font(bf, 9);
            Paragraph t = new Paragraph(notice.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(12);
            doc.add(t);
            boolean english = notice.locale() != null && "en".equals(notice.locale().getLanguage());
            doc.add(new Paragraph((english ? "Reference: " : "编号：") + notice.reference(), small));
            doc.add(new Paragraph((english ? "To: " : "致：") + notice.recipient(), body));
            Paragraph spacer = new Paragraph(" ", small);
            doc.add(spacer);
            if (!notice.rows().isEmpty()) {
                PdfPTable table = new PdfPTable(new float[] {1.2f, 3f});
                table.setWidthPercentage(100);
                for (String[] row : notice.rows()) {
                    PdfPCell k = new PdfPCell(new Paragraph(row[0], body));
                    k.setPadding(4);
                    PdfPCell v = new PdfPCell(new Paragraph(row.length > 1 && row[1] != null ? row[1] : "—", body));
                    v.setPadding(4);
                    table.addCell(k);
                    table.addCell(v);
                }
                doc.add(table);
            }
            for (String p : notice.paragraphs()) {
                Paragraph para = new Paragraph(p, body);
                para.setSpacingBefore(8);
                doc.add(para);
            }
            Paragraph sign = new Paragraph(notice.issuer() + "\n" + cn.cfp.shared.DateTexts.date(notice.date(), notice.locale()), body);
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(24);
            doc.add(sign);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not render notice " + notice.reference(), e);
        }
        return out.toByteArray();
    }
}
