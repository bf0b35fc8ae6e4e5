package cn.cfp.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.TestHttp;
import cn.cfp.shared.Hashes;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 items 9 and 2, on the embedded default database in a real platform process:
 * <ul>
 *   <li>every application and upload answered 201 is still there after a {@code kill -9} right after the answers, with
 *       its reference, its file content and its audit record; the audit chain verifies; a reference is never issued
 *       again;</li>
 *   <li>the database listens on the loopback address only, needs the generated password, the data directory is
 *       owner-only, and {@code cfp audit verify} works while the platform runs.</li>
 * </ul>
 */
class ConfirmedWritesSurviveKillTest {

    static final String CLIENT = "client-furniture";
    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void confirmed_applications_and_uploads_survive_kill_9_and_no_reference_is_issued_twice() throws Exception {
        Path data = tmp.resolve("data");
        Map<Long, String> references = new LinkedHashMap<>();
        Map<Long, byte[]> uploads = new LinkedHashMap<>();
        String token;
        try (PlatformProcess platform = new PlatformProcess(data).start()) {
            assertThat(platform.output()).as("issue 8 item 18: the address printed follows --server.port")
                    .contains("CFP is running at http://localhost:" + platform.port);
            token = insertToken(data, CLIENT);
            long org = call(platform, token, "GET", "/api/parties", null, null, 200).get(0).get("organisation").get("id").asLong();

            the_database_is_reachable_on_the_loopback_address_only_with_the_generated_password(data);

            for (int i = 0; i < 6; i++) {
                JsonNode app = call(platform, token, "POST", "/api/applications", "application/json",
                        json.writeValueAsBytes(Map.of("scheme", "CEC-FURNITURE", "form", Map.of())), 201);
                references.put(app.get("id").asLong(), app.get("reference").asString());
                byte[] pdf = ("%PDF-1.4\n% kill test " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
                TestHttp.Multipart m = new TestHttp.Multipart().file("file", "evidence-" + i + ".pdf", pdf);
                JsonNode file = call(platform, token, "POST", "/api/evidence?org=" + org + "&caseRef=KILL-" + i + "&name=doc" + i,
                        m.contentType(), m.body(), 201);
                uploads.put(file.get("id").asLong(), pdf);
            }
            platform.killNine(); // at once after the last 201
        }

        try (PlatformProcess again = new PlatformProcess(data).start()) {
            for (var e : references.entrySet()) {
                JsonNode app = call(again, token, "GET", "/api/applications/" + e.getKey(), null, null, 200).get("application");
                assertThat(app.get("reference").asString()).as("application %d", e.getKey()).isEqualTo(e.getValue());
            }
            for (var e : uploads.entrySet()) {
                HttpResponse<byte[]> r = http.send(request(again, token, "GET", "/api/evidence/" + e.getKey() + "/content", null, null),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as("evidence %d", e.getKey()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(e.getValue());
            }
            PlatformProcess.CommandResult verify = again.command("audit", "verify");
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("audit chain intact");

            JsonNode next = call(again, token, "POST", "/api/applications", "application/json",
                    json.writeValueAsBytes(Map.of("scheme", "CEC-FURNITURE", "form", Map.of())), 201);
            assertThat(references.values()).doesNotContain(next.get("reference").asString());
            assertThat(next.get("reference").asString()).isGreaterThan(references.values().stream().max(String::compareTo).orElseThrow());

            the_data_directory_is_owner_only(data);
            again.stop();
            assertThat(data.resolve("db/server.properties")).as("the listener's address is removed at shutdown").doesNotExist();
        }
    }

    private void the_database_is_reachable_on_the_loopback_address_only_with_the_generated_password(Path data) throws Exception {
        Properties server = serverFile(data);
        int port = Integer.parseInt(server.getProperty("port"));
        String url = server.getProperty("url");
        assertThat(url).startsWith("jdbc:h2:tcp://127.0.0.1:" + port + "/");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .as("the empty password of H2's default user no longer opens the database").isInstanceOf(SQLException.class);
        Optional<InetAddress> outward = nonLoopbackAddress();
        if (outward.isPresent()) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress(outward.get(), port), 2000))
                        .as("the listener is not reachable on %s", outward.get()).isInstanceOf(IOException.class);
            }
        }
        try (Connection c = DriverManager.getConnection(url, "sa", credentials(data))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    private void the_data_directory_is_owner_only(Path data) throws IOException {
        if (!DataDirectory.posix()) {
            return;
        }
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> all = Files.walk(data)) {
            all.forEach(p -> {
                try {
                    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    boolean dir = Files.isDirectory(p);
                    boolean inDbOrEvidence = p.startsWith(data.resolve("db")) || p.startsWith(data.resolve("evidence"));
                    if (dir ? !perms.equals("rwx------") : inDbOrEvidence && !perms.equals("rw-------")) {
                        wrong.add(data.relativize(p) + " " + perms);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(wrong).as("directories 0700, database and evidence files 0600").isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db/credentials")))).isEqualTo("rw-------");
    }

    /** An API token for a demo user, written through the running platform's loopback listener. */
    private String insertToken(Path data, String username) throws Exception {
        String token = "cfp_killtest" + System.nanoTime();
        Properties server = serverFile(data);
        try (Connection c = DriverManager.getConnection(server.getProperty("url"), "sa", credentials(data));
             var s = c.prepareStatement("INSERT INTO api_token (user_id, label, token_hash, created_at, scope, expires_at) "
                     + "SELECT id, 'kill -9 test', ?, CURRENT_TIMESTAMP, 'WORKFLOW', CURRENT_TIMESTAMP + INTERVAL '1' DAY "
                     + "FROM app_user WHERE username = ?")) {
            s.setString(1, Hashes.sha256Hex(token));
            s.setString(2, username);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        return token;
    }

    private static Properties serverFile(Path data) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("db/server.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static String credentials(Path data) throws IOException {
        return Files.readString(data.resolve("db/credentials")).strip();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }

    private HttpRequest request(PlatformProcess p, String token, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(p.base() + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    private JsonNode call(PlatformProcess p, String token, String method, String path, String contentType, byte[] body, int expected)
            throws Exception {
        HttpResponse<String> r = http.send(request(p, token, method, path, contentType, body), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(expected);
        return json.readTree(r.body());
    }
}
