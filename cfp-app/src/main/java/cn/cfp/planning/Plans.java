package cn.cfp.planning;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.application.ApplicationStatus;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.ManDayTable;
import cn.cfp.scheme.PlanNotice;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.TimeLimit;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planning workflow (R-PLAN-1..4, R-PLAN-6, R-PER-2/3) for an accepted application. One plan per application:
 * DRAFT → TEAM_PROPOSED → (OBJECTED → TEAM_PROPOSED) → APPROVED → SENT. Every change is audited in the same
 * transaction; a refusal changes nothing. Record-level access: staff see every plan, a client only the plans of
 * applications naming its organisation (as applicant, manufacturer or factory).
 */
@Service
public class Plans {

    static final Set<Role> PLANNERS = EnumSet.of(Role.PROJECT_MANAGER, Role.ADMIN);
    static final Set<PlanStatus> EDITABLE = EnumSet.of(PlanStatus.DRAFT, PlanStatus.TEAM_PROPOSED, PlanStatus.OBJECTED,
            PlanStatus.APPROVED);
    static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** The client is told the team members' names and roles and may object [000 Annex 2 §4.2 note]. */
    public static final String OBJECTION_CITE = "000 Annex 2 §4.2 注";

    private final JdbcClient jdbc;
    private final Applications applications;
    private final SchemeCatalog schemes;
    private final StaffRegistry staff;
    private final AuditTrail audit;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Plans(JdbcClient jdbc, Applications applications, SchemeCatalog schemes, StaffRegistry staff, AuditTrail audit,
          WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.schemes = schemes;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ queries

    /** The plan of an application, if planning has started (no access check: for other modules, e.g. the client's application page). */
    public Optional<PlanView> forApplication(long applicationId) {
        return row(applicationId).map(this::view);
    }

    /** The plan as this person may see it: staff the whole plan, a client of the application the client view. */
    public PlanView view(CfpPrincipal who, long applicationId) {
        ApplicationView app = visibleApplication(who, applicationId);
        PlanView plan = forApplication(app.id()).orElseThrow(() -> Refusal.notFound("A plan for application " + app.reference()));
        return who.isStaff() ? plan : plan.forClient();
    }

    /** Every plan (staff lists). */
    public List<PlanView> all() {
        return jdbc.sql("SELECT application_id FROM plan ORDER BY id DESC").query(Long.class).list().stream()
                .map(id -> forApplication(id).orElseThrow()).toList();
    }

    /** Staff who may be proposed for this application's team, with whether they declared a conflict with the client. */
    public List<Candidate> candidates(long applicationId) {
        ApplicationView app = applications.get(applicationId);
        Set<Long> clients = clients(app);
        return staff.all().stream().filter(p -> p.roles().stream().anyMatch(r -> r == Role.INSPECTOR || r == Role.VERIFIER
                        || r == Role.TECHNICAL_EXPERT || r == Role.PROJECT_MANAGER))
                .map(p -> new Candidate(p, !p.conflictsWith(clients).isEmpty())).toList();
    }

    /** A staff member who could be proposed; {@code conflicted} people cannot be chosen (R-PER-2). */
    public record Candidate(StaffProfile profile, boolean conflicted) {
    }

    /** Dry run of the team rules, changing nothing. */
    public TeamVerdict checkTeam(long applicationId, String field, List<MemberInput> members) {
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(app.schemeCode());
        return TeamCompositionPolicy.evaluate(scheme.teamPolicy(), scheme.independence(), proposed(members), clients(app),
                normaliseField(field));
    }

    // ------------------------------------------------------------------ steps

    /** Starts planning for an accepted application (PROJECT_MANAGER, ADMIN). */
    @Transactional
    public PlanView start(CfpPrincipal actor, long applicationId) {
        requirePlanner(actor);
        ApplicationView app = applications.get(applicationId);
        requireAccepted(app);
        if (row(applicationId).isPresent()) {
            throw new Refusal(409, "Planning for application " + app.reference() + " has already started / 该申请的认证策划已开始");
        }
        String field = app.products().stream().map(ApplicationView.Product::category).filter(Objects::nonNull)
                .map(Plans::normaliseField).filter(f -> f != null && FIELD.matcher(f).matches()).findFirst().orElse(null);
        jdbc.sql("""
                INSERT INTO plan (application_id, scheme_code, status, field_code, created_by, created_at)
                VALUES (:a, :s, 'DRAFT', :f, :by, :t)""")
                .param("a", applicationId).param("s", app.schemeCode()).param("f", field).param("by", actor.username())
                .param("t", now()).update();
        audit.record(actor.username(), "PLAN_STARTED", target(app), Map.of("scheme", app.schemeCode(), "field", String.valueOf(field)));
        return forApplication(applicationId).orElseThrow();
    }

    /**
     * Proposes (or changes) the team; it must meet every rule (a refusal lists them all and changes nothing). The team's
     * names and roles are then shown to the client, who may object [000 Annex 2 §4.2 note].
     */
    @Transactional
    public PlanView proposeTeam(CfpPrincipal actor, long applicationId, String field, List<MemberInput> members) {
        requirePlanner(actor);
        PlanRow plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        requireAccepted(app);
        if (plan.status == PlanStatus.OBJECTED) {
            throw new Refusal(409, "The client objected to the team: resolve the objection (replace the member or overrule with a reason) first / "
                    + "委托方对检查组有异议，请先处理异议");
        }
        requireStatus(plan, EDITABLE, "change the team", "变更检查组");
        String f = normaliseField(field != null ? field : plan.field);
        if (f != null && !FIELD.matcher(f).matches()) {
            throw new Refusal(400, "Field code '" + f + "' is invalid: use capital letters, digits or '_' (e.g. PV13) / 领域代码格式不正确");
        }
        Scheme scheme = schemes.get(app.schemeCode());
        List<ProposedMember> proposed = proposed(members);
        TeamVerdict verdict = TeamCompositionPolicy.evaluate(scheme.teamPolicy(), scheme.independence(), proposed, clients(app), f);
        if (verdict instanceof TeamVerdict.Refused r) {
            throw new Refusal(400, r.reasons());
        }
        writeTeam(plan.id, members);
        jdbc.sql("UPDATE plan SET field_code = :f WHERE id = :id").param("f", f).param("id", plan.id).update();
        if (plan.status == PlanStatus.APPROVED) {
            jdbc.sql("UPDATE plan SET approved_by = NULL, approved_at = NULL WHERE id = :id").param("id", plan.id).update();
            audit.record(actor.username(), "PLAN_APPROVAL_WITHDRAWN", target(app), Map.of("reason", "team changed after approval"));
        }
        transition(plan, PlanStatus.TEAM_PROPOSED);
        audit.record(actor.username(), "PLAN_TEAM_PROPOSED", target(app), teamDetails(proposed, f, plan.status));
        return forApplication(applicationId).orElseThrow();
    }

    /** The client objects to the team or to one member, with a reason [000 Annex 2 §4.2 note]. */
    @Transactional
    public PlanView object(CfpPrincipal actor, long applicationId, Long memberUserId, String reason) {
        if (!actor.isClient()) {
            throw Refusal.forbidden("Only the client objects to the team / 只有委托方可以对检查组提出异议");
        }
        ApplicationView app = visibleApplication(actor, applicationId);
        PlanRow plan = requirePlan(applicationId);
        requireStatus(plan, EnumSet.of(PlanStatus.TEAM_PROPOSED, PlanStatus.OBJECTED), "object to the team", "对检查组提出异议");
        List<String> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add("Say why you object / 请说明异议理由");
        } else if (reason.length() > 2000) {
            problems.add("The reason has at most 2000 characters / 异议理由最多 2000 字");
        }
        if (memberUserId != null && members(plan.id).stream().noneMatch(m -> m.userId() == memberUserId)) {
            problems.add("User " + memberUserId + " is not in the team / 该人员不在检查组中");
        }
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        jdbc.sql("""
                INSERT INTO plan_objection (plan_id, member_user_id, reason, raised_by, raised_at)
                VALUES (:p, :m, :r, :by, :t)""")
                .param("p", plan.id).param("m", memberUserId).param("r", reason.strip()).param("by", actor.username())
                .param("t", now()).update();
        if (plan.status != PlanStatus.OBJECTED) {
            transition(plan, PlanStatus.OBJECTED);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("member", String.valueOf(memberUserId));
        d.put("reason", reason.strip());
        audit.record(actor.username(), "PLAN_TEAM_OBJECTED", target(app), d);
        return view(actor, applicationId);
    }

    /**
     * Staff resolve an objection: {@code REPLACE} with a new team (checked like any proposal; the member objected to
     * must be gone) or {@code OVERRULE} with a reason. With no objection left open the team stands proposed again.
     */
    @Transactional
    public PlanView resolveObjection(CfpPrincipal actor, long applicationId, long objectionId, String resolution, String note,
                                     String field, List<MemberInput> newTeam) {
        requirePlanner(actor);
        PlanRow plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        requireStatus(plan, EnumSet.of(PlanStatus.OBJECTED), "resolve an objection", "处理异议");
        PlanView.Objection o = objections(plan.id).stream().filter(x -> x.id() == objectionId).findFirst()
                .orElseThrow(() -> Refusal.notFound("Objection " + objectionId));
        if (!o.open()) {
            throw new Refusal(409, "Objection " + objectionId + " is already resolved / 该异议已处理");
        }
        String how = resolution == null ? "" : resolution.strip().toUpperCase(Locale.ROOT);
        if (note == null || note.isBlank()) {
            throw new Refusal(400, "Say how the objection was handled / 请说明异议处理情况");
        }
        Scheme scheme = schemes.get(app.schemeCode());
        String f = normaliseField(field != null ? field : plan.field);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("objection", objectionId);
        d.put("resolution", how);
        d.put("note", note.strip());
        switch (how) {
            case "REPLACE" -> {
                List<ProposedMember> proposed = proposed(newTeam);
                List<String> problems = new ArrayList<>();
                if (o.memberUserId() != null && newTeam != null && newTeam.stream().anyMatch(m -> m.userId() == o.memberUserId())) {
                    problems.add(o.memberName() + ", objected to by the client, is still in the team / 委托方提出异议的人员仍在检查组中");
                }
                TeamVerdict v = TeamCompositionPolicy.evaluate(scheme.teamPolicy(), scheme.independence(), proposed, clients(app), f);
                problems.addAll(v.reasons());
                if (!problems.isEmpty()) {
                    throw new Refusal(400, problems);
                }
                writeTeam(plan.id, newTeam);
                jdbc.sql("UPDATE plan SET field_code = :f WHERE id = :id").param("f", f).param("id", plan.id).update();
                d.putAll(teamDetails(proposed, f, plan.status));
            }
            case "OVERRULE" -> {
                // the team stays; the reason is recorded and shown to the client
            }
            default -> throw new Refusal(400, "Resolve with REPLACE (a new team) or OVERRULE (keep the team, with a reason), got '"
                    + resolution + "' / 处理方式应为 REPLACE（更换人员）或 OVERRULE（维持并说明理由）");
        }
        jdbc.sql("""
                UPDATE plan_objection SET resolution = :r, resolution_note = :n, resolved_by = :by, resolved_at = :t
                WHERE id = :id AND resolution IS NULL""")
                .param("r", how).param("n", note.strip()).param("by", actor.username()).param("t", now()).param("id", objectionId)
                .update();
        boolean stillOpen = objections(plan.id).stream().anyMatch(PlanView.Objection::open);
        if (!stillOpen) {
            transition(plan, PlanStatus.TEAM_PROPOSED);
        } else {
            touch(plan);
        }
        audit.record(actor.username(), "PLAN_OBJECTION_RESOLVED", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /** Replaces the planner's man-day overrides (each with a reason, within the scheme's allowed reduction). */
    @Transactional
    public PlanView setManDays(CfpPrincipal actor, long applicationId, List<ManDayOverride> overrides) {
        requirePlanner(actor);
        PlanRow plan = requirePlan(applicationId);
        requireStatus(plan, EDITABLE, "change the man-days", "调整人日数");
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(app.schemeCode());
        List<ManDayOverride> ovs = overrides == null ? List.of() : overrides;
        Set<String> seen = new java.util.HashSet<>();
        for (ManDayOverride o : ovs) {
            if (!seen.add(o.scopeKey() + "|" + o.activity())) {
                throw new Refusal(400, "Two figures for " + o.scopeKey() + " · " + o.activity() + " / 同一场所和活动填写了两次");
            }
        }
        ManDayPlan computed = ManDayCalculator.plan(scheme.manDayTable(), scopes(app, scheme.manDayTable()), ovs);
        if (!computed.problems().isEmpty()) {
            throw new Refusal(400, computed.problems());
        }
        jdbc.sql("DELETE FROM plan_man_day WHERE plan_id = :p").param("p", plan.id).update();
        for (ManDayOverride o : ovs) {
            jdbc.sql("INSERT INTO plan_man_day (plan_id, scope_key, activity, man_days, reason) VALUES (:p, :s, :a, :m, :r)")
                    .param("p", plan.id).param("s", o.scopeKey()).param("a", o.activity().name()).param("m", o.manDays())
                    .param("r", o.reason().strip()).update();
        }
        withdrawApprovalOrTouch(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("overrides", ovs.stream().map(o -> o.scopeKey() + " " + o.activity() + " = " + o.manDays() + " (" + o.reason().strip() + ")").toList());
        d.put("total", computed.total().toPlainString());
        audit.record(actor.username(), "PLAN_MAN_DAYS_SET", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /** Records the inspection scheme (检查方案, R-PLAN-1); incomplete drafts are kept, approval needs it complete. */
    @Transactional
    public PlanView setInspectionScheme(CfpPrincipal actor, long applicationId, InspectionScheme scheme) {
        PlanRow plan = requirePlan(applicationId);
        requireWriter(actor, plan);
        requireStatus(plan, EDITABLE, "change the inspection scheme", "修改检查方案");
        if (scheme == null) {
            throw new Refusal(400, "Send the inspection scheme / 请提交检查方案");
        }
        if (scheme.visitDate() != null && scheme.visitDate().isBefore(today())) {
            throw new Refusal(400, "The visit date " + scheme.visitDate() + " is in the past / 现场日期不能早于今天");
        }
        if (scheme.dataPeriodFrom() != null && scheme.dataPeriodTo() != null && scheme.dataPeriodFrom().isAfter(scheme.dataPeriodTo())) {
            throw new Refusal(400, "The data period starts " + scheme.dataPeriodFrom() + " after it ends " + scheme.dataPeriodTo()
                    + " / 数据时间边界起始日期晚于结束日期");
        }
        ApplicationView app = applications.get(applicationId);
        jdbc.sql("UPDATE plan SET inspection_scheme = :j, visit_date = :v WHERE id = :id")
                .param("j", json.writeValueAsString(scheme)).param("v", scheme.visitDate()).param("id", plan.id).update();
        withdrawApprovalOrTouch(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("visitDate", String.valueOf(scheme.visitDate()));
        d.put("missing", scheme.problems().size());
        audit.record(actor.username(), "PLAN_INSPECTION_SCHEME_SET", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /** Records the PCF verification plan (R-PLAN-4); incomplete drafts are kept, approval needs it complete. */
    @Transactional
    public PlanView setVerificationPlan(CfpPrincipal actor, long applicationId, VerificationPlan vp) {
        PlanRow plan = requirePlan(applicationId);
        requireWriter(actor, plan);
        requireStatus(plan, EDITABLE, "change the verification plan", "修改核查计划");
        if (vp == null) {
            throw new Refusal(400, "Send the verification plan / 请提交核查计划");
        }
        ApplicationView app = applications.get(applicationId);
        jdbc.sql("UPDATE plan SET verification_plan = :j WHERE id = :id").param("j", json.writeValueAsString(vp))
                .param("id", plan.id).update();
        withdrawApprovalOrTouch(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("complexity", String.valueOf(vp.complexity()));
        d.put("effectiveComplexity", String.valueOf(vp.effectiveComplexity()));
        d.put("assuranceLevel", String.valueOf(vp.assuranceLevel()));
        d.put("materialityPercent", String.valueOf(vp.materialityPercent()));
        audit.record(actor.username(), "PLAN_VERIFICATION_PLAN_SET", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /**
     * Approves the plan (inspection scheme, verification and evidence-gathering plans [000 Annex 2 §4.2 (8)], team,
     * man-days). Only a project manager who is not in the team approves; everything must be complete.
     */
    @Transactional
    public PlanView approve(CfpPrincipal actor, long applicationId) {
        if (!actor.has(Role.PROJECT_MANAGER)) {
            throw Refusal.forbidden("Only a project manager approves a plan / 只有项目经理可以批准策划");
        }
        PlanRow plan = requirePlan(applicationId);
        requireStatus(plan, EnumSet.of(PlanStatus.TEAM_PROPOSED), "approve", "批准");
        ApplicationView app = applications.get(applicationId);
        requireAccepted(app);
        PlanView v = view(plan);
        List<String> problems = new ArrayList<>();
        if (v.team().stream().anyMatch(m -> m.userId() == actor.id())) {
            problems.add(actor.displayName() + " is in the team and cannot approve its plan / 检查组成员不能批准本组的策划");
        }
        if (v.teamVerdict() == null) {
            problems.add("Propose a team first / 请先指派检查组");
        } else {
            problems.addAll(v.teamVerdict().reasons()); // profiles may have changed since the proposal (e.g. a new conflict)
        }
        problems.addAll(v.manDays().problems());
        problems.addAll(v.manDays().pending());
        if (v.inspectionScheme() == null) {
            problems.add("Write the inspection scheme (检查方案) / 请编制检查方案 [" + InspectionScheme.CITE + "]");
        } else {
            problems.addAll(v.inspectionScheme().problems());
            if (v.visitDate() != null && v.visitDate().isBefore(today())) {
                problems.add("The visit date " + v.visitDate() + " is in the past / 现场日期已过");
            }
        }
        if (!app.priorVerificationAdopted()) {
            if (v.verificationPlan() == null) {
                problems.add("Write the verification plan / 请编制核查计划 [" + VerificationPlan.CITE + "]");
            } else {
                problems.addAll(v.verificationPlan().problems(schemes.get(app.schemeCode()).assurance()));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        jdbc.sql("UPDATE plan SET approved_by = :by, approved_at = :t WHERE id = :id")
                .param("by", actor.username()).param("t", now()).param("id", plan.id).update();
        transition(plan, PlanStatus.APPROVED);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("visitDate", String.valueOf(v.visitDate()));
        d.put("manDays", v.manDays().total().toPlainString());
        d.put("team", v.team().stream().map(m -> m.name() + " (" + m.role() + ")").toList());
        audit.record(actor.username(), "PLAN_APPROVED", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /**
     * Sends the approved plan to the client. Refused when the scheme's notice (e.g. ≥ 1 working day before the visit
     * [001 §9.6.2], R-PLAN-6) can no longer be met; then move the visit date (which withdraws the approval).
     */
    @Transactional
    public PlanView send(CfpPrincipal actor, long applicationId) {
        requirePlanner(actor);
        PlanRow plan = requirePlan(applicationId);
        requireStatus(plan, EnumSet.of(PlanStatus.APPROVED), "send to the client", "发送委托方");
        ApplicationView app = applications.get(applicationId);
        requireAccepted(app);
        Scheme scheme = schemes.get(app.schemeCode());
        LocalDate visit = plan.visitDate;
        VisitNotice.refusal(today(), visit, scheme.verificationPlanNotice(), calendar::isWorkingDay).ifPresent(why -> {
            throw new Refusal(409, why);
        });
        jdbc.sql("UPDATE plan SET sent_by = :by, sent_at = :t WHERE id = :id")
                .param("by", actor.username()).param("t", now()).param("id", plan.id).update();
        transition(plan, PlanStatus.SENT);
        PlanView v = view(plan);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("visitDate", visit.toString());
        d.put("team", v.team().stream().map(m -> m.name() + " (" + m.role() + ")").toList());
        audit.record(actor.username(), "PLAN_SENT", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    // ------------------------------------------------------------------ helpers

    /** The latest date the plan may be sent: the n-th working day before the visit. */
    LocalDate latestSend(LocalDate visit, int n) {
        return VisitNotice.latestSend(visit, n, calendar::isWorkingDay);
    }

    /** The scopes the scheme's man-day basis asks for: sites, certification units or the whole project. */
    static List<ManDayScope> scopes(ApplicationView app, Cited<ManDayTable> table) {
        ManDayTable.Basis basis = table.value() == null ? ManDayTable.Basis.PER_SITE : table.value().basis();
        boolean exempt = app.onsiteInspectionExempt();
        boolean adopted = app.priorVerificationAdopted();
        List<ManDayScope> scopes = new ArrayList<>();
        if (basis == ManDayTable.Basis.PER_UNIT && !app.units().isEmpty()) {
            for (ApplicationView.Unit u : app.units()) {
                List<ApplicationView.Product> ps = app.products().stream()
                        .filter(p -> u.models().contains(p.model()) && (u.siteId() == null || Objects.equals(u.siteId(), p.siteId())))
                        .toList();
                scopes.add(new ManDayScope("unit-" + u.id(), u.label(), maxBom(ps), sumGhg(ps), exempt, adopted));
            }
        } else if ((basis == ManDayTable.Basis.PER_SITE || basis == ManDayTable.Basis.PER_UNIT) && !app.sites().isEmpty()) {
            // the sites the products are made at; every site of the factory when no product names its site
            Set<Long> used = new java.util.HashSet<>();
            app.products().forEach(p -> {
                if (p.siteId() != null) {
                    used.add(p.siteId());
                }
            });
            for (ApplicationView.Site s : app.sites()) {
                if (!used.isEmpty() && !used.contains(s.id())) {
                    continue;
                }
                List<ApplicationView.Product> ps = app.products().stream().filter(p -> Objects.equals(p.siteId(), s.id())).toList();
                if (ps.isEmpty() && used.isEmpty()) {
                    ps = app.products();
                }
                scopes.add(new ManDayScope("site-" + s.id(), s.name(), maxBom(ps), sumGhg(ps), exempt, adopted));
            }
        }
        if (scopes.isEmpty()) {
            scopes.add(new ManDayScope("project", app.reference(), maxBom(app.products()), sumGhg(app.products()), exempt, adopted));
        }
        return scopes;
    }

    /** BOM items of a scope: its most complex product; GHG sources: the sum over its products. */
    private static Integer maxBom(List<ApplicationView.Product> ps) {
        return ps.stream().map(ApplicationView.Product::bomItems).filter(Objects::nonNull).max(Integer::compare).orElse(null);
    }

    private static Integer sumGhg(List<ApplicationView.Product> ps) {
        List<Integer> v = ps.stream().map(ApplicationView.Product::ghgSources).filter(Objects::nonNull).toList();
        return v.isEmpty() ? null : v.stream().mapToInt(Integer::intValue).sum();
    }

    static Set<Long> clients(ApplicationView app) {
        return new java.util.HashSet<>(List.of(app.applicantOrgId(), app.manufacturerOrgId(), app.factoryOrgId()));
    }

    private static String normaliseField(String f) {
        return f == null || f.isBlank() ? null : f.strip().toUpperCase(Locale.ROOT);
    }

    private List<ProposedMember> proposed(List<MemberInput> members) {
        if (members == null) {
            return List.of();
        }
        List<ProposedMember> out = new ArrayList<>();
        for (MemberInput m : members) {
            if (m == null || m.role() == null) {
                throw new Refusal(400, "Each member needs a user and a team role / 每名成员须有人员和组内角色");
            }
            StaffProfile p = staff.find(m.userId()).orElseThrow(() -> new Refusal(400, "User " + m.userId() + " does not exist / 人员不存在"));
            if (p.roles().stream().noneMatch(Role::isStaff)) {
                throw new Refusal(400, p.name() + " is not certification-body staff / 不是认证机构人员");
            }
            out.add(new ProposedMember(p, m.role()));
        }
        return out;
    }

    private void writeTeam(long planId, List<MemberInput> members) {
        jdbc.sql("DELETE FROM plan_member WHERE plan_id = :p").param("p", planId).update();
        int i = 0;
        for (MemberInput m : members) {
            jdbc.sql("INSERT INTO plan_member (plan_id, user_id, team_role, member_no) VALUES (:p, :u, :r, :i)")
                    .param("p", planId).param("u", m.userId()).param("r", m.role().name()).param("i", i++).update();
        }
    }

    private static Map<String, Object> teamDetails(List<ProposedMember> proposed, String field, PlanStatus from) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("field", String.valueOf(field));
        d.put("from", from.name());
        d.put("team", proposed.stream().map(m -> m.profile().name() + " (" + m.role() + ")").toList());
        d.put("clientNotified", true);
        return d;
    }

    private void requirePlanner(CfpPrincipal actor) {
        if (actor.roles().stream().noneMatch(PLANNERS::contains)) {
            throw Refusal.forbidden("Only a project manager or an administrator does this planning step / 只有项目经理或管理员可以执行此策划步骤");
        }
    }

    /** Planners, and the team's own members for the documents they write (information analysis, risk assessment…). */
    private void requireWriter(CfpPrincipal actor, PlanRow plan) {
        if (actor.roles().stream().anyMatch(PLANNERS::contains)) {
            return;
        }
        if (actor.isStaff() && members(plan.id).stream().anyMatch(m -> m.userId() == actor.id())) {
            return;
        }
        throw Refusal.forbidden("Only a project manager, an administrator or a member of the team writes the plan / 只有项目经理、管理员或检查组成员可以编制");
    }

    private static void requireAccepted(ApplicationView app) {
        if (app.status() != ApplicationStatus.ACCEPTED) {
            throw new Refusal(409, "Application " + app.reference() + " is " + app.status()
                    + ": planning is for accepted applications only / 该申请状态为 " + app.status() + "，只有已受理的申请才能进行认证策划");
        }
    }

    private static void requireStatus(PlanRow plan, Set<PlanStatus> allowed, String en, String zh) {
        if (!allowed.contains(plan.status)) {
            throw new Refusal(409, "Cannot " + en + " while the plan is " + plan.status + " (allowed when " + allowed + ") / 策划状态为"
                    + plan.status.zh() + "，不能" + zh);
        }
    }

    private ApplicationView visibleApplication(CfpPrincipal who, long applicationId) {
        ApplicationView app = applications.get(applicationId);
        if (!Applications.visibleTo(who, app)) {
            throw Refusal.forbidden("You may not see the plan of application " + app.reference() + " / 无权查看该申请的策划");
        }
        return app;
    }

    private PlanRow requirePlan(long applicationId) {
        return row(applicationId).orElseThrow(() -> new Refusal(404,
                "Planning for application " + applicationId + " has not started / 该申请尚未开始认证策划"));
    }

    private void transition(PlanRow plan, PlanStatus to) {
        int n = jdbc.sql("UPDATE plan SET status = :s, row_version = row_version + 1 WHERE id = :id AND row_version = :v")
                .param("s", to.name()).param("id", plan.id).param("v", plan.version).update();
        if (n == 0) {
            throw new Refusal(409, "The plan was changed by someone else meanwhile; reload and try again / 策划已被他人修改，请刷新后重试");
        }
    }

    private void touch(PlanRow plan) {
        transition(plan, plan.status);
    }

    private void withdrawApprovalOrTouch(PlanRow plan, CfpPrincipal actor, ApplicationView app) {
        if (plan.status == PlanStatus.APPROVED) {
            jdbc.sql("UPDATE plan SET approved_by = NULL, approved_at = NULL WHERE id = :id").param("id", plan.id).update();
            transition(plan, PlanStatus.TEAM_PROPOSED);
            audit.record(actor.username(), "PLAN_APPROVAL_WITHDRAWN", target(app), Map.of("reason", "plan changed after approval"));
        } else {
            touch(plan);
        }
    }

    private static String target(ApplicationView app) {
        return "plan:" + app.reference();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    // ------------------------------------------------------------------ reading

    private record PlanRow(long id, long applicationId, String schemeCode, PlanStatus status, String field, LocalDate visitDate,
                           String inspectionScheme, String verificationPlan, String approvedBy, Instant approvedAt,
                           String sentBy, Instant sentAt, int version) {
    }

    private Optional<PlanRow> row(long applicationId) {
        return jdbc.sql("SELECT * FROM plan WHERE application_id = :a").param("a", applicationId)
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getLong("application_id"), rs.getString("scheme_code"),
                        PlanStatus.valueOf(rs.getString("status")), rs.getString("field_code"),
                        rs.getObject("visit_date", LocalDate.class), rs.getString("inspection_scheme"),
                        rs.getString("verification_plan"), rs.getString("approved_by"), instant(rs.getObject("approved_at", OffsetDateTime.class)),
                        rs.getString("sent_by"), instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getInt("row_version")))
                .optional();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private record MemberRow(long userId, TeamRole role) {
    }

    private List<MemberRow> members(long planId) {
        return jdbc.sql("SELECT user_id, team_role FROM plan_member WHERE plan_id = :p ORDER BY member_no").param("p", planId)
                .query((rs, n) -> new MemberRow(rs.getLong("user_id"), TeamRole.valueOf(rs.getString("team_role")))).list();
    }

    private List<PlanView.Objection> objections(long planId) {
        return jdbc.sql("SELECT * FROM plan_objection WHERE plan_id = :p ORDER BY id").param("p", planId)
                .query((rs, n) -> {
                    long m = rs.getLong("member_user_id");
                    Long member = rs.wasNull() ? null : m;
                    String name = member == null ? null : staff.find(member).map(StaffProfile::name).orElse(String.valueOf(member));
                    return new PlanView.Objection(rs.getLong("id"), member, name, rs.getString("reason"), rs.getString("raised_by"),
                            instant(rs.getObject("raised_at", OffsetDateTime.class)), rs.getString("resolution"),
                            rs.getString("resolution_note"), rs.getString("resolved_by"),
                            instant(rs.getObject("resolved_at", OffsetDateTime.class)));
                }).list();
    }

    private List<ManDayOverride> overrides(long planId) {
        return jdbc.sql("SELECT * FROM plan_man_day WHERE plan_id = :p ORDER BY scope_key, activity").param("p", planId)
                .query((rs, n) -> new ManDayOverride(rs.getString("scope_key"), ManDayActivity.valueOf(rs.getString("activity")),
                        rs.getBigDecimal("man_days").stripTrailingZeros(), rs.getString("reason"))).list();
    }

    private PlanView view(PlanRow r) {
        ApplicationView app = applications.get(r.applicationId);
        Scheme scheme = schemes.get(r.schemeCode);
        List<ProposedMember> team = new ArrayList<>();
        for (MemberRow m : members(r.id)) {
            staff.find(m.userId()).ifPresent(p -> team.add(new ProposedMember(p, m.role())));
        }
        TeamVerdict verdict = team.isEmpty() ? null
                : TeamCompositionPolicy.evaluate(scheme.teamPolicy(), scheme.independence(), team, clients(app), r.field);
        ManDayPlan manDays = ManDayCalculator.plan(scheme.manDayTable(), scopes(app, scheme.manDayTable()), overrides(r.id));
        InspectionScheme is = r.inspectionScheme == null ? null : json.readValue(r.inspectionScheme, InspectionScheme.class);
        VerificationPlan vp = r.verificationPlan == null ? null : json.readValue(r.verificationPlan, VerificationPlan.class);
        List<String> warnings = new ArrayList<>();
        LocalDate deadline = null;
        String noticeCite = null;
        Cited<PlanNotice> notice = scheme.verificationPlanNotice();
        if (notice.value() != null) {
            noticeCite = notice.cite();
            if (notice.value().minWorkingDaysBefore() != null && r.visitDate != null) {
                deadline = latestSend(r.visitDate, notice.value().minWorkingDaysBefore());
                if (!calendar.isConfigured(r.visitDate.getYear())) {
                    warnings.add("No official holiday arrangement is configured for " + r.visitDate.getYear()
                            + ": working days assume Monday-Friday / " + r.visitDate.getYear() + " 年未配置法定节假日安排，按周一至周五计算工作日");
                }
            }
            if (Boolean.TRUE.equals(notice.value().clientConfirmation())) {
                warnings.add("The client confirms the on-site plan before the visit / 现场计划须经委托方确认 [" + notice.cite() + "]");
            }
        }
        Cited<TimeLimit> limit = scheme.timeLimit();
        if (limit.value() != null && app.acceptedOn() != null && r.visitDate != null
                && r.visitDate.isAfter(app.acceptedOn().plusDays(limit.value().days()))) {
            warnings.add("The visit on " + r.visitDate + " is more than " + limit.value().days() + " calendar days after acceptance on "
                    + app.acceptedOn() + "; check the application's clock (client-caused pauses excluded) / 现场日期晚于受理后 "
                    + limit.value().days() + " 日，请核对认证时限（扣除委托方原因的暂停） [" + limit.cite() + "]");
        }
        if (app.priorVerificationAdopted()) {
            warnings.add("A prior verification is adopted: no verification plan is needed / 已采信核查结果，无需核查计划 [R-APP-5]");
        }
        List<PlanView.Member> members = team.stream().map(m -> new PlanView.Member(m.profile().userId(), m.profile().username(),
                m.profile().name(), m.role(), m.profile().fullTime())).toList();
        return new PlanView(r.id, r.applicationId, app.reference(), r.schemeCode, r.status, r.field, members, verdict,
                objections(r.id), manDays, is, vp, r.visitDate, deadline, noticeCite, r.approvedBy, r.approvedAt, r.sentBy,
                r.sentAt, warnings);
    }
}
