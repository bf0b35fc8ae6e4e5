package cn.cfp.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.shared.Refusal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 item 6: a client registering its manufacturer learns nothing about whether the company is already a
 * customer of the body (the demo furniture maker's credit code 91330100MA27ABC34B) or named by another client; only its
 * own earlier registration of the same code is pointed out. The body's own onboarding still refuses a duplicate.
 */
@CfpIntegrationTest
class PartyRegistryPrivacyTest {

    static final String FURNITURE_CODE = "91330100MA27ABC34B";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;

    TestHttp http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    HttpResponse<String> register(String client, String code) {
        byte[] body = json.writeValueAsBytes(Map.of("name", "代工厂 " + code, "creditCode", code, "address", "工业园 8 号",
                "legalRepresentative", "王五", "contactName", "赵六", "contactPhone", "0571-12345678"));
        return http.send("POST", "/api/parties", client, "application/json", body);
    }

    @Test
    void a_customers_credit_code_registered_by_another_client_is_accepted_like_any_other_and_reveals_nothing() {
        HttpResponse<String> known = register("client-motor", FURNITURE_CODE);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(201);
        assertThat(known.body()).doesNotContain("森雅").doesNotContain("registered");

        HttpResponse<String> again = register("client-motor", FURNITURE_CODE);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("party.creditCode.alreadyYours").contains("您已登记过");
    }

    @Test
    void the_bodys_own_onboarding_still_refuses_a_credit_code_it_already_has() {
        assertThatThrownBy(() -> organisations.registerClient("admin", new ClientRegistration("重复企业", null, FURNITURE_CODE,
                "地址", "法人", "联系人", "123"), null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reasons()).extracting(x -> x.code())
                        .containsExactly("party.creditCode.registered"));
    }
}
