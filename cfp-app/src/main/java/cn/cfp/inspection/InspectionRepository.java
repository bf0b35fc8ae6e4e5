package cn.cfp.inspection;

import cn.cfp.scheme.InspectionRules;
import cn.cfp.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The module's own tables; every update checks the row's version (a stale write is a 409, never a silent overwrite). */
@Repository
class InspectionRepository {

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- visit

    record VisitRow(long id, long applicationId, LocalDate scheduledOn, String team, Instant startedAt, String startedBy,
                    Set<String> excludedStages, String productionModel, String productionLine, String productionNote,
                    List<Long> productionEvidence, String disagreement, Long sampleSeed, Instant checklistCompletedAt,
                    Instant completedAt, String completedBy, int version) {
    }

    Optional<VisitRow> visit(long applicationId) {
        return jdbc.sql("SELECT * FROM inspection_visit WHERE application_id = :a").param("a", applicationId)
                .query(InspectionRepository::visitRow).optional();
    }

    /**
     * Makes the visit row unless it exists: planning's listener and a first request may both make it at once; the one
     * that comes second inserts nothing (no failed statement, which would abort a PostgreSQL transaction).
     */
    void insertVisit(long applicationId, LocalDate scheduledOn, String team) {
        jdbc.sql("INSERT INTO inspection_visit (application_id, scheduled_on, team, version) VALUES (:a, :d, :t, 0) ON CONFLICT DO NOTHING")
                .param("a", applicationId).param("d", scheduledOn).param("t", team).update();
    }

    void updateVisit(VisitRow v) {
        int n = jdbc.sql("""
                UPDATE inspection_visit SET scheduled_on = :d, team = :t, started_at = :sa, started_by = :sb,
                    excluded_stages = :ex, production_model = :pm, production_line = :pl, production_note = :pn,
                    production_evidence = :pe, disagreement = :dis, sample_seed = :seed, checklist_completed_at = :cc,
                    completed_at = :ca, completed_by = :cb, version = version + 1
                WHERE id = :id AND version = :v""")
                .param("d", v.scheduledOn()).param("t", v.team()).param("sa", ts(v.startedAt())).param("sb", v.startedBy())
                .param("ex", v.excludedStages().isEmpty() ? null : String.join(",", v.excludedStages()))
                .param("pm", v.productionModel()).param("pl", v.productionLine()).param("pn", v.productionNote())
                .param("pe", ids(v.productionEvidence())).param("dis", v.disagreement()).param("seed", v.sampleSeed())
                .param("cc", ts(v.checklistCompletedAt())).param("ca", ts(v.completedAt())).param("cb", v.completedBy())
                .param("id", v.id()).param("v", v.version()).update();
        if (n == 0) {
            throw Refusal.conflict("inspection.visit.stale", v.version());
        }
    }

