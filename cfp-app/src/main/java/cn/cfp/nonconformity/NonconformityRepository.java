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
import cn.cfp.shared.Refusal;
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

    // ------------------------------------------------------------------ the aggregate (V57)

    Optional<Nonconformity> load(long id) {
        return jdbc.sql("SELECT * FROM nonconformity WHERE id = :id").param("id", id)
                .query((rs, i) -> aggregate(rs)).optional();
    }

    List<Nonconformity> loadAll(long applicationId) {
        return jdbc.sql("SELECT * FROM nonconformity WHERE application_id = :a ORDER BY nc_number").param("a", applicationId)
                .query((rs, i) -> aggregate(rs)).list();
    }

    /** Issued NCs whose due date passed before {@code today} and to which no consequence was applied yet. */
    List<Long> overdueIds(LocalDate today) {
        return jdbc.sql("""
                SELECT id FROM nonconformity WHERE status = :s AND due_on < :today AND consequence IS NULL
                ORDER BY application_id, nc_number""")
                .param("s", NonconformityStatus.ISSUED.name()).param("today", java.sql.Date.valueOf(today))
                .query(Long.class).list();
    }

    /**
     * Saves the aggregate's changes if nobody changed it since it was read (version check; stale → 409, nothing
     * written), then its new answers and verdicts.
     */
    void save(Nonconformity n) {
        int updated;
        try {
            updated = jdbc.sql("""
                    UPDATE nonconformity SET status = :status, due_on = :due, issued_on = :issuedOn, issued_by = :issuedBy,
                        closed_on = :closedOn, verified_by = :verifiedBy, verification_method = :method,
                        recalculation_ref = :recalc, amended_claim = :amended, team_note = :note, consequence = :cons,
                        consequence_at = :consAt, version = version + 1
                    WHERE id = :id AND version = :version""")
                    .param("status", n.status().name()).param("due", sqlDate(n.dueOn())).param("issuedOn", sqlDate(n.issuedOn()))
                    .param("issuedBy", n.issuedBy()).param("closedOn", sqlDate(n.closedOn())).param("verifiedBy", n.verifiedBy())
                    .param("method", n.method() == null ? null : n.method().name()).param("recalc", n.recalculationRef())
                    .param("amended", n.amendedClaim()).param("note", n.teamNote()).param("cons", n.consequence())
                    .param("consAt", n.consequenceAt() == null ? null : Timestamp.from(n.consequenceAt()))
                    .param("id", n.id()).param("version", n.version()).update();
        } catch (org.springframework.dao.ConcurrencyFailureException e) {
            updated = 0;
        }
        if (updated == 0) {
            throw Refusal.conflict("shared.staleWrite", "nonconformity " + n.number());
        }
        for (NonconformityAnswer a : n.answers()) {
            if (a.id() == null) {
                try {
                    jdbc.sql("""
                            INSERT INTO nonconformity_answer (nonconformity_id, round_no, correction, cause, corrective_action,
                                explanation, evidence_ids, answered_by, answered_at)
                            VALUES (:nc, :round, :corr, :cause, :action, :expl, :ev, :by, :at)""")
                            .param("nc", n.id()).param("round", a.round()).param("corr", a.correction()).param("cause", a.cause())
                            .param("action", a.correctiveAction()).param("expl", a.explanation())
                            .param("ev", a.evidenceIds().isEmpty() ? null : a.evidenceIds().stream().map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(",")))
                            .param("by", a.answeredBy()).param("at", Timestamp.from(a.answeredAt())).update();
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    throw Refusal.conflict("shared.staleWrite", "nonconformity " + n.number());
                }
            } else if (a.verdict() != null) {
                jdbc.sql("""
                        UPDATE nonconformity_answer SET verdict = :v, verdict_reason = :r, verification_method = :m,
                            verified_by = :by, verified_at = :at WHERE id = :id AND verdict IS NULL""")
                        .param("v", a.verdict().name()).param("r", a.verdictReason()).param("m", a.method().name())
                        .param("by", a.verifiedBy()).param("at", Timestamp.from(a.verifiedAt())).param("id", a.id()).update();
            }
        }
    }

    private Nonconformity aggregate(ResultSet rs) throws SQLException {
        NonconformityView v = row(rs, 0);
        String method = rs.getString("verification_method");
        Timestamp consAt = rs.getTimestamp("consequence_at");
        return new Nonconformity(v, date(rs.getDate("issued_on")), rs.getString("issued_by"), date(rs.getDate("closed_on")),
                rs.getString("verified_by"), method == null ? null : VerificationMethod.valueOf(method),
                rs.getString("recalculation_ref"), rs.getString("amended_claim"), rs.getString("team_note"),
                rs.getString("consequence"), consAt == null ? null : consAt.toInstant(), answers(v.id()));
    }

    private List<NonconformityAnswer> answers(long ncId) {
        return jdbc.sql("SELECT * FROM nonconformity_answer WHERE nonconformity_id = :nc ORDER BY round_no").param("nc", ncId)
                .query((rs, i) -> {
                    String ev = rs.getString("evidence_ids");
                    String verdict = rs.getString("verdict");
                    String m = rs.getString("verification_method");
                    Timestamp vAt = rs.getTimestamp("verified_at");
                    return new NonconformityAnswer(rs.getLong("id"), rs.getInt("round_no"), rs.getString("correction"),
                            rs.getString("cause"), rs.getString("corrective_action"), rs.getString("explanation"),
                            ev == null || ev.isBlank() ? List.of() : java.util.Arrays.stream(ev.split(",")).map(Long::valueOf).toList(),
                            rs.getString("answered_by"), rs.getTimestamp("answered_at").toInstant(),
                            verdict == null ? null : NonconformityAnswer.Verdict.valueOf(verdict), rs.getString("verdict_reason"),
                            m == null ? null : VerificationMethod.valueOf(m), rs.getString("verified_by"),
                            vAt == null ? null : vAt.toInstant());
                }).list();
    }

    private static java.sql.Date sqlDate(LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
