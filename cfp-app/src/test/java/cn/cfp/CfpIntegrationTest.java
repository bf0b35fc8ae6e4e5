package cn.cfp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context all integration tests share (a real server on a random port, the test
 * database, demo data). Keeping a single configuration means the database is cleaned and migrated
 * once per run, on H2 or on PostgreSQL. It includes a test-only controller that fails on purpose
 * ({@link testonly.failures.FailingController}), for the tests of error answers, and an in-process mail server
 * ({@link TestMail}) that the platform e-mails notifications to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfig.class, TestMail.Config.class, testonly.failures.FailingController.class})
public @interface CfpIntegrationTest {
}
