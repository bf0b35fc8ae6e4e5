package cn.cfp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-REC-1: the audit trail is tamper-evident. Each test appends records through the application,
 * then edits, deletes, reorders or inserts rows directly in the database (as an attacker with
 * database access would) and expects verification to name the first broken record.
 * Each test restores the rows it touched, so the shared database stays verifiable.
 */
@CfpIntegrationTest
class AuditTrailTamperTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    long a;
    long b;
    long c;

    @BeforeEach
    void appendThree() {
        assertThat(trail.verify().intact()).as("chain intact before the test: " + Messages.english(trail.verify().summary())).isTrue();
        a = trail.record("tester", "TEST_A", "thing:1", Map.of("n", 1)).seq();
        b = trail.record("tester", "TEST_B", "thing:2", Map.of("n", 2)).seq();
        c = trail.record("tester", "TEST_C", "thing:3", Map.of("n", 3)).seq();
    }

    @Test
    void an_untouched_chain_verifies() {
        ChainVerdict v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.recordsChecked()).isGreaterThanOrEqualTo(c);
    }

    @Test
    void editing_the_details_of_a_record_is_detected_at_that_record() {
        String original = jdbc.sql("SELECT details FROM audit_record WHERE seq = :s").param("s", b).query(String.class).single();
        jdbc.sql("UPDATE audit_record SET details = :d WHERE seq = :s").param("d", "{\"n\":999}").param("s", b).update();
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(b);
            assertThat(v.reason().code()).isEqualTo("audit.chain.detailsEdited");
            assertThat(Messages.english(v.reason())).contains("edited");
        } finally {
            jdbc.sql("UPDATE audit_record SET details = :d WHERE seq = :s").param("d", original).param("s", b).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void editing_the_actor_even_with_a_recomputed_details_hash_is_detected() {
        jdbc.sql("UPDATE audit_record SET actor = 'someone-else' WHERE seq = :s").param("s", b).update();
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(b);
        } finally {
            jdbc.sql("UPDATE audit_record SET actor = 'tester' WHERE seq = :s").param("s", b).update();
        }
    }

    @Test
    void deleting_a_record_in_the_middle_is_detected_where_it_is_missing() {
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_record WHERE seq = :s").param("s", b).query().singleRow();
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", b).update();
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(b);
            assertThat(v.reason().code()).isEqualTo("audit.chain.missing");
            assertThat(v.reason().args()).first().isEqualTo(b);
            assertThat(Messages.english(v.reason())).contains("missing");
        } finally {
            reinsert(row);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void deleting_the_last_record_and_renumbering_is_detected() {
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_record WHERE seq = :s").param("s", c).query().singleRow();
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", c).update();
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(c);
            assertThat(v.reason().code()).isEqualTo("audit.chain.truncated");
            assertThat(Messages.english(v.reason())).contains("removed from the end");
        } finally {
            reinsert(row);
        }
    }

    @Test
    void swapping_two_records_is_detected_at_the_first_of_them() {
        Map<String, Object> rowA = jdbc.sql("SELECT * FROM audit_record WHERE seq = :s").param("s", a).query().singleRow();
        Map<String, Object> rowB = jdbc.sql("SELECT * FROM audit_record WHERE seq = :s").param("s", b).query().singleRow();
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM audit_record WHERE seq IN (:a, :b)").param("a", a).param("b", b).update();
            reinsertAs(rowB, a);
            reinsertAs(rowA, b);
        });
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(a);
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("DELETE FROM audit_record WHERE seq IN (:a, :b)").param("a", a).param("b", b).update();
                reinsert(rowA);
                reinsert(rowB);
            });
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void the_verdict_names_the_first_broken_record_and_how_it_broke() {
        jdbc.sql("UPDATE audit_record SET target = 'thing:forged' WHERE seq = :s").param("s", a).update();
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.reason().code()).isEqualTo("audit.chain.recordEdited");
            // the words are the point here: `cfp audit verify` prints them
            assertThat(Messages.english(v.summary()))
                    .isEqualTo("audit chain BROKEN at record #" + a + ": record content does not match its hash (edited)");
            assertThat(Messages.chinese(v.summary())).isEqualTo("审计哈希链在第 " + a + " 条记录处断开：记录内容与其哈希不符（已被修改）");
        } finally {
            jdbc.sql("UPDATE audit_record SET target = 'thing:1' WHERE seq = :s").param("s", a).update();
        }
        assertThat(Messages.english(trail.verify().summary())).startsWith("audit chain intact");
    }

    private void reinsert(Map<String, Object> row) {
        reinsertAs(row, ((Number) row.get("seq")).longValue());
    }

    private void reinsertAs(Map<String, Object> row, long seq) {
        jdbc.sql("""
                INSERT INTO audit_record (seq, recorded_at, actor, action, target, details, details_hash, prev_hash, record_hash)
                VALUES (:seq, :at, :actor, :action, :target, :details, :dh, :prev, :hash)""")
                .param("seq", seq).param("at", row.get("recorded_at")).param("actor", row.get("actor"))
                .param("action", row.get("action")).param("target", row.get("target")).param("details", row.get("details"))
                .param("dh", row.get("details_hash")).param("prev", row.get("prev_hash")).param("hash", row.get("record_hash"))
                .update();
    }
}
