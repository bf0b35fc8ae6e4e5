package cn.cfp.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The staff page {@code /numbering} and the admin page {@code /admin/product-codes} [R-CERT-2, decision D2]: Chinese by
 * default, English with {@code ?lang=en}; the submission and confirmed-number forms; a refused form comes back to the
 * page (303) with its reasons in words beside the field.
 */
@CfpIntegrationTest
class NumberingPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Numbers numbers;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    cn.cfp.cases.Cases cases;

    TestHttp http;
    cn.cfp.CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new cn.cfp.CaseFixture(context);
    }

    HttpResponse<String> form(String path, String page, String user, String formId, String... fields) {
        StringBuilder b = new StringBuilder("_form=" + formId + "&_page=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            b.append('&').append(fields[i]).append('=').append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.send("POST", path, user, "application/x-www-form-urlencoded", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_page_lists_requests_records_the_submission_and_takes_the_confirmed_number_refusing_in_words() {
        LocalDate today = LocalDate.now(clock);
        long app = 6_600_001;
        CertificateNumbers.NumberView v = numbers.prepare(new CertificateNumbers.NumberRequest(app, "PAGE-TEST-1", "CGC-R52003", "301",
                today, Map.of("产品名称", "数控机床")));
        HttpResponse<String> page = http.send("GET", "/numbering?size=200", "pm");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("证书编号").contains(v.provisionalReference()).contains("待报送").contains("机械（演示代码）")
                .contains("id=\"submit-" + app + "\"").contains("/api/numbering/" + app + "/package.xlsx");
        String en = http.send("GET", "/numbering?lang=en&size=200", "pm").body();
        assertThat(en).contains("Certificate numbers").contains("To be submitted").doesNotContain("待报送");
        // a reviewer sees the list but no forms
        assertThat(http.send("GET", "/numbering?size=200", "reviewer").body()).contains(v.provisionalReference()).doesNotContain("id=\"submit-" + app + "\"");

        // the forms, on a real case (the access table checks the case relation)
        long real = fx.accepted("client-motor", "CNCA-CFP-00", "PV13", 150, null);
        String ref = cases.require(real).reference();
        numbers.prepare(new CertificateNumbers.NumberRequest(real, ref, "CNCA-CFP-00", "101", today, Map.of("产品名称", "电机")));
        String fs = "submit-" + real;
        HttpResponse<String> refused = form("/numbering/" + real + "/submission", "/numbering", "pm", fs,
                "submittedOn", today.toString(), "channel", "");
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(http.follow(refused, "pm").body()).contains("refusal-reasons").contains("请填写报送渠道");
        assertThat(numbers.of(real).state()).isEqualTo(CertificateNumbers.State.REQUESTED);
        HttpResponse<String> ok = form("/numbering/" + real + "/submission", "/numbering", "pm", fs,
                "submittedOn", today.toString(), "channel", "国家认监委信息平台", "note", "");
        assertThat(ok.statusCode()).isIn(302, 303);
        assertThat(numbers.of(real).state()).isEqualTo(CertificateNumbers.State.SUBMITTED);
        String fc = "confirm-" + real;
        assertThat(http.send("GET", "/numbering?size=200", "pm").body()).contains("id=\"" + fc + "\"").contains("国家认监委信息平台");
        HttpResponse<String> wrong = form("/numbering/" + real + "/confirmed", "/numbering", "pm", fc,
                "number", "CFP-F045-" + today.getYear() + "-101-0031");
        assertThat(wrong.statusCode()).isEqualTo(303);
        assertThat(http.follow(wrong, "pm").body()).contains("证书编号中的认证机构识别码应为本机构的 0123，填写的是 F045")
                .contains("data-field=\"number\"");
        String good = "CFP-0123-" + today.getYear() + "-101-0031";
        HttpResponse<String> confirmed = form("/numbering/" + real + "/confirmed", "/numbering", "preparer", fc, "number", good);
        assertThat(confirmed.statusCode()).isIn(302, 303);
        assertThat(numbers.number(real)).contains(good);
        assertThat(http.send("GET", "/numbering?size=200", "pm").body()).contains(good).contains("已确认");
    }

    @Test
    void the_admin_page_lists_the_product_codes_and_a_bad_file_comes_back_with_line_numbers() {
        HttpResponse<String> page = http.send("GET", "/admin/product-codes", "admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("产品代码").contains("电机（演示代码）").contains("id=\"codes-form\"");
        assertThat(http.send("GET", "/admin/product-codes?lang=en", "admin").body()).contains("Product codes")
                .contains("Electric motors (demo code)").doesNotContain("电机（演示代码）");
        assertThat(http.send("GET", "/admin/product-codes", "pm").statusCode()).isEqualTo(403);

        TestHttp.Multipart bad = new TestHttp.Multipart().field("_form", "codes-form").field("_page", "/admin/product-codes")
                .file("file", "codes.csv", "code,name_zh,name_en\n12,短,short\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send("POST", "/admin/product-codes", "admin", bad.contentType(), bad.body());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(http.follow(refused, "admin").body()).contains("refusal-reasons").contains("第 2 行的代码“12”不是 3 位数字");

        TestHttp.Multipart good = new TestHttp.Multipart().field("_form", "codes-form").field("_page", "/admin/product-codes")
                .file("file", "codes.csv", "911,页面测试（演示代码）,Page test (demo code)\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> ok = http.send("POST", "/admin/product-codes", "admin", good.contentType(), good.body());
        assertThat(ok.statusCode()).isIn(302, 303);
        assertThat(http.follow(ok, "admin").body()).contains("已导入：新增 1 个，更新 0 个").contains("页面测试（演示代码）");
    }
}
