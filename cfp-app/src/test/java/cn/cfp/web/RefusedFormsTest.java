package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.application.Applications;
import cn.cfp.scheme.SchemeCatalog;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Refused forms on the pages where people fill them in: each comes back (303) to its page, the reasons at the top of
 * that form and next to the field they concern, what was typed re-filled — text fields, selects, checkboxes, text
 * areas, rows of a table — and no other form of the page touched.
 */
@CfpIntegrationTest
class RefusedFormsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Applications applications;
    @Autowired
    SchemeCatalog schemes;

    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
    }

    /** Posts a form as the page would (its _form and _page) and follows the 303 back; returns the page. */
    String refused(String user, String action, String form, String page, String... fields) {
        List<String> pairs = new ArrayList<>(List.of("_form", form, "_page", page));
        pairs.addAll(List.of(fields));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send("POST", action, user, "application/x-www-form-urlencoded",
                body.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(page);
        HttpResponse<String> next = http.follow(r, user);
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        String html = next.body();
        assertThat(html).doesNotContain("Exception").doesNotContain("cn.cfp.");
        // exactly one reasons box, inside the form that was sent
        assertThat(html.split("id=\"refusal-reasons\"", -1)).hasSize(2);
        assertThat(section(html, "value=\"" + form + "\"")).contains("id=\"refusal-reasons\"");
        return html;
    }

    /** The page from the form's marker to the end of that form. */
    static String section(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return html.substring(at, html.indexOf("</form>", at));
    }

    static String fieldError(String html, String field) {
        String marker = "class=\"field-error\" data-field=\"" + field + "\">";
        int at = html.indexOf(marker);
        assertThat(at).as("a reason next to " + field).isNotNegative();
        return html.substring(at + marker.length(), html.indexOf("</span>", at));
    }

    @Test
    void a_product_with_a_negative_count_comes_back_with_its_row_typed_in() {
        long org = fx.clientOrg("client-motor");
        long id = applications.create(fx.who("client-motor"), "CNCA-CFP-00", org, org,
                CaseFixture.filledForm(schemes.get("CNCA-CFP-00")));
        long site = fx.newSite("client-motor");
        fx.newSite("client-motor");
        String page = "/applications/" + id;
        String html = refused("client-motor", page + "/products", "add-product", page,
                "productName", "保留的产品名", "model", "KEEP-1", "category", "PV13", "siteId", String.valueOf(site), "bomItems", "-3");
        String form = section(html, "value=\"add-product\"");
        assertThat(form).contains("value=\"保留的产品名\"").contains("value=\"KEEP-1\"").contains("value=\"-3\"")
                .contains("value=\"" + site + "\" selected=\"selected\"");
        assertThat(fieldError(form, "bomItems")).isNotBlank();
        // a value of the wrong kind is said in words next to its field
        String typed = refused("client-motor", page + "/products", "add-product", page,
                "productName", "保留的产品名", "model", "KEEP-2", "siteId", String.valueOf(site), "ghgSources", "很多");
        assertThat(fieldError(typed, "ghgSources")).isEqualTo("“ghgSources”的值“很多”无效：应为整数（例如 12）");
        assertThat(section(typed, "value=\"add-product\"")).contains("value=\"很多\"").contains("value=\"KEEP-2\"");
        // the other forms of the page show what is stored
        assertThat(section(typed, "value=\"application-form\"")).doesNotContain("refusal-reasons");
    }

    @Test
    void the_acceptance_form_comes_back_with_the_contract_review_and_the_waiver_kept() {
        long id = fx.submitted("client-motor", "CGC-R52003", "PV13", 120, null);
        String page = "/applications/" + id;
        String html = refused("pm", page + "/accept", "accept-form", page,
                "contractReview", "COMPLETE", "fee", "保留的收费约定", "onsiteWaiver.previousInspectionReference", "KEEP-INS-1",
                "onsiteWaiver.sameProductType", "true");
        String form = section(html, "value=\"accept-form\"");
        assertThat(form).contains("value=\"保留的收费约定\"").contains("value=\"KEEP-INS-1\"").contains("<details open=\"open\"");
        assertThat(form).containsPattern("name=\"contractReview\" value=\"COMPLETE\"[^>]*checked=\"checked\"")
                .doesNotContainPattern("name=\"contractReview\" value=\"LEGAL\"[^>]*checked");
        assertThat(fieldError(form, "contractReview")).isNotBlank(); // the missing review items, next to the checkboxes
        // a choice that does not exist is said with the choices that do
        String wrong = refused("pm", page + "/accept", "accept-form", page, "contractReview", "NO_SUCH_ITEM");
        assertThat(fieldError(wrong, "contractReview")).contains("NO_SUCH_ITEM").contains("COMPLETE").contains("BODY_COMPETENT");
        assertThat(form).containsPattern("name=\"onsiteWaiver.sameProductType\" value=\"true\"[^>]*checked=\"checked\"");
        assertThat(form).doesNotContainPattern("name=\"onsiteWaiver.sameFactory\" value=\"true\"[^>]*checked");
    }

    @Test
    void planning_forms_come_back_with_the_roles_and_texts_kept() {
        long id = fx.accepted("client-motor", "CNCA-CFP-00", "PV13", 120, 30);
        String page = "/planning/" + id;
        String team = refused("pm", page + "/team", "team-form", page, "field", "PV13", "role_" + fx.userId("verifier"), "LEADER");
        assertThat(section(team, "value=\"team-form\"")).containsPattern("value=\"LEADER\" selected=\"selected\"");

        String scheme = refused("pm", page + "/inspection-scheme", "inspection-scheme-form", page,
                "purpose", "保留的检查目的", "visitDate", "2001-01-01");
        String form = section(scheme, "value=\"inspection-scheme-form\"");
        assertThat(form).contains(">保留的检查目的</textarea>").contains("value=\"2001-01-01\"");
        assertThat(fieldError(form, "visitDate")).contains("2001-01-01");
    }

    @Test
    void a_profile_with_a_wrong_number_comes_back_with_the_checkboxes_and_the_competence_rows_kept() {
        long schemer = fx.userId("schemer");
        String page = "/personnel/" + schemer;
        String html = refused("evaluator", page, "profile-form", page, "fullTime", "true", "experienceYears", "五年",
                "qualifications", "CCAA_REGISTERED", "ccaaRegistrationNo", "KEEP-CCAA",
                "field", "PV13", "level", "EXPERT", "trained", "0", "examPassed", "0", "projects", "2");
        String form = section(html, "value=\"profile-form\"");
        assertThat(form).contains("value=\"五年\"").contains("value=\"KEEP-CCAA\"");
        // the competence table's first row comes back as it was sent (issue 8 item 13: a table, not CSV lines)
        String firstRow = form.substring(form.indexOf("class=\"competence-row\""), form.indexOf("class=\"competence-row\"",
                form.indexOf("class=\"competence-row\"") + 1));
        assertThat(firstRow).contains("value=\"PV13\" selected=\"selected\"").contains("value=\"EXPERT\" selected=\"selected\"")
                .contains("value=\"2\"").containsPattern("name=\"trained\" value=\"0\"[^>]*checked=\"checked\"")
                .containsPattern("name=\"examPassed\" value=\"0\"[^>]*checked=\"checked\"");
        assertThat(form).containsPattern("name=\"fullTime\" value=\"true\"[^>]*checked=\"checked\"");
        assertThat(form).containsPattern("name=\"qualifications\" value=\"CCAA_REGISTERED\"[^>]*checked=\"checked\"");
        assertThat(fieldError(form, "experienceYears")).contains("整数");
    }

    @Test
    void calendar_and_token_forms_come_back_to_their_page() {
        String calendar = refused("admin", "/calendar/day", "day-form", "/calendar?year=2026",
                "date", "2026-02-30", "kind", "WORKDAY", "name", "保留的说明");
        String form = section(calendar, "value=\"day-form\"");
        assertThat(form).contains("value=\"保留的说明\"").contains("value=\"WORKDAY\" selected=\"selected\"");
        assertThat(fieldError(form, "date")).contains("yyyy-mm-dd");

        // a search form (GET): back to the page it was on, the bad date next to its field; the page's own address
        // carries no markers, so a second try does not pile them up
        HttpResponse<String> calc = http.send("GET", "/calendar?_form=calc-form&_page=%2Fcalendar%3Fyear%3D2026&year=2026"
                + "&from=2026-02-30&days=3", "pm", null, null, Map.of("Referer", http.base() + "/calendar?year=2026"));
        assertThat(calc.statusCode()).as(calc.body()).isEqualTo(303);
        assertThat(calc.headers().firstValue("Location").orElseThrow()).endsWith("/calendar?year=2026");
        String calcPage = http.follow(calc, "pm").body();
        String calcForm = section(calcPage, "value=\"calc-form\"");
        assertThat(calcForm).contains("id=\"refusal-reasons\"").contains("value=\"2026-02-30\"").contains("value=\"3\"")
                .contains("name=\"_page\" value=\"/calendar?year=2026\"");
        assertThat(fieldError(calcForm, "from")).contains("yyyy-mm-dd");
        // the same address again (a reload) is the error page, not a loop
        HttpResponse<String> reload = http.send("GET", "/calendar?_form=calc-form&year=2026&from=2026-02-30&days=3", "pm", null, null,
                Map.of("Referer", http.base() + "/calendar?_form=calc-form&year=2026&from=2026-02-30&days=3"));
        assertThat(reload.statusCode()).isEqualTo(400);

        String token = refused("pm", "/tokens", "token-form", "/tokens", "label", " ");
        assertThat(section(token, "value=\"token-form\"")).contains("请填写 1-100 字的用途说明");
        // issue 8 item 3: the validity is refused at its field, the scope chosen and the days typed kept
        String days = refused("pm", "/tokens", "token-form", "/tokens", "label", "ci", "scope", "READ", "days", "400");
        String tokenForm = section(days, "value=\"token-form\"");
        assertThat(fieldError(tokenForm, "days")).contains("有效期“400”无效：请填写 1-365 之间的天数");
        assertThat(tokenForm).contains("value=\"400\"").contains("value=\"ci\"").containsPattern("value=\"READ\"\\s+selected");
    }

    @Test
    void an_upload_form_without_a_name_comes_back_with_the_case_kept_but_never_the_file() {
        long org = fx.clientOrg("client-motor");
        TestHttp.Multipart m = new TestHttp.Multipart().field("_form", "evidence-form").field("_page", "/evidence?org=" + org)
                .field("org", String.valueOf(org)).field("caseRef", "KEEP-CASE").file("file", "x.pdf", CaseFixture.PDF);
        HttpResponse<String> r = http.send("POST", "/evidence", "client-motor", m.contentType(), m.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String html = http.follow(r, "client-motor").body();
        String form = section(html, "value=\"evidence-form\"");
        assertThat(form).contains("value=\"KEEP-CASE\"").doesNotContain("%PDF");
        assertThat(fieldError(form, "name")).contains("name");
        // staff see several organisations: the choice is a plain form with a button (no script, which the CSP blocks)
        assertThat(http.send("GET", "/evidence", "pm").body()).contains("id=\"choose-org\"").doesNotContain("onchange");
    }

    static String query(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
