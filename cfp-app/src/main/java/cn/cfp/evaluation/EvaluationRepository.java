package cn.cfp.evaluation;

import cn.cfp.shared.Refusal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and saves an application's {@link Evaluation} (tables {@code evaluation}, {@code evaluation_round},
 * {@code evaluation_consistency}). The first save inserts the row (one per application: a unique key); every later one
 * checks the row version, so two evaluators never both win. Rounds and the check are only inserted; a supplement is set
 * once ({@code WHERE supplement_on IS NULL}).
 */
@Repository
class EvaluationRepository {

    /** The answers of a round as stored (one JSON document). */
    record Answers(List<ItemAnswer> items) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Evaluation> find(long applicationId) {
        record Row(long id, int version, java.time.LocalDate started, String by, java.time.LocalDate stage1, Integer gap) {
        }
        Optional<Row> row = jdbc.sql("SELECT * FROM evaluation WHERE application_id = :a").param("a", applicationId)
                .query((rs, n) -> {
                    int gap = rs.getInt("stage2_gap_days");
                    return new Row(rs.getLong("id"), rs.getInt("row_version"), date(rs.getDate("stage2_started_on")),
                            rs.getString("stage2_started_by"), date(rs.getDate("stage1_completed_on")), rs.wasNull() ? null : gap);
                }).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        List<Round> rounds = jdbc.sql("SELECT * FROM evaluation_round WHERE evaluation_id = :e ORDER BY kind, round_no")
                .param("e", r.id()).query((rs, n) -> {
                    boolean onSite = rs.getBoolean("on_site");
                    Boolean os = rs.wasNull() ? null : onSite;
                    boolean combined = rs.getBoolean("combined_with_check");
                    Boolean cb = rs.wasNull() ? null : combined;
                    java.time.LocalDate supOn = date(rs.getDate("supplement_on"));
                    Round.Supplement s = supOn == null ? null : new Round.Supplement(supOn, rs.getString("supplement_by"),
                            rs.getString("supplement_note"), longs(rs.getString("supplement_evidence")));
                    return new Round(EvaluationKind.valueOf(rs.getString("kind")), rs.getInt("round_no"), os, cb,
                            rs.getString("conclusion"), rs.getString("reason"), rs.getString("request_text"),
                            json.readValue(rs.getString("answers"), Answers.class).items(),
                            longs(rs.getString("nonconformities")).stream().map(Long::intValue).toList(),
                            rs.getBoolean("clock_paused"), rs.getString("evaluated_by"), date(rs.getDate("evaluated_on")),
                            instant(rs.getObject("evaluated_at", OffsetDateTime.class)), s);
                }).list();
        Optional<ConsistencyCheck> check = jdbc.sql("SELECT * FROM evaluation_consistency WHERE evaluation_id = :e")
                .param("e", r.id()).query((rs, n) -> {
                    int nc = rs.getInt("nonconformity_number");
                    Integer number = rs.wasNull() ? null : nc;
                    String f = rs.getString("follow_up");
                    return new ConsistencyCheck(rs.getString("verified_claim"), rs.getString("prior_reference"), rs.getLong("evidence_id"),
                            rs.getString("evidence_sha256"), json.readValue(rs.getString("answers"), Answers.class).items(),
                            ConsistencyConclusion.valueOf(rs.getString("conclusion")), f == null ? null : ConsistencyFollowUp.valueOf(f),
                            rs.getString("note"), number, rs.getString("checked_by"), date(rs.getDate("checked_on")),
                            instant(rs.getObject("checked_at", OffsetDateTime.class)));
                }).optional();
        Stage2Start stage2 = r.started() == null ? null : new Stage2Start(r.started(), r.by(), r.stage1(), r.gap() == null ? 0 : r.gap());
        return Optional.of(new Evaluation(r.id(), applicationId, r.version(), rounds, stage2, check.orElse(null)));
    }

