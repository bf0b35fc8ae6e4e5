package cn.cfp.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.audit.AuditTrail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** R-REC-1: `cfp audit verify` prints the verdict and exits non-zero on a broken chain. */
@CfpIntegrationTest
class AuditVerifyCommandTest {

    @Autowired
    AuditVerifyCommand command;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void audit_verify_exits_0_on_an_intact_chain_and_3_naming_the_record_on_a_broken_one() {
        long seq = trail.record("tester", "CLI_TEST", "thing:cli", Map.of("k", "v")).seq();
        assertThat(run()).startsWith("audit chain intact");
        assertThat(command.getExitCode()).isZero();

        jdbc.sql("UPDATE audit_record SET action = 'FORGED' WHERE seq = :s").param("s", seq).update();
        try {
            assertThat(run()).contains("BROKEN at record #" + seq);
            assertThat(command.getExitCode()).isEqualTo(3);
        } finally {
            jdbc.sql("UPDATE audit_record SET action = 'CLI_TEST' WHERE seq = :s").param("s", seq).update();
        }
        run();
        assertThat(command.getExitCode()).isZero();
    }

    @Test
    void audit_verify_exits_3_and_counts_the_missing_records_when_the_end_was_cut_off_after_a_checkpoint() {
        // issue 8 item 4: a shorter chain with its head moved back used to verify "intact"
        trail.record("tester", "CLI_TEST", "thing:cli1", Map.of("k", 1));
        long last = trail.record("tester", "CLI_TEST", "thing:cli2", Map.of("k", 2)).seq();
        assertThat(trail.checkpoint()).isPresent();
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_record WHERE seq > :s ORDER BY seq").param("s", last - 2)
                .query().listOfRows();
        String keptHash = jdbc.sql("SELECT record_hash FROM audit_record WHERE seq = :s").param("s", last - 2).query(String.class).single();
        String lastHash = jdbc.sql("SELECT last_hash FROM audit_head WHERE id = 1").query(String.class).single();
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM audit_record WHERE seq > :s").param("s", last - 2).update();
            jdbc.sql("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1").param("s", last - 2).param("h", keptHash).update();
        });
        try {
            assertThat(run()).startsWith("audit chain BROKEN at record #" + (last - 1) + ": records #" + (last - 1) + "–#" + last
                    + " are missing (2 records)");
            assertThat(command.getExitCode()).isEqualTo(3);
        } finally {
            tx.executeWithoutResult(s -> {
                for (Map<String, Object> row : rows) {
                    jdbc.sql("""
                            INSERT INTO audit_record (seq, recorded_at, actor, action, target, details, details_hash, prev_hash, record_hash)
                            VALUES (:seq, :at, :actor, :action, :target, :details, :dh, :prev, :hash)""")
                            .param("seq", row.get("seq")).param("at", row.get("recorded_at")).param("actor", row.get("actor"))
                            .param("action", row.get("action")).param("target", row.get("target")).param("details", row.get("details"))
                            .param("dh", row.get("details_hash")).param("prev", row.get("prev_hash")).param("hash", row.get("record_hash"))
                            .update();
                }
                jdbc.sql("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1").param("s", last).param("h", lastHash).update();
            });
        }
        assertThat(run()).startsWith("audit chain intact");
        assertThat(command.getExitCode()).isZero();
    }

    private String run() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.run(new DefaultApplicationArguments("audit", "verify"));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
