package testonly.failures;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Test only: endpoints that fail the ways the platform must answer in words — an unexpected exception (500), a failure
 * while a page is rendered, database constraints that escape a service. Outside {@code cn.cfp}, so that the access table
 * (which governs the application's endpoints) does not apply; signed-in callers only, like every page.
 */
@Controller
public class FailingController {

    private final JdbcClient jdbc;

    FailingController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @RequestMapping({"/test-only/boom", "/api/test-only/boom"})
    String boom() {
        throw new IllegalStateException("internal detail of cn.cfp.SomeService: NullPointerException at line 42");
    }

    /** The handler succeeds, the page it names does not exist: the failure happens after the handler, while rendering. */
    @RequestMapping("/test-only/broken-page")
    String brokenPage() {
        return "no/such/template";
    }

    /** A JSON body the API must read: a whole number and a date. */
    public record Probe(int count, java.time.LocalDate on) {
    }

    @PostMapping("/api/test-only/body")
    @ResponseBody
    Probe body(@RequestBody Probe probe) {
        return probe;
    }

    /** A second user "admin": the unique key of app_user refuses it, and nothing catches the DuplicateKeyException. */
    @RequestMapping({"/test-only/duplicate", "/api/test-only/duplicate"})
    @ResponseBody
    String duplicate() {
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, failed_attempts, created_at) "
                        + "VALUES ('admin', 'Second admin', 'x', TRUE, 0, :t)")
                .param("t", OffsetDateTime.now()).update();
        return "inserted";
    }

    /** A user without a name: NOT NULL refuses it (an integrity rule other than a unique key). */
    @RequestMapping({"/test-only/missing-value", "/api/test-only/missing-value"})
    @ResponseBody
    String missingValue() {
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, failed_attempts, created_at) "
                        + "VALUES ('nameless-user', NULL, 'x', TRUE, 0, :t)")
                .param("t", OffsetDateTime.now()).update();
        return "inserted";
    }
}
