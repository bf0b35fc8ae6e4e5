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
 * <p>To extend: add a marker to {@link #MARKERS} where you put it into the case, and a public address to
 * {@link #publicUrls}. (After issue 10 merges: the full flow with inventories, NC texts, internal notes.)
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
