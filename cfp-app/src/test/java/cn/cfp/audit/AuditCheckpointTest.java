package cn.cfp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 8 item 4 (R-REC-1): the audit chain's head is anchored outside the database by signed checkpoints, so records
 * deleted from the end — with the head row moved back, as an attacker with database access would, or lost in a crash —
 * no longer verify "intact". Each test restores the rows and the checkpoint file it touched.
 */
@CfpIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditCheckpointTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    CheckpointWriter writer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Value("${cfp.data-dir}")
    Path dataDir;

    long last;

    @BeforeEach
    void appendAndCheckpoint() {
        assertThat(trail.verify().intact()).as("chain intact before the test: " + Messages.english(trail.verify().summary())).isTrue();
        for (int i = 1; i <= 3; i++) {
            last = trail.record("tester", "CHECKPOINT_TEST", "thing:cp" + i, Map.of("n", i)).seq();
        }
        Optional<Checkpoint> written = trail.checkpoint();
        assertThat(written).as("the head moved, so a checkpoint is written").isPresent();
        assertThat(written.get().seq()).isEqualTo(last);
    }

    @Test
    void an_intact_chain_matches_its_checkpoint_and_a_head_that_did_not_move_writes_none() {
        ChainVerdict v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checkpoint().seq()).isEqualTo(last);
        assertThat(v.checkpoint().hash()).isEqualTo(hashOf(last));
        assertThat(Messages.english(v.summary())).startsWith("audit chain intact: " + last + " records verified, matching the checkpoint of ")
                .endsWith("(record #" + last + ")");
        assertThat(trail.checkpoint()).as("nothing new since the last checkpoint").isEmpty();
    }

    @Test
    void deleting_the_last_three_records_and_moving_the_head_back_is_reported_with_the_count(CapturedOutput output) {
        long keep = last - 3;
        List<Map<String, Object>> rows = rowsAfter(keep);
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").query().singleRow();
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM audit_record WHERE seq > :k").param("k", keep).update();
            jdbc.sql("UPDATE audit_head SET last_seq = :k, last_hash = :h WHERE id = 1").param("k", keep).param("h", hashOf(keep)).update();
        });
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).as("without the checkpoint this chain would verify: it is a valid shorter chain").isFalse();
            assertThat(v.recordsChecked()).isEqualTo(keep);
            assertThat(v.firstBadSeq()).isEqualTo(keep + 1);
            assertThat(v.reason().code()).isEqualTo("audit.chain.missingAfterCheckpoint");
            assertThat(v.reason().args()).startsWith(keep + 1, last, 3L);
            assertThat(Messages.english(v.summary())).startsWith("audit chain BROKEN at record #" + (keep + 1)
                    + ": records #" + (keep + 1) + "–#" + last + " are missing (3 records): the checkpoint of ");
            assertThat(Messages.chinese(v.reason())).startsWith("第 " + (keep + 1) + "–" + last + " 条记录缺失（共 3 条）");

            // the next checkpoint does not make the truncation good: none is written, an error is logged
            assertThat(trail.checkpoint()).isEmpty();
            assertThat(output.getAll()).contains("audit checkpoint not written: the chain (head #" + keep + ") does not extend");
            assertThat(trail.verify().reason().code()).isEqualTo("audit.chain.missingAfterCheckpoint");
        } finally {
            tx.executeWithoutResult(s -> {
                rows.forEach(this::reinsert);
                jdbc.sql("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1")
                        .param("s", head.get("last_seq")).param("h", head.get("last_hash")).update();
            });
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void a_chain_rewritten_after_the_checkpoint_is_reported_at_the_checkpoint_record() {
        List<Map<String, Object>> rows = rowsAfter(last - 1);
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").query().singleRow();
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", last).update();
            jdbc.sql("UPDATE audit_head SET last_seq = :k, last_hash = :h WHERE id = 1").param("k", last - 1)
                    .param("h", hashOf(last - 1)).update();
        });
        // a forger appends a different, correctly chained record in its place
        assertThat(trail.record("forger", "SOMETHING_ELSE", "thing:cp3", Map.of("n", 3)).seq()).isEqualTo(last);
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(last);
            assertThat(v.reason().code()).isEqualTo("audit.chain.checkpointMismatch");
            assertThat(Messages.english(v.reason())).startsWith("record #" + last + " does not match the checkpoint of ");
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", last).update();
                rows.forEach(this::reinsert);
                jdbc.sql("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1")
                        .param("s", head.get("last_seq")).param("h", head.get("last_hash")).update();
            });
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void a_checkpoint_line_with_a_bad_signature_is_reported_and_the_genuine_one_still_counts() throws IOException {
        Path log = checkpoints.log();
        byte[] original = Files.readAllBytes(log);
        List<String> lines = Files.readAllLines(log);
        String genuine = lines.get(lines.size() - 1);
        // claims one record more than there are, with the genuine line's signature
        String forged = genuine.replace("\"seq\":" + last + ",", "\"seq\":" + (last + 1) + ",");
        assertThat(forged).isNotEqualTo(genuine);
        Files.writeString(log, forged + "\n", StandardOpenOption.APPEND);
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).as("no record is at fault").isNull();
            assertThat(v.reason().code()).isEqualTo("audit.chain.checkpointForged");
            assertThat(v.reason().args().get(0)).isEqualTo(lines.size() + 1);
            assertThat(v.checkpoint().seq()).as("the forged line is not used as the anchor").isEqualTo(last);
            assertThat(Messages.english(v.summary())).isEqualTo("audit checkpoint file is not sound: line " + (lines.size() + 1)
                    + " of the checkpoint file " + log + " (checkpoint of record #" + (last + 1) + ") has a bad signature (edited or forged)");
        } finally {
            Files.write(log, original);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void a_line_cut_short_by_a_crash_is_passed_over_and_the_next_checkpoint_starts_a_new_line() throws IOException {
        Path log = checkpoints.log();
        byte[] original = Files.readAllBytes(log);
        Files.writeString(log, "{\"seq\":12", StandardOpenOption.APPEND);
        try {
            assertThat(trail.verify().intact()).as(Messages.english(trail.verify().summary())).isTrue();
            long seq = trail.record("tester", "CHECKPOINT_TEST", "thing:cp4", Map.of("n", 4)).seq();
            assertThat(trail.checkpoint()).map(Checkpoint::seq).contains(seq);
            List<String> lines = Files.readAllLines(log);
            assertThat(lines.get(lines.size() - 2)).isEqualTo("{\"seq\":12");
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).as(Messages.english(v.summary())).isTrue();
            assertThat(v.checkpoint().seq()).isEqualTo(seq);
        } finally {
            Files.write(log, original);
        }
        trail.checkpoint();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void a_whole_line_that_is_not_a_checkpoint_is_reported() throws IOException {
        Path log = checkpoints.log();
        byte[] original = Files.readAllBytes(log);
        int lineNo = Files.readAllLines(log).size() + 1;
        Files.writeString(log, "{\"seq\":\"many\"}\n", StandardOpenOption.APPEND);
        try {
            ChainVerdict v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason().code()).isEqualTo("audit.chain.checkpointUnreadable");
            assertThat(v.reason().args().get(0)).isEqualTo(lineNo);
        } finally {
            Files.write(log, original);
        }
    }

    @Test
    void the_checkpoint_is_logged_with_its_count_and_hash_and_the_key_is_readable_by_the_platform_only(CapturedOutput output)
            throws IOException {
        last = trail.record("tester", "CHECKPOINT_TEST", "thing:cp5", Map.of("n", 5)).seq();
        trail.checkpoint();
        assertThat(output.getAll()).contains("audit checkpoint: " + last + " records, head hash " + hashOf(last));
        Path dir = dataDir.resolve("audit");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("checkpoint-key")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoints.log()))).isEqualTo("rw-------");
        }
        String line = Files.readAllLines(checkpoints.log()).get(Files.readAllLines(checkpoints.log()).size() - 1);
        assertThat(line).startsWith("{\"seq\":" + last + ",\"hash\":\"" + hashOf(last) + "\",\"at\":\"").contains("\"sig\":\"");
    }

    @Test
    void stopping_the_platform_writes_a_checkpoint_of_the_last_records() {
        long seq = trail.record("tester", "CHECKPOINT_TEST", "thing:cp6", Map.of("n", 6)).seq();
        writer.stop();
        writer.start();
        assertThat(checkpoints.read().latest()).map(Checkpoint::seq).contains(seq);
    }

    private String hashOf(long seq) {
        return jdbc.sql("SELECT record_hash FROM audit_record WHERE seq = :s").param("s", seq).query(String.class).single().trim();
    }

    private List<Map<String, Object>> rowsAfter(long seq) {
        return new ArrayList<>(jdbc.sql("SELECT * FROM audit_record WHERE seq > :s ORDER BY seq").param("s", seq).query().listOfRows());
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.sql("""
                INSERT INTO audit_record (seq, recorded_at, actor, action, target, details, details_hash, prev_hash, record_hash)
                VALUES (:seq, :at, :actor, :action, :target, :details, :dh, :prev, :hash)""")
                .param("seq", row.get("seq")).param("at", row.get("recorded_at")).param("actor", row.get("actor"))
                .param("action", row.get("action")).param("target", row.get("target")).param("details", row.get("details"))
                .param("dh", row.get("details_hash")).param("prev", row.get("prev_hash")).param("hash", row.get("record_hash"))
                .update();
    }
}
