package cn.cfp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.application.Applications;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 item 16: the in-app list with its unread count over the API, marking one and all read, the count in every
 * page's header — and a person reads and marks only their own notifications.
 */
@CfpIntegrationTest
class NotificationsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Applications applications;

    final JsonMapper json = JsonMapper.builder().build();
    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, userDetails, tokens);
        fx = new CaseFixture(context);
    }

    /** A fresh client company whose application the project manager asked to supplement (twice: two notifications). */
    private long supplementRequested(String client) {
        long app = fx.submitted(client, "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        post("/api/applications/" + app + "/supplement", "pm", "{\"note\":\"请补充产品工艺流程图\",\"dueOn\":\"2099-01-31\"}", 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> total(client) == 1);
        return app;
    }

    @Test
    void the_list_and_unread_count_come_in_the_readers_language_and_marking_read_counts_down() {
        String client = fx.newClient("inbox-" + UUID.randomUUID().toString().substring(0, 8));
        long app = supplementRequested(client);
        String reference = applications.get(app).reference();

        HttpResponse<String> list = http.send("GET", "/api/notifications", client);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(list.headers().firstValue("X-Unread-Count")).contains("1");
        JsonNode n = json.readTree(list.body()).get(0);
        assertThat(n.get("kind").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(n.get("title").asString()).isEqualTo("请补充资料：认证申请 " + reference);   // Chinese by default
        assertThat(n.get("text").asString()).isEqualTo("认证机构在评审认证申请 " + reference
                + " 时要求补充：请补充产品工艺流程图。请于 2099-01-31 前补充后重新提交。");
        assertThat(n.get("link").asString()).isEqualTo("/applications/" + app);
        assertThat(n.get("read").asBoolean()).isFalse();
        JsonNode en = json.readTree(http.send("GET", "/api/notifications?lang=en", client).body()).get(0);
        assertThat(en.get("title").asString()).isEqualTo("Please supplement application " + reference);
        assertThat(en.get("text").asString()).isEqualTo("Reviewing application " + reference
                + ", the certification body asks for: 请补充产品工艺流程图. Please supplement it and submit again by 2099-01-31.");
        assertThat(unread(client)).isEqualTo(1);

        long id = n.get("id").asLong();
        JsonNode read = post("/api/notifications/" + id + "/read", client, null, 200);
        assertThat(read.get("read").asBoolean()).isTrue();
        assertThat(unread(client)).isZero();
        post("/api/notifications/" + id + "/read", client, null, 200);   // again: nothing changes
        assertThat(unread(client)).isZero();
        assertThat(total(client)).isEqualTo(1);
    }

    @Test
    void a_person_cannot_read_or_mark_another_persons_notification() {
        String owner = fx.newClient("owner-" + UUID.randomUUID().toString().substring(0, 8));
        String other = fx.newClient("other-" + UUID.randomUUID().toString().substring(0, 8));
        supplementRequested(owner);
        long id = json.readTree(http.send("GET", "/api/notifications", owner).body()).get(0).get("id").asLong();

        assertThat(total(other)).isZero();   // the other's list does not hold it
        HttpResponse<String> mark = http.send("POST", "/api/notifications/" + id + "/read", other);
        assertThat(mark.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(mark.body()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("notification.notFound");
        assertThat(error.get("message").asString()).isEqualTo("您没有编号为 " + id + " 的通知");
        // staff too: a project manager cannot mark a client's notification
        assertThat(http.send("POST", "/api/notifications/" + id + "/read", "pm").statusCode()).isEqualTo(404);
        // the page's "open" of another's notification neither marks it nor reveals its link
        HttpResponse<String> open = http.send("POST", "/notifications/" + id + "/open", other);
        assertThat(open.statusCode()).isEqualTo(404);
        assertThat(open.headers().firstValue("Location")).isEmpty();
        // marking all read marks only one's own
        post("/api/notifications/read-all", other, null, 200);
        assertThat(unread(owner)).isEqualTo(1);
    }

    @Test
    void the_unread_count_shows_in_the_header_of_every_page_and_the_list_page_opens_the_page_to_act_on() {
        String client = fx.newClient("header-" + UUID.randomUUID().toString().substring(0, 8));
        long first = supplementRequested(client);
        long second = fx.submitted(client, "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        post("/api/applications/" + second + "/supplement", "pm", "{\"note\":\"请补充检测报告\"}", 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> total(client) == 2);

        for (String page : new String[] {"/mywork", "/schemes", "/applications/" + first, "/notifications"}) {
            HttpResponse<String> r = http.send("GET", page, client);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("id=\"notifications-link\"").containsPattern("id=\"unread-count\"[^>]*>2</span>");
        }
        HttpResponse<String> list = http.send("GET", "/notifications", client);
        assertThat(list.body()).contains("请补充资料：认证申请 " + applications.get(first).reference())
                .contains("请补充资料：认证申请 " + applications.get(second).reference());
        // opening one marks it read and goes to the page to act on
        long firstId = json.readTree(http.send("GET", "/api/notifications", client).body()).valueStream()
                .filter(x -> x.get("link").asString().equals("/applications/" + first)).findFirst().orElseThrow().get("id").asLong();
        HttpResponse<String> open = http.send("POST", "/notifications/" + firstId + "/open", client);
        assertThat(open.statusCode()).isEqualTo(302);
        assertThat(open.headers().firstValue("Location").orElseThrow()).endsWith("/applications/" + first);
        assertThat(http.send("GET", "/mywork", client).body()).containsPattern("id=\"unread-count\"[^>]*>1</span>");
        // "mark all read" on the list page: no count left in the header
        HttpResponse<String> all = http.send("POST", "/notifications/read-all", client);
        assertThat(all.statusCode()).isEqualTo(302);
        assertThat(unread(client)).isZero();
        assertThat(http.send("GET", "/mywork", client).body()).contains("id=\"notifications-link\"").doesNotContain("id=\"unread-count\"");
    }

    private JsonNode post(String path, String user, String body, int status) {
        HttpResponse<String> r = http.send("POST", path, user, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        return r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
    }

    private long unread(String user) {
        HttpResponse<String> r = http.send("GET", "/api/notifications/unread-count", user);
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body()).get("unread").asLong();
    }

    private long total(String user) {
        return Long.parseLong(http.send("GET", "/api/notifications", user).headers().firstValue("X-Total-Count").orElseThrow());
    }
}
