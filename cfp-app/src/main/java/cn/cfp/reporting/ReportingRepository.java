package cn.cfp.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The module's reporting tables: items as they arose, submissions, and which submission covers which item. */
@Repository
class ReportingRepository {

    private static final String SELECT = """
            SELECT i.*, s.id AS s_id, s.channel AS s_channel, s.receipt AS s_receipt, s.submitted_by AS s_by,
                   s.submitted_at AS s_at
            FROM reporting_item i
            LEFT JOIN reporting_submission_item si ON si.item_id = i.id
            LEFT JOIN reporting_submission s ON s.id = si.submission_id
            """;

    private final JdbcClient jdbc;

    ReportingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String eventKey) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_item WHERE event_key = :k").param("k", eventKey)
                .query(Long.class).single() > 0;
    }

    void insertItem(String eventKey, ReportKind kind, String number, String scheme, Integer version, String status,
                    LocalDate eventDate, String payload, Instant at) {
        jdbc.sql("""
                INSERT INTO reporting_item (event_key, kind, certificate_number, scheme_code, version, status, event_date,
                    payload, recorded_at)
                VALUES (:k, :kind, :n, :s, :v, :st, :d, :p, :at)""")
                .param("k", eventKey).param("kind", kind.name()).param("n", number).param("s", scheme)
                .param("v", version).param("st", status).param("d", eventDate).param("p", payload)
                .param("at", Timestamp.from(at)).update();
    }

    /** The latest issued version's item of a number (its scheme and public data), if any. */
    Optional<ReportItem> latestIssue(String number) {
        return jdbc.sql(SELECT + " WHERE i.certificate_number = :n AND i.kind IN ('ISSUE', 'CHANGE') ORDER BY i.version DESC, i.id DESC")
                .param("n", number).query(ReportingRepository::item).stream().findFirst();
    }

    List<ReportItem> find(ItemFilter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (f.scheme() != null) {
            sql.append(" AND i.scheme_code = :scheme");
            p.put("scheme", f.scheme());
        }
        if (f.kind() != null) {
            sql.append(" AND i.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.from() != null) {
            sql.append(" AND i.event_date >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND i.event_date <= :to");
            p.put("to", f.to());
        }
        if (Boolean.TRUE.equals(f.reported())) {
            sql.append(" AND s.id IS NOT NULL");
        } else if (Boolean.FALSE.equals(f.reported())) {
            sql.append(" AND s.id IS NULL");
        }
        // oldest first: the longest waiting is the first to report
        sql.append(" ORDER BY i.recorded_at, i.id");
        return jdbc.sql(sql.toString()).params(p).query(ReportingRepository::item).list();
    }

    List<ReportItem> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE i.id IN (:ids) ORDER BY i.recorded_at, i.id").param("ids", List.copyOf(ids))
                .query(ReportingRepository::item).list();
    }

    long insertSubmission(ReportChannel channel, String receipt, String note, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reporting_submission (channel, receipt, note, submitted_by, submitted_at)
                VALUES (:c, :r, :n, :by, :at)""")
                .param("c", channel.name()).param("r", receipt).param("n", note).param("by", by)
                .param("at", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    /** Fails with a duplicate key when the item is already covered (the primary key: one report per item). */
    void cover(long submissionId, long itemId) {
        jdbc.sql("INSERT INTO reporting_submission_item (item_id, submission_id) VALUES (:i, :s)")
                .param("i", itemId).param("s", submissionId).update();
    }

    Optional<CncaSubmission> submission(long id) {
        List<Long> items = jdbc.sql("SELECT item_id FROM reporting_submission_item WHERE submission_id = :s ORDER BY item_id")
                .param("s", id).query(Long.class).list();
        return jdbc.sql("SELECT * FROM reporting_submission WHERE id = :s").param("s", id)
                .query((rs, n) -> new CncaSubmission(rs.getLong("id"), ReportChannel.valueOf(rs.getString("channel")),
                        rs.getString("receipt"), rs.getString("note"), rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at").toInstant(), items))
                .optional();
    }

    private static ReportItem item(ResultSet rs, int n) throws SQLException {
        long submission = rs.getLong("s_id");
        ReportItem.Reported reported = rs.wasNull() ? null : new ReportItem.Reported(submission, rs.getTimestamp("s_at").toInstant(),
                rs.getString("s_by"), ReportChannel.valueOf(rs.getString("s_channel")), rs.getString("s_receipt"));
        int version = rs.getInt("version");
        Integer v = rs.wasNull() ? null : version;
        return new ReportItem(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("certificate_number"),
                rs.getString("scheme_code"), v, rs.getString("status"), rs.getObject("event_date", LocalDate.class),
                rs.getString("payload"), rs.getTimestamp("recorded_at").toInstant(), reported);
    }

    static List<Long> ids(List<ReportItem> items) {
        List<Long> out = new ArrayList<>();
        items.forEach(i -> out.add(i.id()));
        return out;
    }
}
