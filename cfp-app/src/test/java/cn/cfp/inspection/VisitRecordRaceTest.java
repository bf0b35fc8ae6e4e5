package cn.cfp.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visit record is made by planning's event listener or by the first request, whichever comes first — both at once
 * must not fail either (the full suite met this race under load): the second insert inserts nothing, and its
 * transaction goes on (a failed statement would abort a PostgreSQL transaction).
 */
@CfpIntegrationTest
class VisitRecordRaceTest {

    @Autowired
    InspectionRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void making_the_visit_record_twice_keeps_one_row_and_the_transaction_goes_on() {
        long app = 9_000_000L + System.nanoTime() % 100_000;
        transactions.executeWithoutResult(s -> {
            repository.insertVisit(app, LocalDate.of(2026, 12, 10), "1:LEADER");
            repository.insertVisit(app, LocalDate.of(2026, 12, 11), "2:LEADER");
            // the same transaction still works after the second insert
            assertThat(repository.visit(app)).isPresent();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_visit WHERE application_id = :a").param("a", app)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(repository.visit(app).orElseThrow().scheduledOn()).isEqualTo(LocalDate.of(2026, 12, 10));
    }
}
