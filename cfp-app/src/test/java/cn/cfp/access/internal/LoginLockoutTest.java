package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Form login with CSRF, bcrypt hashes, and lock-out after repeated failures. */
@CfpIntegrationTest
class LoginLockoutTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_password_until_an_admin_unlocks_it() throws Exception {
        long id = users.create("test", "lockme", "Lock Me", "correct-horse-1", Set.of(Role.INSPECTOR), null);
        for (int i = 0; i < 5; i++) {
            assertThat(login("lockme", "wrong-password")).endsWith("/login?error");
        }
        assertThat(login("lockme", "correct-horse-1")).endsWith("/login?locked");
        assertThat(users.get(id).lockedUntil()).isNotNull();

        users.unlock("admin", id);
        assertThat(login("lockme", "correct-horse-1")).endsWith("/mywork");
    }

    @Test
    void four_failures_then_a_success_reset_the_count() throws Exception {
        long id = users.create("test", "resetme", "Reset Me", "correct-horse-2", Set.of(Role.INSPECTOR), null);
        for (int i = 0; i < 4; i++) {
            login("resetme", "nope-nope-nope");
        }
        assertThat(users.get(id).failedAttempts()).isEqualTo(4);
        assertThat(login("resetme", "correct-horse-2")).endsWith("/mywork");
        assertThat(users.get(id).failedAttempts()).isZero();
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_never_in_clear() {
        users.create("test", "hashme", "Hash Me", "correct-horse-3", Set.of(Role.VERIFIER), null);
        String stored = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'hashme'").query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("correct-horse-3");
        assertThat(encoder.matches("correct-horse-3", stored)).isTrue();
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=cfp-demo-2026")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    /** Logs in through the form like a browser (CSRF token from the page) and returns the redirect target. */
    private String login(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("login page carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
