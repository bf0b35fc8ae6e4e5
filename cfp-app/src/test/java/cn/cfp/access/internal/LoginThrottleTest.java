package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.PasswordPolicy;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 8 item 5: failed logins slow the next attempt per account and source address with growing delays; the login
 * page says the same words for an unknown user, a wrong password, a waiting and a disabled account; an administrator
 * lifts the delay; the person's API tokens keep working. Item 8: the demo password opens nothing outside demo mode.
 */
@CfpIntegrationTest
class LoginThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcUserDetailsService details;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApiTokens tokens;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void after_the_free_failures_even_the_right_password_waits_then_works_once_the_delay_has_passed() throws Exception {
        users.create("test", "slowme", "Slow Me", "correct-horse-1", Set.of(Role.INSPECTOR), null);
        FormLogin browser = new FormLogin(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login("slowme", "wrong-password")).endsWith("/login?error");
        }
        assertThat(browser.login("slowme", "correct-horse-1")).as("waiting: refused without looking at the password").endsWith("/login?error");
        clock.advance(Duration.ofSeconds(3)); // the 6th failure (the refused attempt) waits 2 s
        assertThat(browser.login("slowme", "correct-horse-1")).endsWith("/mywork");
    }

    @Test
    void an_unknown_user_a_wrong_password_a_waiting_and_a_disabled_account_read_the_same_words() throws Exception {
        long id = users.create("test", "samewords", "Same Words", "correct-horse-2", Set.of(Role.INSPECTOR), null);
        FormLogin browser = new FormLogin(port);
        String unknown = browser.login("nobody-at-all", "whatever-password");
        String wrong = browser.login("samewords", "wrong-password");
        users.update("admin", id, "Same Words", Set.of(Role.INSPECTOR), null, false);
        String disabled = browser.login("samewords", "correct-horse-2");
        assertThat(java.util.List.of(wrong, disabled)).allMatch(unknown::equals);
        assertThat(unknown).endsWith("/login?error");
        String page = browser.get("/login?error").body();
        assertThat(page).contains("用户名或密码错误").doesNotContain("锁定").doesNotContain("停用");
    }

    @Test
    void an_administrator_lifts_the_delay_and_the_persons_api_token_works_meanwhile() throws Exception {
        long id = users.create("test", "tokenkeeper", "Token Keeper", "correct-horse-3", Set.of(Role.INSPECTOR), null);
        TestHttp api = new TestHttp(port, userDetails, tokens);
        api.tokenOf("tokenkeeper");
        FormLogin attacker = new FormLogin(port);
        for (int i = 0; i < 12; i++) {
            attacker.login("tokenkeeper", "guess-" + i);
        }
        assertThat(api.send("GET", "/api/schemes", "tokenkeeper").statusCode())
                .as("someone else's failed logins do not disable the person's API token").isEqualTo(200);
        FormLogin owner = new FormLogin(port);
        assertThat(owner.login("tokenkeeper", "correct-horse-3")).endsWith("/login?error");
        users.unlock("admin", id);
        assertThat(owner.login("tokenkeeper", "correct-horse-3")).endsWith("/mywork");
    }

    @Test
    void delays_grow_from_one_second_doubling_up_to_the_maximum_and_are_kept_per_source_address() {
        LoginThrottle throttle = new LoginThrottle(java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T08:00:00Z"), ZoneId.of("Asia/Shanghai")), 3, 1);
        assertThat(throttle.delayAfter(2, 3)).isZero();
        assertThat(throttle.delayAfter(3, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(4, 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(8, 3)).isEqualTo(Duration.ofSeconds(32));
        assertThat(throttle.delayAfter(20, 3)).as("capped at the configured minute").isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            throttle.failed("pm", "203.0.113.9");
        }
        assertThat(throttle.waitFor("pm", "203.0.113.9")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("pm", "10.1.2.3")).as("the account holder at another address is not held up").isZero();
        assertThat(throttle.throttledAccounts()).containsExactly("pm");
        throttle.clear("PM");
        assertThat(throttle.waitFor("pm", "203.0.113.9")).isZero();
    }

    @Test
    void one_address_trying_many_accounts_is_slowed_too() {
        LoginThrottle throttle = new LoginThrottle(java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T08:00:00Z"), ZoneId.of("Asia/Shanghai")), 3, 15);
        for (int i = 0; i < 30; i++) {
            throttle.failed("account-" + i, "198.51.100.7");
        }
        assertThat(throttle.waitFor("account-999", "198.51.100.7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("account-999", "198.51.100.8")).isZero();
    }

    @Test
    void the_demo_password_opens_no_account_outside_demo_mode_and_cannot_be_set() {
        users.create("test", "demopw", "Demo Password", PasswordPolicy.DEMO_PASSWORD, Set.of(Role.INSPECTOR), null); // demo mode here
        PasswordPolicy production = new PasswordPolicy(false);
        ThrottledAuthentication outsideDemo = new ThrottledAuthentication(details, encoder, new LoginThrottle(clock, 5, 15), production);
        assertThatThrownBy(() -> outsideDemo.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("demopw", PasswordPolicy.DEMO_PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        ThrottledAuthentication inDemo = new ThrottledAuthentication(details, encoder, new LoginThrottle(clock, 5, 15), new PasswordPolicy(true));
        assertThat(inDemo.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("demopw", PasswordPolicy.DEMO_PASSWORD))
                .isAuthenticated()).isTrue();
        assertThat(production.problems(PasswordPolicy.DEMO_PASSWORD, "password")).extracting(r -> r.code())
                .containsExactly("access.password.demo");
        assertThat(new PasswordPolicy(true).problems(PasswordPolicy.DEMO_PASSWORD, "password")).isEmpty();
        assertThat(production.problems("x".repeat(73), "password")).extracting(r -> r.code()).containsExactly("access.password.tooLong");
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_never_in_clear() {
        users.create("test", "hashme", "Hash Me", "correct-horse-4", Set.of(Role.VERIFIER), null);
        String stored = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'hashme'").query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("correct-horse-4");
        assertThat(encoder.matches("correct-horse-4", stored)).isTrue();
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=cfp-demo-2026")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
