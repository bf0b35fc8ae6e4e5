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
        Notice notice = new Notice("认证受理通知书", "Notice of Acceptance", "CFPA-2026-0001-ACCEPTANCE", "华绿产品认证中心",
                "南阳华安防爆电机有限公司", LocalDate.of(2026, 11, 25), rows, List.of("经合同评审，本机构决定予以受理。"));
        byte[] pdf = new NoticePdf().render(notice);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("认证受理通知书").contains("隔爆型三相异步电动机").contains("经合同评审，本机构决定予以受理。")
                    .contains("Notice of Acceptance").contains("2026-11-25");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).anyMatch(f -> f.getName().contains("WenQuanYi"));
        }
    }
}
