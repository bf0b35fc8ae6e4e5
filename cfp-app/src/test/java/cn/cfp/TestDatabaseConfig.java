package cn.cfp;

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

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
