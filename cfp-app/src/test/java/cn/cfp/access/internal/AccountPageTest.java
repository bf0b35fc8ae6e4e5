package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.UserDirectory;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Issue 8 item 16: every person sets their own e-mail address and language on /account; a bad address comes back in words. */
@CfpIntegrationTest
class AccountPageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserDirectory users;

    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, userDetails, tokens);
        fx = new CaseFixture(context);
    }

    private HttpResponse<String> post(String user, String email, String language) {
        String body = "_form=account-form&_page=%2Faccount&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&language=" + language;
        return http.send("POST", "/account", user, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_person_sets_their_own_address_and_language_and_a_bad_address_comes_back_with_the_reason() {
        String client = fx.newClient("account-" + UUID.randomUUID().toString().substring(0, 8));
        HttpResponse<String> page = http.send("GET", "/account", client);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("我的账户").contains("id=\"account-email\"");

        HttpResponse<String> bad = post(client, "zhang san@example", "zh");
        assertThat(bad.statusCode()).isEqualTo(303);
        String back = http.follow(bad, client).body();
        assertThat(back).contains("电子邮箱“zhang san@example”格式不正确").contains("value=\"zhang san@example\"");
        assertThat(users.get(fx.userId(client)).email()).isNull();

        HttpResponse<String> ok = post(client, "zhang.san@example.com", "en");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(users.get(fx.userId(client)).email()).isEqualTo("zhang.san@example.com");
        assertThat(users.get(fx.userId(client)).language()).isEqualTo("en");
        // a person changes only their own account: the form has no user to name
        assertThat(users.get(fx.userId("client-motor")).email()).isNotEqualTo("zhang.san@example.com");
    }
}
