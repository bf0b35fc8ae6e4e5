package cn.cfp.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.Actor;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.application.AcceptCommand;
import cn.cfp.application.Applications;
import cn.cfp.application.ContractReview;
import cn.cfp.application.Eligibility;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import cn.cfp.party.ClientRegistration;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Nothing confidential, ever [R-PUB-1, decision D4; 000 §2.9]: a real case whose confidential places hold marker strings
 * (the client's legal representative, contact person and phone, the application's free-text answers, the evidence file
 * names, the fee) gets a certificate published with ordinary public values and a status change with public words; then
 * every public page and API answer is read and none contains a marker.
 *
 * <p>The second test takes a real case through the whole workflow (inventory, NC texts, notes, review, numbering,
 * reporting) with markers and reads every public address, the label included. To extend: add a marker where you put it
 * into the case (the {@code mark} function collects them), and a public address to the lists.
 */
@CfpIntegrationTest
class RegistryConfidentialityTest {

    /** Every marker put into a confidential place of the case below. */
    static final List<String> MARKERS = List.of(
            "SECRET-MARKER-LEGALREP", "SECRET-MARKER-CONTACT", "SECRET-MARKER-PHONE-01012345678",
            "SECRET-MARKER-FORM", "SECRET-MARKER-EVIDENCE", "SECRET-MARKER-FEE");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Applications applications;
    @Autowired
    Organisations organisations;
    @Autowired
    UserDirectory directory;
    @Autowired
    SchemeCatalog schemes;
    @Autowired
    OpenData openData;
    @Autowired
    Clock clock;

    /** Every public address (anonymous) that can show something of this certificate. */
    static List<String> publicUrls(PublicCertificate c, String company) {
        String n = c.number();
        String q = java.net.URLEncoder.encode(company, StandardCharsets.UTF_8);
        return List.of("/c/" + n, "/c/" + n + "?lang=en", "/c/" + n.replace("-", ""),
                "/registry", "/registry?company=" + q, "/registry?number=" + n + "&lang=en",
                "/api/public/certificates/" + n, "/api/public/certificates?company=" + q, "/api/public/certificates?number=" + n,
                "/open-data/certificates.csv", "/open-data/certificates.json", "/verify-label");
    }

    @Test
    void R_PUB_1_no_public_page_or_api_answer_contains_a_confidential_marker() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String company = "保密测试企业 " + tag;
        long org = organisations.registerClient("admin", new ClientRegistration(company, "Secrecy Test " + tag, creditCode(),
                "公开地址 " + tag + " 号", "SECRET-MARKER-LEGALREP", "SECRET-MARKER-CONTACT", "SECRET-MARKER-PHONE-01012345678"), null);
        String username = "client-secret-" + tag;
        directory.create("admin", username, "SECRET-MARKER-CONTACT", "cfp-demo-2026", Set.of(Role.CLIENT), org);
        Actor client = ((CfpPrincipal) users.loadUserByUsername(username)).actor();
        Scheme scheme = schemes.get("CNCA-CFP-00");
        Map<String, String> form = new LinkedHashMap<>(CaseFixture.filledForm(scheme));
        form.replaceAll((k, v) -> v.startsWith("示例：") ? "SECRET-MARKER-FORM " + k : v);
        long app = applications.create(client, scheme.code(), org, org, form);
        long site = organisations.addSite(username, org, "厂区 " + tag, "公开路 " + tag + " 号");
        applications.addProduct(client, app, "隔爆型三相异步电动机", "YB3-" + tag, "电动机", site, null, null);
        for (ChecklistItem item : scheme.documentChecklist().value().items()) {
            switch (item.kind()) {
                case REQUIRED -> applications.attachDocument(client, app, item.id(), "SECRET-MARKER-EVIDENCE-" + item.id() + ".pdf",
                        new ByteArrayInputStream(CaseFixture.PDF));
                case CONDITIONAL -> {
                    if (item.answeredBy() == null) {
                        applications.answerCondition(client, app, item.id(), false);
                    }
                }
                case OPTIONAL -> { }
            }
        }
        Map<Eligibility, Boolean> all = new LinkedHashMap<>();
        for (Eligibility e : Eligibility.values()) {
            all.put(e, true);
        }
        applications.declareEligibility(client, app, all);
        applications.submit(client, app);
        Actor pm = ((CfpPrincipal) users.loadUserByUsername("pm")).actor();
        applications.accept(pm, app, new AcceptCommand(EnumSet.allOf(ContractReview.class), LocalDate.now(clock),
                "SECRET-MARKER-FEE 人民币 30,000 元", null, null));

