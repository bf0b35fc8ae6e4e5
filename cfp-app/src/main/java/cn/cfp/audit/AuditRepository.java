package cn.cfp.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit records and the single {@code audit_head} row as stored. */
@Repository
class AuditRepository {

    /** The chain's head: the last sequence number and hash. */
    record Head(long lastSeq, String lastHash) {
    }

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head, locked until the caller's transaction ends (appends are chained in one order). */
    Head lockHead() {
        return head("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
    }

    Head head() {
        return head("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    }

    private Head head(String sql) {
        Map<String, Object> row = jdbc.sql(sql).query().singleRow();
        return new Head(((Number) row.get("last_seq")).longValue(), ((String) row.get("last_hash")).trim());
    }

    /** Appends the record and moves the head to it. */
    void append(AuditRecord r) {
        jdbc.sql("""
                INSERT INTO audit_record (seq, recorded_at, actor, action, target, details, details_hash, prev_hash, record_hash)
                VALUES (:seq, :at, :actor, :action, :target, :details, :dh, :prev, :hash)""")
                .param("seq", r.seq()).param("at", OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC))
                .param("actor", r.actor()).param("action", r.action()).param("target", r.target())
                .param("details", r.details()).param("dh", r.detailsHash()).param("prev", r.prevHash()).param("hash", r.recordHash())
                .update();
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", r.seq()).param("hash", r.recordHash()).update();
    }

    /** Streams every record in sequence order (never all in memory) until {@code visitor} returns false. */
    void inOrder(Predicate<AuditRecord> visitor) {
        boolean[] going = {true};
        jdbc.sql("SELECT * FROM audit_record ORDER BY seq").query(rs -> {
            if (going[0]) {
                going[0] = visitor.test(map(rs, 0));
            }
        });
    }

    /** The stored hash of record {@code seq}, if there is such a record. */
    Optional<String> hashAt(long seq) {
        return jdbc.sql("SELECT record_hash FROM audit_record WHERE seq = :s").param("s", seq).query(String.class)
                .optional().map(String::trim);
    }

    List<AuditRecord> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_record ORDER BY seq DESC FETCH FIRST :n ROWS ONLY")
                .param("n", limit).query(AuditRepository::map).list();
    }

    List<AuditRecord> forTarget(String target) {
        return jdbc.sql("SELECT * FROM audit_record WHERE target = :t ORDER BY seq").param("t", target)
                .query(AuditRepository::map).list();
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
        return new AuditRecord(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                rs.getString("details"), rs.getString("details_hash").trim(), rs.getString("prev_hash").trim(),
                rs.getString("record_hash").trim());
    }
}
