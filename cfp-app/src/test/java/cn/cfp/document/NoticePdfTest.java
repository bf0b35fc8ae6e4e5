package cn.cfp.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Notices are real PDFs whose Chinese text is embedded and can be read back (R-APP-3 notices). */
class NoticePdfTest {

    @Test
    void a_notice_renders_chinese_text_with_an_embedded_font_that_extracts_back() throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"申请编号 Application", "CFPA-2026-0001"});
        rows.add(new String[] {"产品 Products", "隔爆型三相异步电动机 YBX3-90L-4"});
        Notice notice = new Notice("认证受理通知书", java.util.Locale.SIMPLIFIED_CHINESE, "CFPA-2026-0001-ACCEPTANCE", "华绿产品认证中心",
                "南阳华安防爆电机有限公司", LocalDate.of(2026, 11, 25), rows, List.of("经合同评审，本机构决定予以受理。"));
        byte[] pdf = new NoticePdf().render(notice);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("认证受理通知书").contains("隔爆型三相异步电动机").contains("经合同评审，本机构决定予以受理。")
                    .contains("2026-11-25")
                    // one language per notice, addressed to the company and signed by the body (issue 8 items 12, 17)
                    .contains("致：南阳华安防爆电机有限公司").contains("华绿产品认证中心").doesNotContain("To:").doesNotContain("Reference");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).anyMatch(f -> f.getName().contains("WenQuanYi"));
        }
    }

    @Test
    void an_english_notice_speaks_english_only_issue_8_item_12() throws IOException {
        Notice notice = new Notice("Notice of Acceptance", java.util.Locale.ENGLISH, "CFPA-2026-0001-ACCEPTANCE", "Green Certification Centre",
                "Nanyang Motor Co.", LocalDate.of(2026, 11, 25), List.<String[]>of(new String[] {"Application", "CFPA-2026-0001"}),
                List.of("Your application is accepted."));
        try (PDDocument doc = Loader.loadPDF(new NoticePdf().render(notice))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("To: Nanyang Motor Co.").contains("Reference: CFPA-2026-0001-ACCEPTANCE")
                    .contains("Green Certification Centre").contains("25 Nov 2026");
            assertThat(text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count()).isZero();
        }
    }
}