        RegistryFixture registry = new RegistryFixture(context);
        PublicCertificate c = registry.certificate(registry.newNumber(), "CNCA-CFP-00", company, "隔爆型三相异步电动机", 730);
        registry.issue(c);
        LocalDate today = LocalDate.now(clock);
        registry.status(c.number(), CertificateStatus.SUSPENDED, today, today, "获证后监督发现不符合");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.isShown(c.number(), CertificateStatus.SUSPENDED));
        openData.export("test");

        TestHttp http = new TestHttp(port, users, tokens);
        List<String> leaks = new ArrayList<>();
        for (String url : publicUrls(c, company)) {
            HttpResponse<String> r = http.send("GET", url, null);
            assertThat(r.statusCode()).as(url).isIn(200, 301);
            for (String marker : MARKERS) {
                if (r.body().contains(marker) || r.headers().map().toString().contains(marker)) {
                    leaks.add(url + " shows " + marker);
                }
            }
        }
        assertThat(leaks).isEmpty();
        // and the certificate's public values are there (the test reads the real answers)
        assertThat(http.send("GET", "/c/" + c.number(), null).body()).contains(company, "暂停");
    }

    /**
     * The same promise over one REAL case taken through the whole workflow to its issued certificate [R-PUB-1, decision
     * D4; 000 §2.9]: a marker string in every confidential place the REST walk reaches — the application's free texts,
     * its document file names and the fee; the document review's findings; the plan confirmation; the checklist finding
     * and notes, the consistency notes, the production line, the attendee's name, the inspection's closing note; the
     * inventory (a renamed process inside the uploaded workbook, and the workbook's file name); the verification aspect
     * notes, the correction's reason, the NC description, the client's NC answer (correction, cause, corrective action,
     * evidence file name) and the team's note on it; the technical review's item notes, a review question and the team's
     * answer, the completion summary, the decision's reasons; the numbering submission's channel and note; the CNCA
     * report's receipt and note. Then every public page and API answer (and the label printed on products) is read and
     * none contains a marker — while the public page does show the number and 18.5, and the staff API the markers.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CNCA-CFP-00,   numberingChannel numberingNote " + CertifiedConfidentiality.ON_SITE,
            "CNEX-01-G,     numberingChannel numberingNote attendee planConfirmation approvalNote " + CertifiedConfidentiality.ON_SITE,
            "CEC-FURNITURE, " + CertifiedConfidentiality.ON_SITE,
            "CGC-R52003,    numberingChannel numberingNote claimNote planConfirmation " + CertifiedConfidentiality.ON_SITE,
            "CICC-ZY-GZ-20, stage1Finding stage1Note stage1Reason ncClosure planConfirmation approvalNote"})
    void R_PUB_1_a_case_taken_through_the_whole_workflow_to_its_certificate_shows_no_confidential_marker_in_public(
            String scheme, String schemeMarkers) {
        Set<String> markers = new java.util.LinkedHashSet<>();
        java.util.function.BinaryOperator<String> mark = (key, ordinary) -> {
            String marker = "SECRET-" + key + "-7f3a";
            markers.add(marker);
            return marker + " " + ordinary;
        };
        cn.cfp.ReviewReadyFixture walk = new cn.cfp.ReviewReadyFixture(context, port).marking(mark)
                .inventoryProcessName(mark.apply("inventoryProcess", "总装"));
        walk.onSite().cases().marking(mark);
        long app = walk.readyForReview(scheme);

        // a review question raised, answered by the team, accepted
        var question = walk.ok(walk.call("POST", "/api/review/" + app + "/questions", "reviewer",
                Map.of("text", mark.apply("reviewQuestion", "请说明电表读数的来源"))));
        long questionId = question.get("questions").get(0).get("id").asLong();
        walk.ok(walk.call("POST", "/api/review/" + app + "/questions/" + questionId + "/answer", "inspector",
                Map.of("text", mark.apply("reviewAnswer", "读数来自总装车间电表台账"))));
        walk.ok(walk.call("POST", "/api/review/" + app + "/questions/" + questionId + "/accept", "reviewer", null));
        String number = new cn.cfp.CertifiedFixture(context, walk).issue(app, scheme);

        // the CNCA report of the issue, with a receipt and a note
        // (the report item arrives from the Issued event, after commit)
        long[] item = {-1};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (var i : walk.ok(walk.call("GET", "/api/reporting/items?scheme=" + scheme, "pm", null))) {
                if (number.equals(i.get("number").asString())) {
                    item[0] = i.get("id").asLong();
                }
            }
            return item[0] > 0;
        });
        walk.ok(walk.call("POST", "/api/reporting/submissions", "pm", Map.of("itemIds", List.of(item[0]), "channel", "OTHER",
                "receipt", mark.apply("reportReceipt", "回执 001"), "note", mark.apply("reportNote", "已报送"))));
        openData.export("test");

        // every confidential place the brief names got its marker on the way (the walk really wrote them)
        assertThat(markers).containsAll(List.of("inventoryProcess", "inventoryFile", "applicationForm", "documentName", "fee",
                "docReview", "aspectNote", "correctionReason",
                "ncDescription", "ncCorrection", "ncCause", "ncCorrectiveAction", "ncEvidenceFile", "ncTeamNote", "verificationNote",
                "reviewQuestion", "reviewAnswer", "reviewItemNote", "reviewCompletion", "decisionReasons",
                "reportReceipt", "reportNote").stream().map(k -> "SECRET-" + k + "-7f3a").toList());
        // and the scheme's own places (CNCA's number submission for the national label schemes, CICC's stage 1 …)
        assertThat(markers).containsAll(java.util.Arrays.stream(schemeMarkers.split(" ")).filter(k -> !k.isBlank())
                .map(k -> "SECRET-" + k + "-7f3a").toList());
        TestHttp http = walk.http();
        // the label's QR payload, as a phone reads it from the PNG
        String payload = decodeQr(http.sendForBytes("/api/certificates/" + number + "/label.png?dpi=300", "client-motor").body());
        String company = organisations.find(walk.onSite().cases().clientOrg("client-motor")).orElseThrow().name();
        String q = java.net.URLEncoder.encode(company, StandardCharsets.UTF_8);
        String p = java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String product = java.net.URLEncoder.encode("隔爆型三相异步电动机", StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>(List.of("/c/" + number, "/c/" + number + "?lang=en", "/c/" + number.replace("-", ""),
                "/registry", "/registry?company=" + q, "/registry?company=" + q + "&lang=en", "/registry?product=" + product,
                "/registry?number=" + number, "/api/public/certificates/" + number, "/api/public/certificates?company=" + q,
                "/api/public/certificates?product=" + product, "/api/public/certificates?number=" + number,
                "/open-data/certificates.csv", "/open-data/certificates.json", "/verify-label?payload=" + p,
                "/verify-label?payload=" + p + "&lang=en", "/api/public/labels/verify?payload=" + p,
                "/.well-known/cfp-label-keys.json", "/fees", "/fees?lang=en", "/api/public/fees"));
        // the demo client's own confidential party data (legal representative, contact person and phone, DemoData)
        markers.addAll(List.of("张华安（演示）", "李联络（演示）", "0377-6000 0000"));
        List<String> leaks = new ArrayList<>();
        for (String url : urls) {
            HttpResponse<String> r = http.send("GET", url, null);
            assertThat(r.statusCode()).as(url).isIn(200, 301);
            leaks.addAll(leaksIn(url, r.body() + r.headers().map(), markers));
        }
        // the label is printed on products: as public as the page it opens
        HttpResponse<String> svg = http.send("GET", "/api/certificates/" + number + "/label.svg", "client-motor");
        assertThat(svg.statusCode()).isEqualTo(200);
        leaks.addAll(leaksIn("label.svg", svg.body() + svg.headers().map(), markers));
        leaks.addAll(leaksIn("the label's QR payload", payload, markers));
        assertThat(leaks).isEmpty();

        // positive controls, so the test can fail: the public page shows the certificate, the staff API the markers
        String page = http.send("GET", "/c/" + number, null).body();
        assertThat(page).contains(number, "18.5");
        assertThat(http.send("GET", "/api/public/certificates/" + number, null).body()).contains(number, "18.5");
        assertThat(http.send("GET", "/verify-label?payload=" + p, null).body()).contains(number);
        String staff = walk.call("GET", "/api/review/" + app, "reviewer", null).body()
                + walk.call("GET", "/api/nonconformities/" + app, "verifier", null).body();
        assertThat(staff).contains("SECRET-reviewQuestion-7f3a", "SECRET-reviewItemNote-7f3a", "SECRET-decisionReasons-7f3a",
                "SECRET-ncDescription-7f3a", "SECRET-ncCause-7f3a");
    }

    /** The markers of the on-site inspection (every scheme with one; CICC verifies without it). */
    interface CertifiedConfidentiality {
        String ON_SITE = "checklistNote consistencyNote productionLine inspectionNote";
    }

    private static List<String> leaksIn(String where, String text, Set<String> markers) {
        List<String> out = new ArrayList<>();
        for (String marker : markers) {
            if (text.contains(marker)) {
                out.add(where + " shows " + marker);
            }
        }
        if (out.isEmpty() && text.contains("SECRET-")) {
            int at = text.indexOf("SECRET-");
            out.add(where + " shows " + text.substring(at, Math.min(text.length(), at + 40)));
        }
        return out;
    }

    private static String decodeQr(byte[] png) {
        return cn.cfp.label.internal.QrImages.decode(png).orElseThrow(() -> new AssertionError("the label's QR code does not decode"));
    }

    /** A random unified social credit code with its check character (GB 32100-2015). */
    static String creditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        java.util.Random r = new java.util.Random();
        StringBuilder b = new StringBuilder("91");
        while (b.length() < 17) {
            b.append(charset.charAt(r.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(b.charAt(i)) * weights[i];
        }
        int c = 31 - sum % 31;
        return b.append(charset.charAt(c == 31 ? 0 : c)).toString();
    }
}
