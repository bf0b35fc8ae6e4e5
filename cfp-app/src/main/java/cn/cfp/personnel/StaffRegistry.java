package cn.cfp.personnel;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.access.UserView;
import cn.cfp.audit.AuditTrail;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.Qualification;
import cn.cfp.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personnel registry (R-PER-1, R-PER-2, R-PER-4). Staff members without a recorded profile are shown as such and
 * cannot satisfy any team rule (no confidentiality agreement on file).
 */
@Service
public class StaffRegistry {

    /** R-PER-4: the body needs ≥ 10 full-time CFP staff with ≥ 2 years' experience in the field [000 §2.4]. */
    public static final int REQUIRED_FULL_TIME_STAFF = 10;
    public static final int REQUIRED_EXPERIENCE_YEARS = 2;
    public static final String STAFFING_CITE = "000 §2.4";

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    StaffRegistry(JdbcClient jdbc, UserDirectory users, Organisations organisations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every staff user with their profile (an empty profile when none is recorded yet). */
    public List<StaffProfile> all() {
        return users.all().stream().filter(u -> u.roles().stream().anyMatch(Role::isStaff)).map(this::profileOf).toList();
    }

    /** The profile of a staff user; 404 when the user does not exist. */
    public StaffProfile get(long userId) {
        return profileOf(users.get(userId));
    }

    public Optional<StaffProfile> find(long userId) {
        try {
            return Optional.of(get(userId));
        } catch (Refusal r) {
            return Optional.empty();
        }
    }

    /** Whether the staff member declared a conflict of interest with any of these client organisations (R-PER-2). */
    public boolean conflicted(long userId, java.util.Collection<Long> organisationIds) {
        return find(userId).map(p -> !p.conflictsWith(organisationIds).isEmpty()).orElse(false);
    }

    public boolean recorded(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_profile WHERE user_id = :u").param("u", userId).query(Long.class).single() > 0;
    }

    @Transactional
    public StaffProfile save(String actor, long userId, ProfileInput in) {
        UserView user = users.get(userId);
        List<String> problems = new ArrayList<>();
        if (user.roles().stream().noneMatch(Role::isStaff)) {
            problems.add("User " + user.username() + " is not certification-body staff: only staff have a personnel profile / 只有认证机构人员才有人员档案");
        }
        if (in == null) {
            throw new Refusal(400, "Send the profile / 请提交人员档案");
        }
        int years = in.experienceYears() == null ? -1 : in.experienceYears();
        if (years < 0 || years > 60) {
            problems.add("Experience must be 0-60 years, got " + in.experienceYears() + " / 工作经历年限应为 0-60");
        }
        String reg = in.ccaaRegistrationNo() == null || in.ccaaRegistrationNo().isBlank() ? null : in.ccaaRegistrationNo().strip();
        if (in.qualifications().contains(Qualification.CCAA_REGISTERED) && reg == null) {
            problems.add("A CCAA-registered inspector needs the registration number / CCAA 注册检查员须填写注册证书编号");
        }
        if (reg != null && reg.length() > 60) {
            problems.add("The CCAA registration number has at most 60 characters / 注册编号过长");
        }
        LocalDate today = LocalDate.now(clock);
        if (in.confidentialitySignedOn() != null && in.confidentialitySignedOn().isAfter(today)) {
            problems.add("The confidentiality agreement date " + in.confidentialitySignedOn() + " is in the future / 保密协议签署日期不能晚于今天");
        }
        Set<String> seen = new HashSet<>();
        for (FieldCompetence f : in.fields()) {
            problems.addAll(f.evidenceProblems());
            if (!seen.add(f.field())) {
                problems.add("Field " + f.field() + " is listed twice / 领域 " + f.field() + " 重复");
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.texts(400, problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean exists = recorded(userId);
        if (exists) {
            jdbc.sql("""
                    UPDATE staff_profile SET full_time = :ft, experience_years = :y, ccaa_registration_no = :reg,
                      confidentiality_signed_on = :c, updated_by = :a, updated_at = :t WHERE user_id = :u""")
                    .param("ft", in.fullTime()).param("y", years).param("reg", reg).param("c", in.confidentialitySignedOn())
                    .param("a", actor).param("t", now).param("u", userId).update();
            jdbc.sql("DELETE FROM staff_qualification WHERE user_id = :u").param("u", userId).update();
            jdbc.sql("DELETE FROM staff_field WHERE user_id = :u").param("u", userId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO staff_profile (user_id, full_time, experience_years, ccaa_registration_no,
                      confidentiality_signed_on, updated_by, updated_at) VALUES (:u, :ft, :y, :reg, :c, :a, :t)""")
                    .param("ft", in.fullTime()).param("y", years).param("reg", reg).param("c", in.confidentialitySignedOn())
                    .param("a", actor).param("t", now).param("u", userId).update();
        }
        for (Qualification q : EnumSet.copyOf(in.qualifications().isEmpty() ? EnumSet.noneOf(Qualification.class) : in.qualifications())) {
            jdbc.sql("INSERT INTO staff_qualification (user_id, qualification) VALUES (:u, :q)")
                    .param("u", userId).param("q", q.name()).update();
        }
        for (FieldCompetence f : in.fields()) {
            jdbc.sql("""
                    INSERT INTO staff_field (user_id, field_code, competence, trained, exam_passed, project_count)
                    VALUES (:u, :f, :l, :tr, :ex, :p)""")
                    .param("u", userId).param("f", f.field()).param("l", f.level().name()).param("tr", f.trained())
                    .param("ex", f.examPassed()).param("p", f.projects()).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fullTime", in.fullTime());
        details.put("qualifications", in.qualifications().stream().map(Enum::name).sorted().toList());
        details.put("ccaaRegistrationNo", reg);
        details.put("fields", in.fields().stream().map(f -> f.field() + ":" + f.level()).toList());
        details.put("experienceYears", years);
        details.put("confidentialitySignedOn", String.valueOf(in.confidentialitySignedOn()));
        audit.record(actor, exists ? "STAFF_PROFILE_UPDATED" : "STAFF_PROFILE_CREATED", "user:" + user.username(), details);
        return get(userId);
    }

    /**
     * Records a conflict-of-interest declaration (R-PER-2). The person themself, an admin or a competence evaluator may
     * record it. A declared conflict makes the person unassignable to that client's work.
     */
    @Transactional
    public StaffProfile declare(Actor actor, long userId, long clientOrgId, boolean conflicted, String note,
                                LocalDate declaredOn) {
        UserView user = users.get(userId);
        if (actor.id() != userId && !actor.has(Role.ADMIN) && !actor.has(Role.COMPETENCE_EVALUATOR)) {
            throw Refusal.forbidden("Only the person, an administrator or a competence evaluator records a declaration / 只有本人、管理员或能力评价人员可以登记声明");
        }
        if (!recorded(userId)) {
            throw new Refusal(409, "Record the personnel profile of " + user.username() + " first / 请先建立该人员的档案");
        }
        List<String> problems = new ArrayList<>();
        organisations.find(clientOrgId).ifPresentOrElse(o -> {
            if (o.kind() != cn.cfp.party.Organisation.Kind.CLIENT) {
                problems.add("Organisation " + clientOrgId + " is not a client / 该组织不是委托方");
            }
        }, () -> problems.add("Organisation " + clientOrgId + " does not exist / 组织不存在"));
        LocalDate on = declaredOn != null ? declaredOn : LocalDate.now(clock);
        if (on.isAfter(LocalDate.now(clock))) {
            problems.add("The declaration date " + on + " is in the future / 声明日期不能晚于今天");
        }
        if (note != null && note.length() > 500) {
            problems.add("The note has at most 500 characters / 说明最多 500 字");
        }
        if (conflicted && (note == null || note.isBlank())) {
            problems.add("Say what the conflict of interest is / 请说明利益冲突的情况");
        }
        if (!problems.isEmpty()) {
            throw Refusal.texts(400, problems);
        }
        jdbc.sql("DELETE FROM staff_conflict WHERE user_id = :u AND client_org_id = :o").param("u", userId).param("o", clientOrgId).update();
        jdbc.sql("""
                INSERT INTO staff_conflict (user_id, client_org_id, conflicted, note, declared_on, recorded_by)
                VALUES (:u, :o, :c, :n, :d, :a)""")
                .param("u", userId).param("o", clientOrgId).param("c", conflicted)
                .param("n", note == null || note.isBlank() ? null : note.strip()).param("d", on).param("a", actor.username()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientOrgId", clientOrgId);
        details.put("conflicted", conflicted);
        details.put("declaredOn", on.toString());
        audit.record(actor.username(), "STAFF_CONFLICT_DECLARED", "user:" + user.username(), details);
        return get(userId);
    }

    /** R-PER-4 dashboard figure [000 §2.4]. */
    public StaffingFigure staffing() {
        List<String> names = all().stream()
                .filter(p -> p.fullTime() && p.experienceYears() >= REQUIRED_EXPERIENCE_YEARS)
                .map(StaffProfile::name).toList();
        return new StaffingFigure(names.size(), REQUIRED_FULL_TIME_STAFF, REQUIRED_EXPERIENCE_YEARS, names, STAFFING_CITE);
    }

    private StaffProfile profileOf(UserView u) {
        Optional<Map<String, Object>> row = jdbc.sql("SELECT * FROM staff_profile WHERE user_id = :u").param("u", u.id())
                .query((rs, n) -> row(rs)).optional();
        if (row.isEmpty()) {
            return new StaffProfile(u.id(), u.username(), u.displayName(), u.roles(), false, Set.of(), null, List.of(), 0,
                    null, List.of());
        }
        Map<String, Object> r = row.get();
        Set<Qualification> qs = EnumSet.noneOf(Qualification.class);
        jdbc.sql("SELECT qualification FROM staff_qualification WHERE user_id = :u").param("u", u.id())
                .query(String.class).list().forEach(q -> {
                    try {
                        qs.add(Qualification.valueOf(q));
                    } catch (IllegalArgumentException ignored) {
                        // a qualification the scheme module no longer knows: not counted
                    }
                });
        List<FieldCompetence> fields = jdbc.sql("SELECT * FROM staff_field WHERE user_id = :u ORDER BY field_code").param("u", u.id())
                .query((rs, n) -> new FieldCompetence(rs.getString("field_code"), CompetenceLevel.valueOf(rs.getString("competence")),
                        rs.getBoolean("trained"), rs.getBoolean("exam_passed"), rs.getInt("project_count"))).list();
        List<ConflictDeclaration> conflicts = jdbc.sql("SELECT * FROM staff_conflict WHERE user_id = :u ORDER BY client_org_id")
                .param("u", u.id())
                .query((rs, n) -> new ConflictDeclaration(rs.getLong("client_org_id"), rs.getBoolean("conflicted"),
                        rs.getString("note"), rs.getObject("declared_on", LocalDate.class))).list();
        return new StaffProfile(u.id(), u.username(), u.displayName(), u.roles(), (Boolean) r.get("ft"), qs,
                (String) r.get("reg"), fields, (Integer) r.get("years"), (LocalDate) r.get("conf"), conflicts);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("ft", rs.getBoolean("full_time"));
        m.put("years", rs.getInt("experience_years"));
        m.put("reg", rs.getString("ccaa_registration_no"));
        m.put("conf", rs.getObject("confidentiality_signed_on", LocalDate.class));
        return m;
    }
}
