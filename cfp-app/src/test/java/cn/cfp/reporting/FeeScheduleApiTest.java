package cn.cfp.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.Actor;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Refusal;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-PUB-4 [000 §10; 001 §16; 002 §9; 003 ¶97]: the body's fee schedule on a public page anybody can open; an
 * administrator saves a new version (audited), the old one stays in the history; anyone else is refused in words; a save
 * on a stale version is refused (409).
 */
@CfpIntegrationTest
class FeeScheduleApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    FeeSchedules fees;
    @Autowired
    AuditTrail audit;
    @Autowired
    java.time.Clock clock;

    TestHttp http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    @Test
    void the_public_fee_page_shows_the_current_version_and_an_admin_edit_makes_a_new_version_keeping_the_old_in_history() {
        // the demo data loaded a schedule, labelled as demo values
        FeeSchedule before = fees.current().orElseThrow();
        int base = fees.latest().orElseThrow().version();
        HttpResponse<String> page = http.send("GET", "/fees", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("收费标准").contains(before.items().get(0).nameZh())
                .contains("第 " + before.version() + " 版");
        if (before.demo()) {
            assertThat(page.body()).contains("演示数据");
        }
        HttpResponse<String> en = http.send("GET", "/fees?lang=en", null);
        assertThat(en.body()).contains("Fee schedule").contains(before.items().get(0).nameEn()).doesNotContain("收费项目");

        String body = """
                {"baseVersion": %d, "effectiveOn": "%s", "noteZh": "2027 年收费标准", "noteEn": "Fees 2027",
                 "items": [
                   {"nameZh": "申请受理费", "nameEn": "Application fee", "basis": "PER_APPLICATION", "amountCny": 600},
                   {"nameZh": "现场核查费", "nameEn": "On-site verification", "basis": "PER_MAN_DAY", "amountCny": "3200.5",
                    "noteZh": "差旅另计", "noteEn": "travel at cost"}
                 ]}""".formatted(base, before.effectiveOn());
        HttpResponse<String> saved = http.send("POST", "/api/admin/fees", "admin", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode v = json.readTree(saved.body());
        int next = base + 1;
        assertThat(v.get("version").asInt()).isEqualTo(next);
        assertThat(v.get("demo").asBoolean()).isFalse();
        assertThat(v.get("items").get(1).get("amountCny").decimalValue()).isEqualByComparingTo("3200.50");

        // the public page and API show the new version; the old one is still there
        String now = http.send("GET", "/fees", null).body();
        assertThat(now).contains("现场核查费").contains("3,200.50").contains("第 " + next + " 版").doesNotContain("演示数据：以下金额");
        assertThat(now).contains("id=\"fee-version-" + before.version() + "\"").contains("id=\"fee-version-" + next + "\"");
        JsonNode api = json.readTree(http.send("GET", "/api/public/fees", null).body());
        assertThat(api.get("current").get("version").asInt()).isEqualTo(next);
        assertThat(api.get("history").get(0).get("version").asInt()).isEqualTo(next);
        assertThat(api.get("history").findValues("version")).extracting(JsonNode::asInt).contains(before.version());
        assertThat(api.toString()).doesNotContain("savedBy");
        JsonNode old = json.readTree(http.send("GET", "/api/public/fees/" + before.version(), null).body());
        assertThat(old.get("items")).hasSize(before.items().size());
        assertThat(old.get("items").get(0).get("nameZh").asString()).isEqualTo(before.items().get(0).nameZh());
        assertThat(http.send("GET", "/fees?version=" + before.version(), null).body()).contains("不是现行版本")
                .contains(before.items().get(0).nameZh());
        assertThat(audit.forTarget("fee-schedule:" + next)).hasSize(1);

        // a save on the old base: somebody saved first, refused 409 in words
        HttpResponse<String> stale = http.send("POST", "/api/admin/fees", "admin", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("reporting.fees.stale").contains("收费标准已有更新的版本");
    }

    @Test
    void a_non_admin_edit_is_refused_with_403_in_words_and_an_invalid_schedule_is_refused_beside_its_fields() {
        String body = "{\"baseVersion\": 0, \"effectiveOn\": \"2027-01-01\", \"items\": [{\"nameZh\": \"x\", \"nameEn\": \"x\", "
                + "\"basis\": \"PER_YEAR\", \"amountCny\": 1}]}";
        for (String who : List.of("pm", "schemer", "regulator", "client-motor")) {
            HttpResponse<String> r = http.send("POST", "/api/admin/fees", who, "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(who).isEqualTo(403);
            assertThat(r.body()).as(who).contains("\"message\"");
        }
        assertThat(http.send("GET", "/admin/fees", "pm").statusCode()).isEqualTo(403);
        // and the service says so itself, whoever calls it
        Actor pm = new Actor(99, "pm", "项目经理", Set.of(Role.PROJECT_MANAGER), null);
        assertThatThrownBy(() -> fees.save(pm, new FeeScheduleDraft(0, null, null, null, List.of())))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.reasons().get(0).code()).isEqualTo("reporting.fees.notAdmin");
                });

        // the editor's form: a bad amount and a missing English name come back beside the fields (303 to the page)
        int base = fees.latest().orElseThrow().version();
        String ahead = java.time.LocalDate.now(clock).plusDays(30).toString();
        String form = "_form=fees-form&_page=%2Fadmin%2Ffees&baseVersion=" + base + "&effectiveOn=" + ahead
                + "&nameZh=" + enc("证书费") + "&nameEn=&basis=PER_CERTIFICATE&amountCny=abc&noteZh=&noteEn="
                + "&nameZh=&nameEn=&basis=PER_YEAR&amountCny=&noteZh=&noteEn=";
        HttpResponse<String> refused = http.send("POST", "/admin/fees", "admin", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(303);
        String back = http.follow(refused, "admin").body();
        assertThat(back).contains("第 1 行：金额“abc”无效");
        assertThat(fees.latest().orElseThrow().version()).as("nothing saved").isEqualTo(base);

        // the same form, right: saved as a new version, the empty row left out
        String good = form.replace("nameEn=&basis=PER_CERTIFICATE&amountCny=abc", "nameEn=Certificate&basis=PER_CERTIFICATE&amountCny=700");
        HttpResponse<String> saved = http.send("POST", "/admin/fees", "admin", "application/x-www-form-urlencoded",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).isIn(302, 303);
        FeeSchedule latest = fees.latest().orElseThrow();
        assertThat(latest.version()).isEqualTo(base + 1);
        assertThat(latest.items()).extracting(FeeItem::nameZh, FeeItem::amountCny).containsExactly(
                org.assertj.core.groups.Tuple.tuple("证书费", new BigDecimal("700.00")));
        // effective in 30 days: published ahead, the version in force is unchanged until then
        assertThat(fees.upcoming()).map(FeeSchedule::version).contains(base + 1);
        assertThat(http.send("GET", "/fees", null).body()).contains("第 " + (base + 1) + " 版已公布");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
