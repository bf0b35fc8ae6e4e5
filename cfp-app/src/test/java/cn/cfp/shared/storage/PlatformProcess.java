package cn.cfp.shared.storage;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The platform started as its own operating-system process on the embedded default database (like {@code java -jar}),
 * so that a test can kill it with SIGKILL and start it again on the same data directory.
 */
final class PlatformProcess implements AutoCloseable {

    final Path dataDir;
    final int port;
    private final Path log;
    private Process process;

    private final boolean demo;

    PlatformProcess(Path dataDir) throws IOException {
        this(dataDir, true);
    }

    /** {@code demo} false: a plain {@code java -jar} start, without the demo switch {@code ./cfp serve} adds. */
    PlatformProcess(Path dataDir, boolean demo) throws IOException {
        this.dataDir = dataDir;
        this.demo = demo;
        this.port = freePort();
        this.log = dataDir.getParent().resolve(dataDir.getFileName() + "-platform.log");
    }

    /** The application's runtime classpath: the test JVM's, without the test classes and test resources. */
    static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    PlatformProcess start() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath(),
                "cn.cfp.CfpApplication", "--server.port=" + port, "--cfp.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        if (demo) {
            cmd.add("--cfp.demo.enabled=true");
            cmd.add("--cfp.demo.cases=false"); // the users only: DemoCasesTest covers the demo cases
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("CFP_") || k.equals("PORT"));
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the platform stopped at start-up:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform did not answer within 3 minutes:\n" + tail());
    }

    String base() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void killNine() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not die on kill -9");
        }
    }

    /** SIGTERM: the graceful shutdown. */
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs a command of the platform ({@code audit verify}) the way {@code ./cfp audit verify} does. */
    CommandResult command(String... words) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", classpath(), "cn.cfp.CfpApplication"));
        cmd.addAll(List.of(words));
        cmd.addAll(List.of("--spring.main.web-application-type=none", "--cfp.demo.enabled=false", "--cfp.embedded-db.client=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--cfp.data-dir=" + dataDir));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CFP_"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not finish: " + out);
        }
        return new CommandResult(p.exitValue(), out);
    }

    record CommandResult(int exitCode, String output) {
    }

    /** What the platform printed so far. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
