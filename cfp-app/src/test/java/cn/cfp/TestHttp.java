package cn.cfp;

import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.TokenScope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Real HTTP calls against the running test server, authenticated with API tokens of demo users. */
public final class TestHttp {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final UserDetailsService users;
    private final ApiTokens tokens;
    private final Map<String, String> tokenByUser = new HashMap<>();

    public TestHttp(int port, UserDetailsService users, ApiTokens tokens) {
        this.base = "http://localhost:" + port;
        this.users = users;
        this.tokens = tokens;
    }

    public String base() {
        return base;
    }

    /**
     * The user's test token: ADMIN scope (the token can do all its owner's roles allow) and the longest validity, so
     * tests that move the clock on (100 days, 13 months) keep their tokens.
     */
    public String tokenOf(String username) {
        return tokenByUser.computeIfAbsent(username, u -> mint(u, TokenScope.ADMIN, ApiTokens.MAX_DAYS));
    }

    /** A new token of the user with this scope and validity (not cached). */
    public String mint(String username, TokenScope scope, int days) {
        return tokens.create((CfpPrincipal) users.loadUserByUsername(username), "test " + UUID.randomUUID(), scope, days);
    }

    /** Sends a request with this bearer token (null: none). */
    public HttpResponse<String> sendWithToken(String method, String path, String token, String contentType, byte[] body) {
        return send(method, path, null, contentType, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** Sends a request; {@code username} null means anonymous. */
    public HttpResponse<String> send(String method, String path, String username) {
        return send(method, path, username, null, null);
    }

    public HttpResponse<String> send(String method, String path, String username, String contentType, byte[] body) {
        return send(method, path, username, contentType, body, Map.of());
    }

    /** A request with further headers (e.g. {@code Referer}, {@code Cookie}, {@code Accept}). */
    public HttpResponse<String> send(String method, String path, String username, String contentType, byte[] body,
                                     Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        if (username != null) {
            b.header("Authorization", "Bearer " + tokenOf(username));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Follows a redirect as a browser does: GET its {@code Location} with the session cookie the response set (a refused
     * form's reasons travel to the next page in the session).
     */
    public HttpResponse<String> follow(HttpResponse<String> redirect, String username) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("not a redirect: " + redirect.statusCode()));
        String path = location.startsWith(base) ? location.substring(base.length()) : location;
        Map<String, String> headers = new HashMap<>();
        redirect.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, c) -> a + "; " + c).ifPresent(c -> headers.put("Cookie", c));
        return send("GET", path, username, null, null, headers);
    }

    public HttpResponse<byte[]> sendForBytes(String path, String username) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (username != null) {
            b.header("Authorization", "Bearer " + tokenOf(username));
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data body with text fields and one file. */
    public static final class Multipart {
        private final String boundary = "----cfp" + UUID.randomUUID();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        public Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        public Multipart file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] body() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
