package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.body.BodyIdentity;
import cn.cfp.body.BodyKeys;
import cn.cfp.body.PdfSigner;
import cn.cfp.label.QrPayload;
import cn.cfp.label.QrPayloads;
import cn.cfp.label.internal.QrImages;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.SchemeCatalog;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's "done when", over the REST API: one case per scheme from "ready for technical review" (the worked example
 * verified at 18.5 kgCO2e per piece, see {@link BackHalfFlowApiTest}) through the independent technical review, the
 * decision, the certificate's preparation and checks, its number (CNCA-confirmed for the national label schemes, allocated
 * by the scheme's own format otherwise [decision D2]), the issue, the signed PDF read back, the label (SVG and PNG, the
 * QR code decoded with ZXing and its signature verified) and the certificate's public page. Refused in words on the way:
 * a conflicted reviewer (R-PER-2), a team member as reviewer (R-REV-1), a number of the wrong format and of another
 * body (R-CERT-2), a second issue of the same number.
 */
@CfpIntegrationTest
class CertificationFlowApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SchemeCatalog schemes;
    @Autowired
    BodyIdentity body;
    @Autowired
    BodyKeys keys;
    @Autowired
    StaffRegistry staff;
    @Autowired
    Clock clock;

    ReviewReadyFixture walk;
    CertifiedFixture certified;

    @BeforeEach
    void setUp() {
        walk = new ReviewReadyFixture(context, port);
        certified = new CertifiedFixture(context, walk);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CNCA-CFP-00,    PASS",
            "CNEX-01-G,      PASS",
            "CEC-FURNITURE,  PASS",
            "CGC-R52003,     PASS_AFTER_NC_CLOSURE",
            "CICC-ZY-GZ-20,  PASS"})
    void a_case_goes_from_technical_review_to_an_issued_signed_certificate_its_label_and_its_public_page(String scheme, String outcome)
            throws Exception {
        long app = walk.readyForReview(scheme);

        // R-PER-2 / R-REV-1: a reviewer who declared a conflict with the client, and a team member, are refused in words
        long org = walk.onSite().cases().clientOrg("client-motor");
        long reviewerId = walk.onSite().userId("reviewer");
        staff.declare(walk.onSite().who("reviewer"), reviewerId, org, true, "配偶在该公司任职", null);
        try {
            assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/take", "reviewer", null), 403)).contains("access.conflicted");
        } finally {
            staff.declare(walk.onSite().who("admin"), reviewerId, org, false, null, null);
        }
        HttpResponse<String> teamMember = walk.call("POST", "/api/review/" + app + "/take", "inspector", null);
        assertThat(teamMember.statusCode()).isEqualTo(403);
        assertThat(teamMember.body()).contains("\"code\"");

        // the technical review: every item of the scheme answered, the review completed; the approval where required; the
        // decision; the certificate's draft (from the decision, after commit: 18.5 in its preview) confirmed and checked
        certified.review(app, outcome);
        JsonNode v = certified.prepare(app, scheme);
        String base = certified.base(app);

        String compact = null;
        if (certified.cnca(scheme)) {
            // D2: no number until CNCA confirms one; the issue says what it waits for
            assertThat(v.get("number").get("state").asString()).isEqualTo("REQUESTED");
            assertThat(walk.refused(walk.call("POST", base + "/issue", "decider", null), 409)).containsExactly("certificate.numberMissing");
            certified.submitNumberRequest(app);
            int year = LocalDate.now(clock).getYear();
            String serial = String.format("%04d", app % 10_000);
            // a number of the wrong format, and one with another body's code, refused in words
            assertThat(walk.refused(walk.call("POST", "/api/numbering/" + app + "/confirmed", "preparer", Map.of("number", "CFP-123-2026")), 400))
                    .contains("numbering.pattern");
            String otherBody = body.bodyCode().equals("9999") ? "8888" : "9999";
            assertThat(walk.refused(walk.call("POST", "/api/numbering/" + app + "/confirmed", "preparer",
                    Map.of("number", "CFP-" + otherBody + "-" + year + "-102-" + serial)), 400)).contains("numbering.bodyCode");
            compact = certified.confirmNumber(app);
        } else {
            assertThat(v.get("number").get("state").asString()).isEqualTo("ALLOCATED");
        }

        String number = certified.issueNow(app);
        if (compact != null) {
            assertThat(number.replace("-", "")).isEqualTo(compact);
        } else {
            assertThat(number).matches("[A-Z]+-CFP-" + LocalDate.now(clock).getYear() + "-\\d{5}");
        }
        // the same number is never issued twice
        assertThat(walk.refused(walk.call("POST", base + "/issue", "decider", null), 409)).containsExactly("certificate.alreadyIssued");

        // the PDF: text read back (Chinese), the body's PAdES signature intact over the whole file
        HttpResponse<byte[]> pdf = walk.http().sendForBytes("/api/certificates/" + number + "/certificate.pdf", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(number, "18.5", "kgCO2e", body.name(), body.querySite());
        List<PdfSigner.SignatureCheck> signatures = PdfSigner.verify(pdf.body());
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).intact()).isTrue();
        assertThat(signatures.get(0).coversWholeFile()).isTrue();

        // the label: SVG and PNG; the QR code decoded with ZXing; its signature verified with the published keys
        HttpResponse<String> svg = walk.http().send("GET", "/api/certificates/" + number + "/label.svg", "client-motor");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg");
        HttpResponse<byte[]> png = walk.http().sendForBytes("/api/certificates/" + number + "/label.png?dpi=300", "client-motor");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body()))).isNotNull();
        // decoded with ZXing as the verify-label page and command do (TRY_HARDER, two binarizers, smaller sizes)
        String payloadText = QrImages.decode(png.body()).orElseThrow(() -> new AssertionError("no QR code found in the label"));
        QrPayload payload = QrPayloads.parse(payloadText);
        assertThat(payload.number()).isEqualTo(number);
        assertThat(payload.url()).isEqualTo(body.certificateUrl(number));
        assertThat(QrPayloads.verify(payload, keys.published())).isTrue();
        HttpResponse<String> wellKnown = walk.http().send("GET", "/.well-known/cfp-label-keys.json", null);
        assertThat(wellKnown.statusCode()).isEqualTo(200);
        assertThat(wellKnown.body()).contains(payload.keyId());

        // the public page the QR code opens, anonymous: the certificate valid, its footprint and the issuing body
        HttpResponse<String> page = walk.http().send("GET", "/c/" + number, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number, "18.5", body.name());
        HttpResponse<String> api = walk.http().send("GET", "/api/public/certificates/" + number, null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("VALID");
    }
}
