package cn.cfp.inspection;

import cn.cfp.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Suspensions and terminations; updates check the version. */
@Repository
class SuspensionRepository {

    private final JdbcClient jdbc;

    SuspensionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long applicationId, Suspension.Activity activity, String reason, String text, boolean clientCaused, String by,
                Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_suspension (application_id, activity, reason_code, reason_text, client_caused, status,
                    reported_by, reported_at, version) VALUES (:a, :act, :r, :t, :cc, 'REPORTED', :by, :at, 0)""")
                .param("a", applicationId).param("act", activity.name()).param("r", reason).param("t", text)
                .param("cc", clientCaused).param("by", by).param("at", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    /** Moves a suspension on to {@code status}, checking its version. */
    void advance(Suspension s, Suspension.Status status, String by, Instant at) {
        String set = status == Suspension.Status.APPROVED ? "approved_by = :by, approved_at = :at" : "resumed_by = :by, resumed_at = :at";
        int n = jdbc.sql("UPDATE inspection_suspension SET status = :s, " + set + ", version = version + 1 WHERE id = :id AND version = :v")
                .param("s", status.name()).param("by", by).param("at", Timestamp.from(at)).param("id", s.id())
                .param("v", s.version()).update();
        if (n == 0) {
            throw Refusal.conflict("inspection.suspension.stale", s.id());
        }
    }

    Optional<Suspension> find(long applicationId, long id) {
        return jdbc.sql("SELECT * FROM inspection_suspension WHERE id = :id AND application_id = :a").param("id", id)
                .param("a", applicationId).query(SuspensionRepository::row).optional();
    }

    List<Suspension> of(long applicationId) {
        return jdbc.sql("SELECT * FROM inspection_suspension WHERE application_id = :a ORDER BY id").param("a", applicationId)
                .query(SuspensionRepository::row).list();
    }

    void insertTermination(long applicationId, String reasons, long receiptId, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO inspection_termination (application_id, reasons, receipt_evidence_id, terminated_by, terminated_at)
                VALUES (:a, :r, :e, :by, :at)""").param("a", applicationId).param("r", reasons).param("e", receiptId)
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    private static Suspension row(ResultSet rs, int i) throws SQLException {
        return new Suspension(rs.getLong("id"), rs.getLong("application_id"), Suspension.Activity.valueOf(rs.getString("activity")),
                rs.getString("reason_code"), rs.getString("reason_text"), rs.getBoolean("client_caused"),
                Suspension.Status.valueOf(rs.getString("status")), rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant(), rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")),
                rs.getString("resumed_by"), instant(rs.getTimestamp("resumed_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
