package cn.cfp.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.access.PasswordPolicy;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 8: a plain start (like {@code java -jar}, without {@code ./cfp serve}'s demo switch) loads no demo data
 * and is no dead end: the first administrator gets a one-time password in an owner-only file, must change it at the
 * first login, and the published demo password opens nothing.
 */
class ProductionStartTest {

    @TempDir
    Path tmp;

    @Test
    void a_plain_start_has_no_demo_users_and_a_first_administrator_who_must_change_the_one_time_password() throws Exception {
        Path data = tmp.resolve("data");
        try (PlatformProcess platform = new PlatformProcess(data, false).start()) {
            Path file = data.resolve("initial-admin-password");
            assertThat(file).exists();
            if (DataDirectory.posix()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            String password = Files.readString(file).strip();
            assertThat(platform.output()).doesNotContain(password).doesNotContain("client-motor");

            assertThat(login(platform, "pm", PasswordPolicy.DEMO_PASSWORD)).as("no demo users").endsWith("/login?error");
            assertThat(login(platform, "admin", PasswordPolicy.DEMO_PASSWORD)).endsWith("/login?error");
            assertThat(login(platform, "admin", password)).endsWith("/account/password");
        }
    }

    private static String login(PlatformProcess platform, String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(platform.base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(platform.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Location").orElse(r.statusCode() + "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
