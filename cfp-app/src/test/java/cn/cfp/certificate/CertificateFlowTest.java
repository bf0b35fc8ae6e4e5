package cn.cfp.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.ReviewReadyFixture;
import cn.cfp.TestClock;
import cn.cfp.access.Actor;
import cn.cfp.access.TokenScope;
import cn.cfp.access.UserDirectory;
import cn.cfp.body.BodyIdentity;
import cn.cfp.body.PdfSigner;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.review.ReviewEvents;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The certificate from a decided case to its signed PDF and label download [R-CERT-1, R-CERT-3, R-LBL-2]: the draft
 * made from {@link ReviewEvents.Decided}, the preparer's free fields and confirmation, the checks by someone else, the
 * number awaited, the issue, the PDF read back and its signature verified, a second issue refused, and the label refused
 * once the certificate has expired.
 */
@CfpIntegrationTest
class CertificateFlowTest {

    @Autowired ApplicationContext context;
    @Autowired Cases cases;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired UserDirectory users;
    @Autowired Certificates certificates;
    @Autowired BodyIdentity body;
    @Autowired SchemeCatalog schemes;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    ReviewReadyFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ReviewReadyFixture(context, port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    /** The case through review and decision (the review module's part) and the Decided event it publishes. */
    long decided(String scheme, long deciderId, List<Long> reviewers) {
        long app = fx.readyForReview(scheme);
        Actor system = Actor.SYSTEM;
        cases.complete(app, Stage.TECHNICAL_REVIEW, system, "reviewed");
        CertificationCase c = cases.conclude(app, CertificationCase.Outcome.CERTIFIED, null, system);
        tx.executeWithoutResult(s -> events.publishEvent(new ReviewEvents.Decided(app, c.id(), c.reference(), scheme, "PASS", true,
                LocalDate.now(clock), deciderId, reviewers)));
        long until = System.currentTimeMillis() + 20_000;
        while (certificates.find(app).isEmpty() && System.currentTimeMillis() < until) {
            sleep(100);
        }
        assertThat(certificates.find(app)).as("a draft certificate from the Decided event").isPresent();
        return app;
    }

    @Test
    void a_decided_cnex_case_is_prepared_checked_and_issued_with_the_verified_footprint_signed_R_CERT_1_R_CERT_3() throws Exception {
        long app = decided("CNEX-01-G", id("decider"), List.of(id("reviewer")));
        String base = "/api/certificates/cases/" + app;
        JsonNode v = fx.ok(fx.call("GET", base, "preparer", null));
        assertThat(v.get("stage").asString()).isEqualTo("DRAFT");
        // the data preview is the verified result: 18.5 kgCO2e per piece, traceable to the recalculation's inventory hash
        assertThat(v.get("preview").get("products").get(0).get("footprint").decimalValue()).isEqualByComparingTo("18.5");
        assertThat(v.get("preview").get("inventorySha256").asString()).hasSize(64);
        // CEC/CGC deadlines only: CNEX sets no issue limit
        assertThat(v.get("dueOn").isNull()).isTrue();

        // confirming without the free fields is refused field by field
        List<String> missing = fx.refused(fx.call("POST", base + "/confirmation", "preparer", null), 400);
        assertThat(missing).contains("certificate.fieldRequired", "certificate.productCode");

        fx.ok(fx.call("PUT", base + "/draft", "preparer", Map.of("issuerName", "张签发", "basis", "GB/T 24067-2024、CNEX-01-G:2026",
                "productCode", "102")));
        v = fx.ok(fx.call("POST", base + "/confirmation", "preparer", null));
        assertThat(v.get("stage").asString()).isEqualTo("CONFIRMED");
        assertThat(v.get("number").get("state").asString()).isEqualTo("REQUESTED");
        String provisional = v.get("number").get("provisionalReference").asString();

        // the preparer may not check what he prepared — and he lacks the role anyway
        assertThat(fx.call("POST", base + "/checks", "preparer", Map.of("fields", List.of())).statusCode()).isEqualTo(403);
        // CNEX's 15 fields a–o must each be ticked
        List<String> unticked = fx.refused(fx.call("POST", base + "/checks", "reviewer", Map.of("fields", List.of("A", "B"))), 400);
        assertThat(unticked).hasSize(13).containsOnly("certificate.fieldUnchecked");
        List<String> all = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O");
        v = fx.ok(fx.call("POST", base + "/checks", "reviewer", Map.of("fields", all)));
        assertThat(v.get("stage").asString()).isEqualTo("CHECKED");

        // no number from CNCA yet: issue refused in words, and nothing printed with the provisional reference
        assertThat(fx.refused(fx.call("POST", base + "/issue", "decider", null), 409)).containsExactly("certificate.numberMissing");
        String compact = "CFP" + body.bodyCode() + LocalDate.now(clock).getYear() + "102" + String.format("%04d", app % 10_000);
        confirmNumber(app, compact);
        String printedNumber = compact.substring(0, 3) + "-" + compact.substring(3, 7) + "-" + compact.substring(7, 11) + "-"
                + compact.substring(11, 14) + "-" + compact.substring(14);

        v = fx.ok(fx.call("POST", base + "/issue", "decider", null));
        assertThat(v.get("stage").asString()).isEqualTo("ISSUED");
        assertThat(v.get("status").asString()).isEqualTo("VALID");
        // the number as the numbering module holds it (printed CFP-XXXX-XXXX-XXX-XXXX, or compact)
        String number = v.get("issues").get(0).get("number").asString();
        assertThat(number.replace("-", "")).isEqualTo(compact);
        LocalDate today = LocalDate.now(clock);
        // CNEX's 3 years capped at the national 2 [decision D1]: valid through the day before the second anniversary
        assertThat(LocalDate.parse(v.get("issues").get(0).get("validUntil").asString())).isEqualTo(today.plusYears(2).minusDays(1));

        // a second issue of the same case and number is refused
        assertThat(fx.refused(fx.call("POST", base + "/issue", "decider", null), 409)).containsExactly("certificate.alreadyIssued");

        // the pages: the staff page of the case, the client's list of its certificates, each in one language
        HttpResponse<String> page = fx.http().send("GET", "/certificates/" + app, "preparer");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number, "已签发", "/api/certificates/" + number + "/certificate.pdf");
        HttpResponse<String> en = fx.http().send("GET", "/certificates/" + app + "?lang=en", "preparer");
        assertThat(en.body()).contains("Issued", "Download the certificate").doesNotContain("下载证书");
        HttpResponse<String> mine = fx.http().send("GET", "/certificates", "client-motor");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(number);
        assertThat(fx.http().send("GET", "/certificates", "client-furniture").body()).doesNotContain(number);

        // the PDF: staff and the client download it; the text read back; the body's signature intact over the whole file
        HttpResponse<byte[]> pdf = fx.http().sendForBytes("/api/certificates/" + number + "/certificate.pdf", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("产品碳足迹标识认证证书", printedNumber, "18.5（kgCO2e）", "认证委托人名称及地址", "生产者名称及地址",
                "生产企业名称及地址", "产品各阶段碳排放比例", "初次发证日期", "张签发", "本证书的有效性依据发证机构的监督获得保持",
                body.querySite(), "CNEX-01-G:2026）的要求", CertificatePdf.date(today.plusYears(2).minusDays(1)));
        JsonNode record = v.get("publicRecord");
        assertThat(text).contains(record.get("holderName").asString(), record.get("manufacturerName").asString(),
                record.get("factoryName").asString());
        assertThat(text).doesNotContain(provisional);
        List<PdfSigner.SignatureCheck> sigs = PdfSigner.verify(pdf.body());
        assertThat(sigs).hasSize(1);
        assertThat(sigs.get(0).intact()).isTrue();
        assertThat(sigs.get(0).coversWholeFile()).isTrue();
        assertThat(sigs.get(0).signer()).contains(body.name());

        // the public record carries the number and the printed footprint, nothing else of the case
        assertThat(record.get("number").asString()).isEqualTo(number);
        assertThat(record.get("url").asString()).isEqualTo(body.certificateUrl(number));
        assertThat(record.get("products").get(0).get("footprint").decimalValue()).isEqualByComparingTo("18.5");

        // another company's user may not download it
        assertThat(fx.http().sendForBytes("/api/certificates/" + number + "/certificate.pdf", "client-furniture").statusCode())
                .isIn(403, 404);

        // while valid, the label module's label downloads as SVG and PNG (value as printed on the certificate)
        HttpResponse<String> svg = fx.http().send("GET", "/api/certificates/" + number + "/label.svg", "client-motor");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg", "18.5");
        HttpResponse<byte[]> png = fx.http().sendForBytes("/api/certificates/" + number + "/label.png?dpi=300", "client-motor");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()))).isNotNull();
        // the certificate's first page carries the label image
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }

        // R-LBL-2: after the validity date the label is refused in words
        clock.advance(Duration.ofDays(2L * 366 + 2));
        // (the tests' API tokens expired with the move: fresh ones)
        HttpResponse<String> label = fx.http().sendWithToken("GET", "/api/certificates/" + number + "/label.svg",
                fx.http().mint("client-motor", TokenScope.READ, 30), null, null);
        assertThat(fx.refused(label, 409)).containsExactly("certificate.labelNotValid");
        assertThat(label.body()).contains("过期失效");
        HttpResponse<String> after = fx.http().sendWithToken("GET", base, fx.http().mint("preparer", TokenScope.READ, 30), null, null);
        assertThat(fx.ok(after).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void a_cnex_certificate_preparer_who_decided_the_case_may_not_prepare_its_certificate_001_9_9_R_CERT_3() {
        long app = decided("CNEX-01-G", id("preparer"), List.of(id("reviewer")));
        List<String> codes = fx.refused(fx.call("PUT", "/api/certificates/cases/" + app + "/draft", "preparer",
                Map.of("issuerName", "张签发")), 403);
        assertThat(codes).containsExactly("certificate.preparerDecided");
    }

    @Test
    void a_cgc_certificate_is_due_30_working_days_after_the_decision_and_shown_in_my_work() {
        long app = decided("CGC-R52003", id("decider"), List.of(id("reviewer")));
        JsonNode v = fx.ok(fx.call("GET", "/api/certificates/cases/" + app, "preparer", null));
        LocalDate decidedOn = LocalDate.parse(v.get("decidedOn").asString());
        LocalDate due = LocalDate.parse(v.get("dueOn").asString());
        // 30 working days on the calendar (weekends and holidays not counted) [003 ¶81]
        assertThat(due).isAfter(decidedOn.plusDays(30));
        assertThat(context.getBean(cn.cfp.calendar.WorkingDayCalendar.class).workingDaysBetween(decidedOn, due)).isEqualTo(30);
        HttpResponse<String> mywork = fx.http().send("GET", "/mywork", "preparer");
        assertThat(mywork.body()).contains("/certificates/" + app);
    }

    private void confirmNumber(long app, String number) {
        // the numbering module: the package was submitted to CNCA, then the number CNCA confirmed is entered
        fx.ok(fx.call("POST", "/api/numbering/" + app + "/submission", "preparer",
                Map.of("submittedOn", LocalDate.now(clock).toString(), "channel", "CNCA 平台", "note", "报送")));
        fx.ok(fx.call("POST", "/api/numbering/" + app + "/confirmed", "preparer", Map.of("number", number)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
