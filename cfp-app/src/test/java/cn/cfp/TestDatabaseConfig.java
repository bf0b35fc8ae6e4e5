package cn.cfp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Each test run starts from an empty schema, so runs against a shared PostgreSQL are repeatable; time is controllable. */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfig {

    /** The controllable clock every bean reads in tests (Asia/Shanghai, like the real one). */
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(java.time.ZoneId.of("Asia/Shanghai"));
    }

    /**
     * The audit checkpoints of an earlier run describe a chain that the clean just removed: they go with it (before
     * the checkpoint writer starts), as an operator would move them aside when deliberately starting a new database.
     */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate(@Value("${cfp.data-dir}") Path dataDir) {
        return flyway -> {
            flyway.clean();
            try {
                Files.deleteIfExists(dataDir.resolve("audit").resolve("checkpoints.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            flyway.migrate();
        };
    }
}
