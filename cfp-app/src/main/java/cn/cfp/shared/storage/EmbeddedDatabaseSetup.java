package cn.cfp.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares the embedded database before anything opens it (issue 8 item 2):
 * <ul>
 *   <li>the database gets a generated password kept in {@code <db dir>/credentials} (0600) unless one is configured;
 *       a database created by an earlier version with the empty password is given the generated one;</li>
 *   <li>H2 binds any listener to the loopback address only;</li>
 *   <li>a command-line run ({@code cfp.embedded-db.client=true}, set by {@code ./cfp audit}) connects through the
 *       running platform's loopback listener ({@link EmbeddedDatabaseServer}) when the platform runs, and opens the
 *       files directly when it does not.</li>
 * </ul>
 * Nothing happens when the datasource is not an embedded H2 file database (PostgreSQL in production, in-memory H2 in
 * the tests).
 */
public class EmbeddedDatabaseSetup implements EnvironmentPostProcessor, org.springframework.core.Ordered {

    /** After {@link DataDirectorySetup}. */
    @Override
    public int getOrder() {
        return org.springframework.core.Ordered.LOWEST_PRECEDENCE - 5;
    }

    static final String FILE_PREFIX = "jdbc:h2:file:";
    static final String CREDENTIALS = "credentials";
    static final String SERVER = "server.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith(FILE_PREFIX)) {
            return;
        }
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", InetAddress.getLoopbackAddress().getHostAddress());
        }
        Path database = databasePath(url);
        Path dbDir = DataDirectory.directory(database.getParent());
        Map<String, Object> settings = new HashMap<>();
        String user = env.getProperty("spring.datasource.username", "sa");
        String password = env.getProperty("spring.datasource.password", "");
        if (password.isEmpty()) {
            password = generatedPassword(url, database, dbDir.resolve(CREDENTIALS), user);
            settings.put("spring.datasource.password", password);
        }
        if (env.getProperty("cfp.embedded-db.client", Boolean.class, false)) {
            runningServerUrl(dbDir.resolve(SERVER)).ifPresent(tcp -> settings.put("spring.datasource.url", tcp + options(url)));
        }
        env.getPropertySources().addFirst(new MapPropertySource("cfpEmbeddedDatabase", settings));
    }

    /** The database's absolute path without H2's file suffix, as H2 names it (the listener serves it under this name). */
    static Path databasePath(String url) {
        String path = url.substring(FILE_PREFIX.length()).split(";", 2)[0];
        return Path.of(path).toAbsolutePath().normalize();
    }

    static String options(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? "" : url.substring(semicolon);
    }

    /** The password in the credentials file; created on first start (and set on a database that had none). */
    private static String generatedPassword(String url, Path database, Path credentials, String user) {
        try {
            if (Files.exists(credentials)) {
                return Files.readString(credentials, StandardCharsets.UTF_8).strip();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path file = database.resolveSibling(database.getFileName() + ".mv.db");
            if (Files.exists(file)) {
                setPasswordOfExistingDatabase(url, user, secret);
            }
            DataDirectory.writeSecret(credentials, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + credentials, e);
        }
    }

    /** A database created before passwords were generated has the empty one: it gets the new one. */
    private static void setPasswordOfExistingDatabase(String url, String user, String secret) {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            String current;
            try (ResultSet rs = s.executeQuery("SELECT CURRENT_USER")) {
                rs.next();
                current = rs.getString(1);
            }
            s.execute("ALTER USER \"" + current.replace("\"", "\"\"") + "\" SET PASSWORD '" + secret + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded database exists but has no credentials file and does not open with the "
                    + "empty password; restore " + CREDENTIALS + " beside it or set CFP_DB_PASSWORD", e);
        }
    }

    /** The running platform's loopback listener, if its address file exists and it answers. */
    static Optional<String> runningServerUrl(Path serverFile) {
        if (!Files.exists(serverFile)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(serverFile, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String url = p.getProperty("url");
        int port = Integer.parseInt(p.getProperty("port", "0"));
        if (url == null || port <= 0) {
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return Optional.of(url);
        } catch (IOException e) {
            return Optional.empty(); // a stale file of a platform that is gone: open the files directly
        }
    }
}
