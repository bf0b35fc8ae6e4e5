package cn.cfp.audit;

import cn.cfp.shared.Hashes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only, hash-chained audit log (R-REC-1).
 *
 * <p>Each record's hash covers its sequence number, time, actor, action, target, the SHA-256 of
 * its details and the previous record's hash. Appends run in the caller's transaction (so an
 * action and its record commit or roll back together) and lock the single {@code audit_head}
 * row, so records are chained in one order even with concurrent writers or several app nodes.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditRecord record(String actor, String action, String target, Map<String, ?> details) {
        String canonical = json.writeValueAsString(new TreeMap<>(details));
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query().singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prev = ((String) head.get("last_hash")).trim();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailsHash = Hashes.sha256Hex(canonical);
        String hash = chainHash(seq, at, actor, action, target, detailsHash, prev);
        jdbc.sql("""
                INSERT INTO audit_record (seq, recorded_at, actor, action, target, details, details_hash, prev_hash, record_hash)
                VALUES (:seq, :at, :actor, :action, :target, :details, :dh, :prev, :hash)""")
                .param("seq", seq).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", actor).param("action", action).param("target", target)
                .param("details", canonical).param("dh", detailsHash).param("prev", prev).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
        return new AuditRecord(seq, at, actor, action, target, canonical, detailsHash, prev, hash);
    }

    static String chainHash(long seq, Instant at, String actor, String action, String target,
                            String detailsHash, String prevHash) {
        return Hashes.sha256Hex(seq + "\n" + at + "\n" + actor + "\n" + action + "\n" + target + "\n"
                + detailsHash + "\n" + prevHash);
    }

    /** Walks the whole chain in sequence order and names the first record that does not fit. */
    @Transactional(readOnly = true)
    public ChainVerdict verify() {
        long[] expected = {1};
        String[] prev = {GENESIS};
        ChainVerdict[] verdict = {null};
        jdbc.sql("SELECT * FROM audit_record ORDER BY seq").query(rs -> {
            if (verdict[0] != null) {
                return;
            }
            AuditRecord r = map(rs, 0);
            long checked = expected[0] - 1;
            if (r.seq() != expected[0]) {
                verdict[0] = ChainVerdict.broken(checked, expected[0],
                        "record #" + expected[0] + " is missing (next present is #" + r.seq() + ")");
            } else if (!Hashes.sha256Hex(r.details()).equals(r.detailsHash())) {
                verdict[0] = ChainVerdict.broken(checked, r.seq(), "details do not match their hash (edited)");
            } else if (!r.prevHash().equals(prev[0])) {
                verdict[0] = ChainVerdict.broken(checked, r.seq(),
                        "previous-hash link does not match record #" + (r.seq() - 1) + " (deleted, inserted or reordered)");
            } else if (!chainHash(r.seq(), r.recordedAt(), r.actor(), r.action(), r.target(), r.detailsHash(), r.prevHash())
                    .equals(r.recordHash())) {
                verdict[0] = ChainVerdict.broken(checked, r.seq(), "record content does not match its hash (edited)");
            } else {
                prev[0] = r.recordHash();
                expected[0]++;
            }
        });
        if (verdict[0] != null) {
            return verdict[0];
        }
        long count = expected[0] - 1;
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").query().singleRow();
        long headSeq = ((Number) head.get("last_seq")).longValue();
        if (headSeq != count || !((String) head.get("last_hash")).trim().equals(prev[0])) {
            return ChainVerdict.broken(count, count + 1,
                    "the chain ends at #" + count + " but the head says #" + headSeq + " (records removed from the end)");
        }
        return ChainVerdict.ok(count);
    }

    public List<AuditRecord> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_record ORDER BY seq DESC FETCH FIRST :n ROWS ONLY")
                .param("n", limit).query(this::map).list();
    }

    public List<AuditRecord> forTarget(String target) {
        return jdbc.sql("SELECT * FROM audit_record WHERE target = :t ORDER BY seq").param("t", target).query(this::map).list();
    }

    private AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
                rs.getString("details_hash").trim(), rs.getString("prev_hash").trim(), rs.getString("record_hash").trim());
    }
}