    private static VisitRow visitRow(ResultSet rs, int i) throws SQLException {
        java.sql.Date d = rs.getDate("scheduled_on");
        String ex = rs.getString("excluded_stages");
        long seed = rs.getLong("sample_seed");
        Long seedOrNull = rs.wasNull() ? null : seed;
        return new VisitRow(rs.getLong("id"), rs.getLong("application_id"), d == null ? null : d.toLocalDate(),
                rs.getString("team"), instant(rs.getTimestamp("started_at")), rs.getString("started_by"),
                ex == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(ex.split(","))), rs.getString("production_model"),
                rs.getString("production_line"), rs.getString("production_note"), idList(rs.getString("production_evidence")),
                rs.getString("disagreement"), seedOrNull, instant(rs.getTimestamp("checklist_completed_at")),
                instant(rs.getTimestamp("completed_at")), rs.getString("completed_by"), rs.getInt("version"));
    }

    // ---- attendance

    long insertAttendance(long applicationId, InspectionRules.Meeting meeting, String name, String organisation, String position,
                          boolean signed, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_attendance (application_id, meeting, person_name, organisation, position, signed,
                    recorded_by, recorded_at) VALUES (:a, :m, :n, :o, :p, :s, :by, :at)""")
                .param("a", applicationId).param("m", meeting.name()).param("n", name).param("o", organisation)
                .param("p", position).param("s", signed).param("by", by).param("at", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    List<Attendance> attendance(long applicationId) {
        return jdbc.sql("SELECT * FROM inspection_attendance WHERE application_id = :a ORDER BY id").param("a", applicationId)
                .query((rs, i) -> new Attendance(rs.getLong("id"), InspectionRules.Meeting.valueOf(rs.getString("meeting")),
                        rs.getString("person_name"), rs.getString("organisation"), rs.getString("position"),
                        rs.getBoolean("signed"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant())).list();
    }

    // ---- answers

    List<Answer> answers(long applicationId, Answer.Kind kind) {
        return jdbc.sql("SELECT * FROM inspection_answer WHERE application_id = :a AND kind = :k ORDER BY id")
                .param("a", applicationId).param("k", kind.name()).query(InspectionRepository::answerRow).list();
    }

    Optional<Answer> answer(long applicationId, Answer.Kind kind, String itemId, long targetId) {
        return jdbc.sql("SELECT * FROM inspection_answer WHERE application_id = :a AND kind = :k AND item_id = :i AND target_id = :t")
                .param("a", applicationId).param("k", kind.name()).param("i", itemId).param("t", targetId)
                .query(InspectionRepository::answerRow).optional();
    }

    void insertAnswer(long applicationId, Answer a) {
        jdbc.sql("""
                INSERT INTO inspection_answer (application_id, kind, item_id, target_id, result, note, evidence_ids, nc_id,
                    answered_by, answered_at, version) VALUES (:a, :k, :i, :t, :r, :n, :e, :nc, :by, :at, 0)""")
                .param("a", applicationId).param("k", a.kind().name()).param("i", a.itemId()).param("t", a.targetId())
                .param("r", a.result().name()).param("n", a.note()).param("e", ids(a.evidenceIds())).param("nc", a.ncId())
                .param("by", a.answeredBy()).param("at", Timestamp.from(a.answeredAt())).update();
    }

    void updateAnswer(Answer a) {
        int n = jdbc.sql("""
                UPDATE inspection_answer SET result = :r, note = :n, evidence_ids = :e, nc_id = :nc, answered_by = :by,
                    answered_at = :at, version = version + 1 WHERE id = :id AND version = :v""")
                .param("r", a.result().name()).param("n", a.note()).param("e", ids(a.evidenceIds())).param("nc", a.ncId())
                .param("by", a.answeredBy()).param("at", Timestamp.from(a.answeredAt())).param("id", a.id())
                .param("v", a.version()).update();
        if (n == 0) {
            throw Refusal.conflict("inspection.answer.stale", a.itemId(), a.version());
        }
    }

    private static Answer answerRow(ResultSet rs, int i) throws SQLException {
        long nc = rs.getLong("nc_id");
        Long ncId = rs.wasNull() ? null : nc;
        return new Answer(rs.getLong("id"), Answer.Kind.valueOf(rs.getString("kind")), rs.getString("item_id"),
                rs.getLong("target_id"), Answer.Result.valueOf(rs.getString("result")), rs.getString("note"),
                idList(rs.getString("evidence_ids")), ncId, rs.getString("answered_by"),
                rs.getTimestamp("answered_at").toInstant(), rs.getInt("version"));
    }

    // ---- samples

    List<UnitSample> samples(long applicationId) {
        return jdbc.sql("SELECT * FROM inspection_unit_sample WHERE application_id = :a ORDER BY unit_id").param("a", applicationId)
                .query((rs, i) -> {
                    int size = rs.getInt("sample_size");
                    Integer sizeOrNull = rs.wasNull() ? null : size;
                    String sample = rs.getString("sample");
                    return new UnitSample(rs.getLong("unit_id"), lines(rs.getString("confirmed")), sizeOrNull,
                            sample == null ? List.of() : lines(sample), rs.getString("drawn_by"),
                            instant(rs.getTimestamp("drawn_at")), rs.getInt("version"));
                }).list();
    }

    void saveSample(long applicationId, UnitSample s, boolean insert) {
        if (insert) {
            jdbc.sql("""
                    INSERT INTO inspection_unit_sample (application_id, unit_id, confirmed, sample_size, sample, drawn_by,
                        drawn_at, version) VALUES (:a, :u, :c, :n, :s, :by, :at, 0)""")
                    .param("a", applicationId).param("u", s.unitId()).param("c", String.join("\n", s.confirmed()))
                    .param("n", s.sampleSize()).param("s", s.sample().isEmpty() ? null : String.join("\n", s.sample()))
                    .param("by", s.drawnBy()).param("at", ts(s.drawnAt())).update();
            return;
        }
        int n = jdbc.sql("""
                UPDATE inspection_unit_sample SET confirmed = :c, sample_size = :n, sample = :s, drawn_by = :by, drawn_at = :at,
                    version = version + 1 WHERE application_id = :a AND unit_id = :u AND version = :v""")
                .param("a", applicationId).param("u", s.unitId()).param("c", String.join("\n", s.confirmed()))
                .param("n", s.sampleSize()).param("s", s.sample().isEmpty() ? null : String.join("\n", s.sample()))
                .param("by", s.drawnBy()).param("at", ts(s.drawnAt())).param("v", s.version()).update();
        if (n == 0) {
            throw Refusal.conflict("inspection.sample.stale", s.unitId(), s.version());
        }
    }

    // ---- helpers

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    static String ids(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> idList(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(Long::valueOf).toList();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
