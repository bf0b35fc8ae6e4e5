package cn.cfp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.TestMail;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.UserDirectory;
import cn.cfp.application.Applications;
import cn.cfp.shared.Paging;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 8 item 16: a real business action over the API ends in an e-mail that the SMTP server (GreenMail, in-process)
 * received — to the right person, with the subject and body of the notification's template in that person's language
 * and the link to the page to act on; and a mail server that is down fails no business action: the e-mail waits in
 * the outbox and follows once the server is back.
 */
@CfpIntegrationTest
class NotificationMailTest {

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
    @Autowired
    Applications applications;
    @Autowired
    Notifications notifications;
    @Autowired
    NotificationRepository repository;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TestMail mail;
    @Autowired
    TestClock clock;

    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, userDetails, tokens);
        fx = new CaseFixture(context);
    }

    @Test
    void appointing_a_team_over_the_api_emails_each_member_in_their_own_language_issue_8_item_16() {
        long app = fx.accepted("client-motor", "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        String reference = applications.get(app).reference();
        String leaderMail = "leader-" + UUID.randomUUID() + "@example.com";
        String verifierMail = "verifier-" + UUID.randomUUID() + "@example.com";
        long leader = fx.userId("inspector");
        long verifier = fx.userId("verifier");
        users.setContact("admin", leader, leaderMail, "en");
        users.setContact("admin", verifier, verifierMail, "zh");
        try {
            HttpResponse<String> r = http.send("PUT", "/api/planning/" + app + "/team", "pm", "application/json",
                    ("{\"field\":\"EXPLOSION_PROOF\",\"members\":[{\"userId\":" + leader + ",\"role\":\"LEADER\"},"
                            + "{\"userId\":" + verifier + ",\"role\":\"VERIFIER\"}]}").getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

            MimeMessage toLeader = awaitOne(leaderMail, "Team appointment");
            assertThat(subject(toLeader)).isEqualTo("Team appointment: case " + reference);
            assertThat(TestMail.text(toLeader))
                    .contains("You were appointed to the team of case " + reference + " as team leader.")
                    .contains("Go to it: http://localhost:8080/planning/" + app)
                    .doesNotContain("检查组");
            assertThat(from(toLeader)).isEqualTo("cfp-test@example.com");

            MimeMessage toVerifier = awaitOne(verifierMail, "检查组任命");
            assertThat(subject(toVerifier)).isEqualTo("检查组任命：认证项目 " + reference);
            assertThat(TestMail.text(toVerifier)).contains("您已被任命为认证项目 " + reference + " 检查组的核查员。")
                    .contains("前往处理：http://localhost:8080/planning/" + app);
            // the in-app notification says the same, in the reader's language of the moment
            NotificationView inApp = notifications.of(fx.who("verifier"), new Paging(0, 200), Locale.ENGLISH).items().stream()
                    .filter(n -> n.kind() == NotificationKind.TEAM_APPOINTED && n.title().contains(reference)).findFirst().orElseThrow();
            assertThat(inApp.title()).isEqualTo("Team appointment: case " + reference);
            assertThat(inApp.text()).contains("as verifier");
            assertThat(inApp.link()).isEqualTo("/planning/" + app);
        } finally {
            users.setContact("admin", leader, null, "zh");
            users.setContact("admin", verifier, null, "zh");
        }
    }

    @Test
    void with_the_mail_server_down_a_supplement_request_succeeds_and_its_email_follows_when_the_server_is_back() {
        String client = fx.newClient("mail-" + UUID.randomUUID().toString().substring(0, 8));
        String address = client + "@example.com";
        users.setContact("admin", fx.userId(client), address, "zh");
        long app = fx.submitted(client, "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        String reference = applications.get(app).reference();
        LocalDate due = LocalDate.now(clock).plusDays(10);

        mail.stop();
        try {
            HttpResponse<String> r = http.send("POST", "/api/applications/" + app + "/supplement", "pm", "application/json",
                    ("{\"note\":\"请补充产品工艺流程图\",\"dueOn\":\"" + due + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("the business action does not depend on the mail server: " + r.body()).isEqualTo(200);
            // told in the application at once; the e-mail tried, failed, and waits for another attempt
            await().atMost(Duration.ofSeconds(20)).until(() -> stored(client).stream()
                    .anyMatch(n -> n.kind() == NotificationKind.SUPPLEMENT_REQUESTED && n.mailAttempts() == 1));
            NotificationRepository.Stored waiting = stored(client).stream()
                    .filter(n -> n.kind() == NotificationKind.SUPPLEMENT_REQUESTED).findFirst().orElseThrow();
            assertThat(waiting.mailState()).isEqualTo(NotificationRepository.MailState.PENDING);
            assertThat(waiting.mailError()).isNotBlank();
            // not yet due again: the retry job leaves it
            assertThat(outbox.sendDue()).isZero();
        } finally {
            mail.start();
        }
        assertThat(mail.to(address)).isEmpty();

        clock.advance(Duration.ofMinutes(2));   // the first retry is due a minute after the failure
        outbox.sendDue();
        List<MimeMessage> received = mail.to(address);
        assertThat(received).hasSize(1);
        assertThat(subject(received.get(0))).isEqualTo("请补充资料：认证申请 " + reference);
        assertThat(TestMail.text(received.get(0)))
                .contains("认证机构在评审认证申请 " + reference + " 时要求补充：请补充产品工艺流程图。请于 " + due + " 前补充后重新提交。")
                .contains("前往处理：http://localhost:8080/applications/" + app);
        NotificationRepository.Stored sent = stored(client).stream()
                .filter(n -> n.kind() == NotificationKind.SUPPLEMENT_REQUESTED).findFirst().orElseThrow();
        assertThat(sent.mailState()).isEqualTo(NotificationRepository.MailState.SENT);
        assertThat(sent.mailAttempts()).isEqualTo(2);
        // sent once: another run of the job sends nothing more
        outbox.sendDue();
        assertThat(mail.to(address)).hasSize(1);
    }

    @Test
    void a_person_without_an_address_is_told_in_the_application_only() {
        String client = fx.newClient("nomail-" + UUID.randomUUID().toString().substring(0, 8));
        long app = fx.submitted(client, "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        HttpResponse<String> r = http.send("POST", "/api/applications/" + app + "/supplement", "pm", "application/json",
                "{\"note\":\"请补充检测报告\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !stored(client).isEmpty());
        assertThat(stored(client)).extracting(NotificationRepository.Stored::mailState)
                .containsOnly(NotificationRepository.MailState.NONE);
    }

    private List<NotificationRepository.Stored> stored(String username) {
        return repository.page(fx.userId(username), new Paging(0, 200)).items();
    }

    private MimeMessage awaitOne(String address, String subjectStart) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.to(address).stream().anyMatch(m -> subject(m).startsWith(subjectStart)));
        List<MimeMessage> all = mail.to(address).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(MimeMessage m) {
        try {
            return m.getFrom()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
