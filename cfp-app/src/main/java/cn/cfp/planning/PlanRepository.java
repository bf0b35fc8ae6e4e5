package cn.cfp.planning;

import cn.cfp.scheme.ManDayActivity;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and saves {@link Plan}s with their team, objections, man-day overrides, the revisions of the on-site plan sent
 * to the client and the client's answers (tables {@code plan}, {@code plan_member}, {@code plan_objection},
 * {@code plan_man_day}, {@code plan_revision}, {@code plan_client_answer}). Saving checks the row version, so two
 * planners never both win; one plan per application is a unique key; revisions and answers are only ever inserted (one
 * answer per revision is a unique key). Reads are batched: any number of plans in six queries.
 */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Plan> findByApplication(long applicationId) {
        return load("p.application_id = :a", Map.of("a", applicationId)).stream().findFirst();
    }

    List<Plan> findAll() {
        return load("1 = 1", Map.of());
    }

    /** One page of plans, newest first, and the count of all. */
    Paging.Page<Plan> findPage(Paging paging) {
        long total = jdbc.sql("SELECT COUNT(*) FROM plan").query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT id FROM plan ORDER BY id DESC OFFSET :off ROWS FETCH NEXT :lim ROWS ONLY")
                .param("off", paging.offset()).param("lim", paging.size()).query(Long.class).list();
        return new Paging.Page<>(ids.isEmpty() ? List.of() : load("p.id IN (:ids)", Map.of("ids", ids)), total);
    }

    List<Plan> findByApplications(Collection<Long> applicationIds) {
        return applicationIds.isEmpty() ? List.of() : load("p.application_id IN (:ids)", Map.of("ids", applicationIds));
    }

    /** Inserts the plan of a new case; a second plan for the same application is refused by the unique key. */
    Plan insert(Plan p) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO plan (application_id, scheme_code, status, field_code, created_by, created_at, row_version)
                    VALUES (:a, :s, :st, :f, :by, :t, 0)""")
                    .param("a", p.applicationId()).param("s", p.schemeCode()).param("st", p.status().name()).param("f", p.field())
                    .param("by", p.createdBy()).param("t", OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC)).update(key, "id");
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("planning.alreadyStarted", p.applicationId());
        }
        return findByApplication(p.applicationId()).orElseThrow();
    }

    Plan save(Plan p) {
        int n = jdbc.sql("""
                UPDATE plan SET status = :st, field_code = :f, visit_date = :v, inspection_scheme = :is, verification_plan = :vp,
                       approved_by = :ab, approved_at = :aa, sent_by = :sb, sent_at = :sa, visit_started_by = :vb,
                       visit_started_at = :va, row_version = row_version + 1
                WHERE id = :id AND row_version = :ver""")
                .param("st", p.status().name()).param("f", p.field()).param("v", p.visitDate())
                .param("is", p.inspectionScheme() == null ? null : json.writeValueAsString(p.inspectionScheme()))
                .param("vp", p.verificationPlan() == null ? null : json.writeValueAsString(p.verificationPlan()))
                .param("ab", p.approvedBy()).param("aa", time(p.approvedAt())).param("sb", p.sentBy()).param("sa", time(p.sentAt()))
                .param("vb", p.visitStartedBy()).param("va", time(p.visitStartedAt()))
                .param("id", p.id()).param("ver", p.version()).update();
        if (n == 0) {
            throw Refusal.conflict("shared.staleWrite", "plan " + p.applicationId());
        }
        long id = p.id();
        if (p.membersChanged()) {
            jdbc.sql("DELETE FROM plan_member WHERE plan_id = :p").param("p", id).update();
            int i = 0;
            for (Plan.Member m : p.members()) {
                jdbc.sql("INSERT INTO plan_member (plan_id, user_id, team_role, member_no) VALUES (:p, :u, :r, :i)")
                        .param("p", id).param("u", m.userId()).param("r", m.role().name()).param("i", i++).update();
            }
        }
        if (p.overridesChanged()) {
            jdbc.sql("DELETE FROM plan_man_day WHERE plan_id = :p").param("p", id).update();
            for (ManDayOverride o : p.overrides()) {
                jdbc.sql("INSERT INTO plan_man_day (plan_id, scope_key, activity, man_days, reason) VALUES (:p, :s, :a, :m, :r)")
                        .param("p", id).param("s", o.scopeKey()).param("a", o.activity().name()).param("m", o.manDays())
                        .param("r", o.reason().strip()).update();
            }
        }
        for (Plan.Revision r : p.revisions()) {
            if (!r.persisted()) {
                jdbc.sql("""
                        INSERT INTO plan_revision (plan_id, revision_no, visit_date, inspection_scheme, note, sent_by, sent_at)
                        VALUES (:p, :n, :v, :is, :note, :by, :t)""")
                        .param("p", id).param("n", r.number()).param("v", r.visitDate()).param("is", json.writeValueAsString(r.scheme()))
                        .param("note", r.note()).param("by", r.sentBy()).param("t", time(r.sentAt())).update();
            }
        }
        for (Plan.Answer a : p.answers()) {
            if (a.id() == null) {
                try {
                    jdbc.sql("""
                            INSERT INTO plan_client_answer (plan_id, revision_no, answer, answer_text, answered_by, answered_at)
                            VALUES (:p, :n, :a, :t, :by, :at)""")
                            .param("p", id).param("n", a.revision()).param("a", a.answer().name()).param("t", a.text())
                            .param("by", a.by()).param("at", time(a.at())).update();
                } catch (DuplicateKeyException e) {
                    throw Refusal.conflict("planning.answer.already", a.revision(), a.answer());
                }
            }
        }
        for (Plan.Objection o : p.objections()) {
            if (o.id() == null) {
                jdbc.sql("""
                        INSERT INTO plan_objection (plan_id, member_user_id, reason, raised_by, raised_at) VALUES (:p, :m, :r, :by, :t)""")
                        .param("p", id).param("m", o.memberUserId()).param("r", o.reason()).param("by", o.raisedBy())
                        .param("t", time(o.raisedAt())).update();
            } else if (o.resolution() != null) {
                jdbc.sql("""
                        UPDATE plan_objection SET resolution = :r, resolution_note = :n, resolved_by = :by, resolved_at = :t
                        WHERE id = :id AND resolution IS NULL""")
                        .param("r", o.resolution()).param("n", o.resolutionNote()).param("by", o.resolvedBy())
                        .param("t", time(o.resolvedAt())).param("id", o.id()).update();
            }
        }
        return findByApplication(p.applicationId()).orElseThrow();
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private record Row(long id, long applicationId, String schemeCode, String createdBy, Instant createdAt, int version,
                       PlanStatus status, String field, String inspectionScheme, String verificationPlan, String approvedBy,
                       Instant approvedAt, String sentBy, Instant sentAt, String visitStartedBy, Instant visitStartedAt) {
    }

    private List<Plan> load(String where, Map<String, ?> params) {
        List<Row> rows = jdbc.sql("SELECT p.* FROM plan p WHERE " + where + " ORDER BY p.id DESC").params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("application_id"), rs.getString("scheme_code"),
                        rs.getString("created_by"), instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("row_version"),
                        PlanStatus.valueOf(rs.getString("status")), rs.getString("field_code"), rs.getString("inspection_scheme"),
                        rs.getString("verification_plan"), rs.getString("approved_by"), instant(rs.getObject("approved_at", OffsetDateTime.class)),
                        rs.getString("sent_by"), instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("visit_started_by"),
                        instant(rs.getObject("visit_started_at", OffsetDateTime.class)))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Plan.Member>> members = new LinkedHashMap<>();
        Map<Long, List<Plan.Objection>> objections = new LinkedHashMap<>();
        Map<Long, List<ManDayOverride>> overrides = new LinkedHashMap<>();
        Map<Long, List<Plan.Revision>> revisions = new LinkedHashMap<>();
        Map<Long, List<Plan.Answer>> answers = new LinkedHashMap<>();
        String join = " JOIN plan p ON p.id = x.plan_id WHERE " + where;
        jdbc.sql("SELECT x.plan_id, x.user_id, x.team_role FROM plan_member x" + join + " ORDER BY x.plan_id, x.member_no").params(params)
                .query((rs, n) -> members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Plan.Member(rs.getLong(2), TeamRole.valueOf(rs.getString(3))))).list();
        jdbc.sql("SELECT x.* FROM plan_objection x" + join + " ORDER BY x.plan_id, x.id").params(params)
                .query((rs, n) -> {
                    long m = rs.getLong("member_user_id");
                    Long member = rs.wasNull() ? null : m;
                    return objections.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>()).add(new Plan.Objection(rs.getLong("id"),
                            member, rs.getString("reason"), rs.getString("raised_by"), instant(rs.getObject("raised_at", OffsetDateTime.class)),
                            rs.getString("resolution"), rs.getString("resolution_note"), rs.getString("resolved_by"),
                            instant(rs.getObject("resolved_at", OffsetDateTime.class))));
                }).list();
        jdbc.sql("SELECT x.* FROM plan_man_day x" + join + " ORDER BY x.plan_id, x.scope_key, x.activity").params(params)
                .query((rs, n) -> overrides.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
                        .add(new ManDayOverride(rs.getString("scope_key"), ManDayActivity.valueOf(rs.getString("activity")),
                                rs.getBigDecimal("man_days").stripTrailingZeros(), rs.getString("reason")))).list();
        jdbc.sql("SELECT x.* FROM plan_revision x" + join + " ORDER BY x.plan_id, x.revision_no").params(params)
                .query((rs, n) -> revisions.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
                        .add(new Plan.Revision(rs.getInt("revision_no"), json.readValue(rs.getString("inspection_scheme"), InspectionScheme.class),
                                rs.getString("note"), rs.getString("sent_by"), instant(rs.getObject("sent_at", OffsetDateTime.class)), true))).list();
        jdbc.sql("SELECT x.* FROM plan_client_answer x" + join + " ORDER BY x.plan_id, x.id").params(params)
                .query((rs, n) -> answers.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
                        .add(new Plan.Answer(rs.getLong("id"), rs.getInt("revision_no"), ClientAnswer.valueOf(rs.getString("answer")),
                                rs.getString("answer_text"), rs.getString("answered_by"),
                                instant(rs.getObject("answered_at", OffsetDateTime.class))))).list();
        return rows.stream().map(r -> new Plan(r.id(), r.applicationId(), r.schemeCode(), r.createdBy(), r.createdAt(), r.version(),
                r.status(), r.field(), r.inspectionScheme() == null ? null : json.readValue(r.inspectionScheme(), InspectionScheme.class),
                r.verificationPlan() == null ? null : json.readValue(r.verificationPlan(), VerificationPlan.class), r.approvedBy(),
                r.approvedAt(), r.sentBy(), r.sentAt(), r.visitStartedBy(), r.visitStartedAt(), members.getOrDefault(r.id(), List.of()),
                objections.getOrDefault(r.id(), List.of()), overrides.getOrDefault(r.id(), List.of()),
                revisions.getOrDefault(r.id(), List.of()), answers.getOrDefault(r.id(), List.of()))).toList();
    }
}
