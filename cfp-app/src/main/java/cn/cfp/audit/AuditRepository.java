package cn.cfp.audit;

import cn.cfp.shared.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /** A page of the records the search selects, in its order, and how many it selects in all. */
    Paging.Page<AuditRecord> search(AuditSearch s, ZoneId zone, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (s.text() != null) {
            where.append(" AND (LOWER(actor) LIKE :q ESCAPE '\\' OR LOWER(action) LIKE :q ESCAPE '\\'"
                    + " OR LOWER(target) LIKE :q ESCAPE '\\' OR LOWER(details) LIKE :q ESCAPE '\\')");
            params.put("q", containing(s.text()));
        }
        if (s.actor() != null) {
            where.append(" AND actor = :actor");
            params.put("actor", s.actor());
        }
        if (s.action() != null) {
            where.append(" AND action = :action");
            params.put("action", s.action());
        }
        if (s.target() != null) {
            where.append(" AND LOWER(target) LIKE :target ESCAPE '\\'");
            params.put("target", containing(s.target()));
        }
        if (s.from() != null) {
            where.append(" AND recorded_at >= :from");
            params.put("from", s.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (s.to() != null) {
            where.append(" AND recorded_at < :to");
            params.put("to", s.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_record" + where).params(params).query(Long.class).single();
        List<AuditRecord> items = jdbc.sql("SELECT * FROM audit_record" + where + " ORDER BY " + s.order().sql
                        + " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(params).param("offset", paging.offset()).param("size", paging.size())
                .query(AuditRepository::map).list();
        return new Paging.Page<>(items, total);
    }

    /** The distinct actions recorded, for the search form's choice. */
    List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_record ORDER BY action").query(String.class).list();
    }

    /** A LIKE pattern for "contains", case-insensitive, with the person's % and _ taken literally. */
    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
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
