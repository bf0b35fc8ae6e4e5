package cn.cfp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.planning.OnSiteFixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * R-VER-4: the verification report of the worked example (total 17.5 kg CO2e = raw materials 10.0 (57.14 %) +
 * production 7.5 (42.86 %), see {@link VerificationWorkflowTest}) read back with PDFBox: Chinese text, the 13 sections,
 * Tables 1 and 2, the per-stage table with the engine's digits, the chart image, the Monte Carlo seed and the statement.
 */
@CfpIntegrationTest
class VerificationReportTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Verifications verifications;
    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;

    @Test
    void the_report_has_the_13_sections_the_stage_table_the_chart_and_the_engine_total_R_VER_4() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", VerificationWorkflowTest.example(), new BigDecimal("18.2"));
        for (Aspect a : Aspect.SIX) {
            verifications.conclude(fx.who("verifier"), app, a, Aspect.Conclusion.CONFORMS, "已核查", null);
        }
        RecalculationView r = verifications.recalculate(fx.who("verifier"), app, 200, 11L);
        TestHttp http = new TestHttp(port, users, tokens);
        HttpResponse<byte[]> pdf = http.sendForBytes("/api/verification/" + app + "/report.pdf", "verifier");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("产品碳足迹核查报告", "一、基本信息", "八、数据收集", "九、产品碳足迹量化",
                    "十二、不确定性分析", "十三、声明");
            assertThat(text).contains("原材料获取阶段", "产品生产阶段", "交叉校核", "数据类型");
            // the engine's digits, as `./cfp calc` prints them: total 17.500000, stages 10.000000 / 7.500000, 57.14 / 42.86 %
            assertThat(text).contains("17.500000", "10.000000", "7.500000", "57.14", "42.86", "100.00");
            assertThat(text).contains("种子 11").contains(FootprintAdapter.kg(
                    cn.cfp.calc.footprint.InventoryMonteCarlo.run(cn.cfp.calc.io.InventoryJson.read(
                            new java.io.ByteArrayInputStream(VerificationWorkflowTest.example()), "x"),
                            cn.cfp.calc.gwp.GwpSets.defaultSet(), 200, 11L, 2).statistics().mean()));
            assertThat(text).contains(r.sha256());
            // the assurance level in words, as the plan states it (limited) [004 §9.8.1]
            assertThat(text).contains("有限保证").doesNotContain("LIMITED");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).as("the stage chart").isEqualTo(1);
        }
        // someone off the case's team cannot read it
        assertThat(http.sendForBytes("/api/verification/" + app + "/report.pdf", "client-motor").statusCode()).isEqualTo(403);
    }
}
