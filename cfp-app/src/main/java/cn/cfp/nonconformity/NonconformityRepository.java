package cn.cfp.nonconformity;

import cn.cfp.scheme.Stage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The module's own tables; package-private (other modules read through {@link Nonconformities}). */
@Repository
class NonconformityRepository {

    private final JdbcClient jdbc;

    NonconformityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new NC with the next number of its case: the number comes from the case's counter row, incremented
     * under its row lock, so two people raising at once get 1 and 2, never the same, and a number is never reused.
     */
    long insert(long applicationId, NewNonconformity n, String by, Instant at) {
        int updated = jdbc.sql("UPDATE nonconformity_counter SET last_number = last_number + 1 WHERE application_id = :a")
                .param("a", applicationId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO nonconformity_counter (application_id, last_number) VALUES (:a, 1)").param("a", applicationId).update();
        }
        int number = jdbc.sql("SELECT last_number FROM nonconformity_counter WHERE application_id = :a")
                .param("a", applicationId).query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO nonconformity (application_id, nc_number, source, source_ref, clause, description, nc_class,
                    effect_percent, due_on, status, raised_by, raised_at, version)
                VALUES (:a, :no, :source, :ref, :clause, :desc, :cls, :effect, :due, :status, :by, :at, 0)""")
                .param("a", applicationId).param("no", number).param("source", n.source().name())
                .param("ref", n.sourceRef()).param("clause", n.clause()).param("desc", n.description())
                .param("cls", n.ncClass()).param("effect", n.effectPercent()).param("due", n.dueOn())
                .param("status", NonconformityStatus.RAISED.name()).param("by", by).param("at", Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<NonconformityView> ofApplication(long applicationId) {
        return jdbc.sql("SELECT * FROM nonconformity WHERE application_id = :a ORDER BY nc_number")
                .param("a", applicationId).query(NonconformityRepository::row).list();
    }

    Optional<NonconformityView> find(long id) {
        return jdbc.sql("SELECT * FROM nonconformity WHERE id = :id").param("id", id).query(NonconformityRepository::row).optional();
    }

    /** An open NC raised from the same source item, if any. */
    Optional<NonconformityView> openFrom(long applicationId, Stage source, String sourceRef) {
        return ofApplication(applicationId).stream()
                .filter(n -> n.open() && n.source() == source && sourceRef != null && sourceRef.equals(n.sourceRef()))
                .findFirst();
    }

    private static NonconformityView row(ResultSet rs, int i) throws SQLException {
        BigDecimal effect = rs.getBigDecimal("effect_percent");
        java.sql.Date due = rs.getDate("due_on");
        return new NonconformityView(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("nc_number"),
                Stage.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getString("clause"),
                rs.getString("description"), rs.getString("nc_class"), effect,
                due == null ? null : due.toLocalDate(), NonconformityStatus.valueOf(rs.getString("status")),
                rs.getString("raised_by"), rs.getTimestamp("raised_at").toInstant(), rs.getInt("version"));
    }

    static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
