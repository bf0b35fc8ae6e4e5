package cn.cfp.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.shared.Reason;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.util.unit.DataSize;

/** How failures that no module refused are said. */
class ProblemTest {

    @Test
    void no_free_database_connection_is_a_503_busy_with_a_retry_hint_not_an_unexpected_500() {
        var timeout = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));
        Problem p = Problem.of(new IllegalStateException("wrapped", timeout), "/api/cases/1", DataSize.ofMegabytes(20));
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.reasons()).extracting(Reason::code).containsExactly("web.busy");
        assertThat(p.headers()).containsEntry("Retry-After", "5");
        assertThat(p.reference()).isNull();
        // anything else unexpected stays a logged 500 with a reference
        Problem other = Problem.of(new IllegalStateException("boom"), "/api/cases/1", DataSize.ofMegabytes(20));
        assertThat(other.status()).isEqualTo(500);
        assertThat(other.reference()).isNotBlank();
    }
}
