package cn.cfp.shared.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything writes to it: the data directory and its {@code logs/} and {@code tmp/uploads/} (where the servlet
 * container spools request bodies, {@code spring.servlet.multipart.location}) are owner-only, and spool files that a
 * crash left behind (older than an hour) are removed (issue 8 items 2 and 7).
 */
public class DataDirectorySetup implements EnvironmentPostProcessor, Ordered {

    static final Duration ABANDONED = Duration.ofHours(1);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String setting = env.getProperty("cfp.data-dir");
        if (setting == null) {
            return;
        }
        Path root = Path.of(setting).toAbsolutePath().normalize();
        DataDirectory.secureTree(root);
        DataDirectory.directory(root.resolve("logs"));
        Path uploads = DataDirectory.directory(root.resolve("tmp").resolve("uploads"));
        removeAbandoned(uploads, Instant.now().minus(ABANDONED));
    }

    static void removeAbandoned(Path dir, Instant before) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // not fatal: the files are owner-only and are tried again at the next start
        }
    }

    /** Before {@link EmbeddedDatabaseSetup}, after the configuration files are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