    /** Saves the evaluation (insert on the first save, else a version-checked update) and its new parts. */
    Evaluation save(Evaluation e) {
        long id;
        Stage2Start s = e.stage2().orElse(null);
        if (e.id() == null) {
            KeyHolder key = new GeneratedKeyHolder();
            try {
                jdbc.sql("""
                        INSERT INTO evaluation (application_id, stage2_started_on, stage2_started_by, stage1_completed_on, stage2_gap_days, row_version)
                        VALUES (:a, :on, :by, :s1, :gap, 0)""")
                        .param("a", e.applicationId()).param("on", s == null ? null : s.on()).param("by", s == null ? null : s.by())
                        .param("s1", s == null ? null : s.stage1CompletedOn()).param("gap", s == null ? null : (int) s.gapDays())
                        .update(key, "id");
            } catch (DuplicateKeyException ex) {
                throw Refusal.conflict("shared.staleWrite", "evaluation " + e.applicationId());
            }
            id = key.getKey().longValue();
        } else {
            int n = jdbc.sql("""
                    UPDATE evaluation SET stage2_started_on = :on, stage2_started_by = :by, stage1_completed_on = :s1,
                           stage2_gap_days = :gap, row_version = row_version + 1
                    WHERE id = :id AND row_version = :ver""")
                    .param("on", s == null ? null : s.on()).param("by", s == null ? null : s.by())
                    .param("s1", s == null ? null : s.stage1CompletedOn()).param("gap", s == null ? null : (int) s.gapDays())
                    .param("id", e.id()).param("ver", e.version()).update();
            if (n == 0) {
                throw Refusal.conflict("shared.staleWrite", "evaluation " + e.applicationId());
            }
            id = e.id();
        }
        for (Round r : e.newRounds()) {
            try {
                jdbc.sql("""
                        INSERT INTO evaluation_round (evaluation_id, kind, round_no, on_site, combined_with_check, conclusion, reason,
                            request_text, answers, nonconformities, clock_paused, evaluated_by, evaluated_on, evaluated_at)
                        VALUES (:e, :k, :n, :os, :cb, :c, :r, :q, :ans, :nc, :p, :by, :on, :at)""")
                        .param("e", id).param("k", r.kind().name()).param("n", r.round()).param("os", r.onSite())
                        .param("cb", r.combinedWithDocumentCheck()).param("c", r.conclusion()).param("r", r.reason())
                        .param("q", r.request()).param("ans", json.writeValueAsString(new Answers(r.answers())))
                        .param("nc", join(r.nonconformities())).param("p", r.clockPaused()).param("by", r.by())
                        .param("on", r.on()).param("at", time(r.at())).update();
            } catch (DuplicateKeyException ex) {
                throw Refusal.conflict("shared.staleWrite", "evaluation " + e.applicationId());
            }
        }
        for (Round r : e.supplementedRounds()) {
            Round.Supplement sup = r.supplement();
            int n = jdbc.sql("""
                    UPDATE evaluation_round SET supplement_on = :on, supplement_by = :by, supplement_note = :note, supplement_evidence = :ev
                    WHERE evaluation_id = :e AND kind = :k AND round_no = :n AND supplement_on IS NULL""")
                    .param("on", sup.on()).param("by", sup.by()).param("note", sup.note()).param("ev", join(sup.evidenceIds()))
                    .param("e", id).param("k", r.kind().name()).param("n", r.round()).update();
            if (n == 0) {
                throw Refusal.conflict("shared.staleWrite", "evaluation " + e.applicationId());
            }
        }
        if (e.consistencyNew()) {
            ConsistencyCheck c = e.consistency().orElseThrow();
            try {
                jdbc.sql("""
                        INSERT INTO evaluation_consistency (evaluation_id, verified_claim, prior_reference, evidence_id, evidence_sha256,
                            answers, conclusion, follow_up, note, nonconformity_number, checked_by, checked_on, checked_at)
                        VALUES (:e, :claim, :ref, :ev, :sha, :ans, :c, :f, :note, :nc, :by, :on, :at)""")
                        .param("e", id).param("claim", c.verifiedClaim()).param("ref", c.priorReference()).param("ev", c.evidenceId())
                        .param("sha", c.evidenceSha256()).param("ans", json.writeValueAsString(new Answers(c.answers())))
                        .param("c", c.conclusion().name()).param("f", c.followUp() == null ? null : c.followUp().name())
                        .param("note", c.note()).param("nc", c.nonconformity()).param("by", c.by()).param("on", c.on())
                        .param("at", time(c.at())).update();
            } catch (DuplicateKeyException ex) {
                throw Refusal.conflict("shared.staleWrite", "evaluation " + e.applicationId());
            }
        }
        return find(e.applicationId()).orElseThrow();
    }

    private static String join(List<? extends Number> ids) {
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> longs(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(Long::parseLong).toList();
    }

    private static java.time.LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
