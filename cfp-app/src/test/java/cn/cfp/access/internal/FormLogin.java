package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One browser-like client: its own cookies (session), the CSRF token read from each page, no redirects followed. */
final class FormLogin {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    FormLogin(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Logs in through the form like a browser and returns the redirect target. */
    String login(String username, String password) throws Exception {
        return post("/login", "/login", "username=" + enc(username) + "&password=" + enc(password)).headers()
                .firstValue("Location").orElseThrow();
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a GET of {@code path} leads: its own path when answered 200, else the redirect target. */
    String landing(String path) throws Exception {
        HttpResponse<String> r = get(path);
        return r.statusCode() == 200 ? path : r.statusCode() + " " + r.headers().firstValue("Location").orElse("").replace(base, "");
    }

    /** Posts a form from {@code page} (whose CSRF token it carries). */
    HttpResponse<String> post(String page, String path, String form) throws Exception {
        String html = get(page).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("%s carries a CSRF token", page).isTrue();
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", base + page)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(m.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
