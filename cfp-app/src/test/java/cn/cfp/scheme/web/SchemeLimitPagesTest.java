package cn.cfp.scheme.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Decision D1 (corrections, C-3): the scheme pages and the API show the body value, the national value and
 * the value applied, with both clauses.
 */
@CfpIntegrationTest
class SchemeLimitPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    @Test
    void the_cnex_page_shows_3_years_of_001_the_national_2_years_and_applies_2() {
        HttpResponse<String> zh = http.send("GET", "/schemes/CNEX-01-G", "inspector");
        assertThat(zh.statusCode()).isEqualTo(200);
        String row = zh.body().substring(zh.body().indexOf("data-parameter=\"validityYears\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data-limit=\"AT_MOST\"").contains("data-applied=\"true\"")
                .contains("本机构规则: 3 年 [001 §12.1]").contains("国家规则: 2 年 [000 §9.1.1]").contains("适用值: 2 年");
        HttpResponse<String> en = http.send("GET", "/schemes/CNEX-01-G?lang=en", "inspector");
        assertThat(en.body()).contains("body rule: 3 years [001 §12.1]").contains("national rule: 2 years [000 §9.1.1]")
                .contains("applied: 2 years");
    }

    @Test
    void the_api_gives_the_cgc_suspension_cap_of_000_where_003_delegates_to_a_document_not_in_the_seed() {
        HttpResponse<String> r = http.send("GET", "/api/schemes/CGC-R52003", "inspector");
        assertThat(r.statusCode()).isEqualTo(200);
        String s = r.body().substring(r.body().indexOf("\"suspensionMaxMonths\""));
        s = s.substring(0, s.indexOf("\"statusActionWorkingDays\""));
        assertThat(s).contains("\"value\":3").contains("\"kind\":\"AT_MOST\"").contains("\"bodyValue\":null")
                .contains("\"baseValue\":3").contains("\"baseCite\":\"000 §9.1.5\"").contains("\"applied\":true");
    }
}
