package cn.cfp.planning;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.cases.CaseEvents;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.TeamMember;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.ManDayTable;
import cn.cfp.scheme.PlanNotice;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.TimeLimit;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planning use cases (R-PLAN-1..4, R-PLAN-6, R-PER-2/3): a plan is made for every case that opens (from its
 * {@link CaseEvents.CaseOpened} event), and its steps run only while the case is at its planning stage; sending the
 * approved plan to the client completes that stage in the same transaction. Each step loads the {@link Plan}, lets it
 * and the named policies decide, saves and audits. Runs no SQL itself ({@link PlanRepository}).
 */
@Service
public class Plans {

    static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** The client is told the team members' names and roles and may object [000 Annex 2 §4.2 note]. */
    public static final String OBJECTION_CITE = "000 Annex 2 §4.2 注";

    private final PlanRepository repository;
    private final Applications applications;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final StaffRegistry staff;
    private final AuditTrail audit;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Plans(PlanRepository repository, Applications applications, Cases cases, SchemeCatalog schemes, StaffRegistry staff,
          AuditTrail audit, WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.applications = applications;
        this.cases = cases;
        this.schemes = schemes;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the case opened: planning starts

    /** A case opened: its plan is started (idempotent — a redelivered event finds the plan there). */
    @ApplicationModuleListener
    void on(CaseEvents.CaseOpened opened) {
        if (repository.findByApplication(opened.applicationId()).isPresent()) {
            return;
        }
        ApplicationView app = applications.get(opened.applicationId());
        // the field of the first product's class (a CEC material class is of FURNITURE [002 §5.2.1], a CGC class its PV field)
        Scheme scheme = schemes.get(opened.schemeCode());
        String field = app.products().stream().map(ApplicationView.Product::category).filter(Objects::nonNull)
                .map(scheme::fieldOfClass).flatMap(Optional::stream).findFirst().orElse(null);
        repository.insert(Plan.draft(opened.applicationId(), opened.schemeCode(), field, Actor.SYSTEM, clock));
        audit.record(Actor.SYSTEM.username(), "PLAN_STARTED", target(app), Map.of("scheme", opened.schemeCode(), "field", String.valueOf(field)));
    }

    // ------------------------------------------------------------------ queries

    /** The plan of an application, if its case has opened. */
    @Transactional(readOnly = true)
    public Optional<PlanView> forApplication(long applicationId) {
        return repository.findByApplication(applicationId).map(p -> views(List.of(p)).get(0));
    }

    /** The plan as this person may see it: staff the whole plan, a client of the case the client view. */
    @Transactional(readOnly = true)
    public PlanView view(Actor who, long applicationId) {
        PlanView plan = forApplication(applicationId).orElseThrow(() -> Refusal.notFound("planning.plan.notStarted", applicationId));
        return who.isStaff() ? plan : plan.forClient();
    }

    /** Every plan (staff lists): a fixed number of queries whatever the count. */
    @Transactional(readOnly = true)
    public List<PlanView> all() {
        return views(repository.findAll());
    }

    /** A page of the plans, newest first (the API's list). */
    @Transactional(readOnly = true)
    public Paging.Page<PlanView> page(Paging paging) {
        Paging.Page<Plan> p = repository.findPage(paging);
        return new Paging.Page<>(views(p.items()), p.total());
    }

    /** The plans of these applications, by application id (one batch). */
    @Transactional(readOnly = true)
    public Map<Long, PlanView> ofApplications(Collection<Long> applicationIds) {
        return views(repository.findByApplications(applicationIds)).stream()
                .collect(Collectors.toMap(PlanView::applicationId, Function.identity()));
    }

    /** Staff who may be proposed for this application's team, with whether they declared a conflict with the client. */
    @Transactional(readOnly = true)
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

    /**
     * Dry run of the team rules, changing nothing: the verdict {@link #proposeTeam} would reach for this team (the same
     * field — the plan's when none is given — and the same rules), without proposing it, telling the client, assigning
     * the members or writing an audit record (issue 8 item 13, the "check team" step).
     */
    @Transactional(readOnly = true)
    public Verdict checkTeam(long applicationId, String field, List<MemberInput> members) {
        ApplicationView app = applications.get(applicationId);
        String f = checkedField(field != null ? field : repository.findByApplication(applicationId).map(Plan::field).orElse(null));
        return teamRules(app, proposed(members), f);
    }

    // ------------------------------------------------------------------ steps

    /**
     * Proposes (or changes) the team; it must meet every rule (a refusal lists them all and changes nothing). The team's
     * names and roles are then shown to the client, who may object [000 Annex 2 §4.2 note]; its members hold their team
     * roles on the case from now on.
     */
    @Transactional
    public PlanView proposeTeam(Actor actor, long applicationId, String field, List<MemberInput> members) {
        cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        String f = checkedField(field != null ? field : plan.field());
        List<ProposedMember> proposed = proposed(members);
        PlanStatus from = plan.status();
        plan.proposeTeam(f, members == null ? List.of() : members, teamRules(app, proposed, f));
        save(plan, actor, app);
        cases.assignTeam(applicationId, teamOf(members), actor);
        audit.record(actor.username(), "PLAN_TEAM_PROPOSED", target(app), teamDetails(proposed, f, from));
        return forApplication(applicationId).orElseThrow();
    }

    /** The client objects to the team or to one member, with a reason [000 Annex 2 §4.2 note]. */
    @Transactional
    public PlanView object(Actor actor, long applicationId, Long memberUserId, String reason) {
        cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        plan.object(memberUserId, reason, actor, clock);
        save(plan, actor, app);
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
    public PlanView resolveObjection(Actor actor, long applicationId, long objectionId, String resolution, String note,
                                     String field, List<MemberInput> newTeam) {
        cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        String f = checkedField(field != null ? field : plan.field());
        boolean replace = "REPLACE".equalsIgnoreCase(resolution == null ? null : resolution.strip());
        List<ProposedMember> proposed = replace ? proposed(newTeam) : List.of();
        PlanStatus from = plan.status();
        plan.resolveObjection(objectionId, resolution, note, f, newTeam == null ? List.of() : newTeam,
                replace ? teamRules(app, proposed, f) : Verdict.allow(), actor, clock);
        save(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("objection", objectionId);
        d.put("resolution", String.valueOf(resolution).strip().toUpperCase(Locale.ROOT));
        d.put("note", note.strip());
        if (replace) {
            cases.assignTeam(applicationId, teamOf(newTeam), actor);
            d.putAll(teamDetails(proposed, f, from));
        }
        audit.record(actor.username(), "PLAN_OBJECTION_RESOLVED", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /** Replaces the planner's man-day overrides (each with a reason, within the scheme's allowed reduction). */
    @Transactional
    public PlanView setManDays(Actor actor, long applicationId, List<ManDayOverride> overrides) {
        CertificationCase c = cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(app.schemeCode());
        List<ManDayOverride> ovs = overrides == null ? List.of() : overrides;
        Set<String> seen = new HashSet<>();
        for (ManDayOverride o : ovs) {
            // a missing reason is not "incomplete": the man-day rules refuse it at the reason's field (issue 8 item 14)
            if (o == null || o.activity() == null || o.scopeKey() == null || o.manDays() == null) {
                throw Refusal.badRequest("planning.manDays.incomplete");
            }
            if (!seen.add(o.scopeKey() + "|" + o.activity())) {
                throw Refusal.badRequest(List.of(Reason.of("planning.manDays.twice", o.scopeKey(), o.activity())
                        .at(ManDayLine.field(o.scopeKey(), o.activity()))));
            }
        }
        ManDayPlan computed = ManDayCalculator.plan(scheme.manDayTable(), scopes(app, c, scheme.manDayTable()), ovs);
        plan.setManDays(ovs, Verdict.of(computed.problems()));
        save(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("overrides", ovs.stream().map(o -> o.scopeKey() + " " + o.activity() + " = " + o.manDays() + " (" + o.reason().strip() + ")").toList());
        d.put("total", computed.total().toPlainString());
        audit.record(actor.username(), "PLAN_MAN_DAYS_SET", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /** Records the inspection scheme (检查方案, R-PLAN-1); incomplete drafts are kept, approval needs it complete. */
    @Transactional
    public PlanView setInspectionScheme(Actor actor, long applicationId, InspectionScheme scheme) {
        cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        plan.setInspectionScheme(scheme, today());
        save(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("visitDate", String.valueOf(scheme.visitDate()));
        d.put("missing", scheme.problems().size());
        audit.record(actor.username(), "PLAN_INSPECTION_SCHEME_SET", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /** Records the PCF verification plan (R-PLAN-4); incomplete drafts are kept, approval needs it complete. */
    @Transactional
    public PlanView setVerificationPlan(Actor actor, long applicationId, VerificationPlan vp) {
        cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        plan.setVerificationPlan(vp);
        save(plan, actor, app);
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
     * man-days): by the case's project manager, who must not be in the team ({@link PlanApprovalPolicy}).
     */
    @Transactional
    public PlanView approve(Actor actor, long applicationId) {
        CertificationCase c = cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        PlanView v = views(List.of(plan)).get(0);
        plan.approve(PlanApprovalPolicy.check(actor, v, c.route().contains(Stage.VERIFICATION),
                schemes.get(app.schemeCode()).assurance(), today()), actor, clock);
        save(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("visitDate", String.valueOf(v.visitDate()));
        d.put("manDays", v.manDays().total().toPlainString());
        d.put("team", v.team().stream().map(m -> m.name() + " (" + m.role() + ")").toList());
        audit.record(actor.username(), "PLAN_APPROVED", target(app), d);
        return forApplication(applicationId).orElseThrow();
    }

    /**
     * Sends the approved plan to the client, completing the case's planning stage. Refused when the scheme's notice
     * (e.g. ≥ 1 working day before the visit [001 §9.6.2], R-PLAN-6) can no longer be met; then move the visit date
     * (which withdraws the approval).
     */
    @Transactional
    public PlanView send(Actor actor, long applicationId) {
        cases.requireAt(applicationId, Stage.PLANNING);
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(app.schemeCode());
        LocalDate visit = plan.visitDate();
        Verdict notice = VisitNotice.refusal(today(), visit, scheme.verificationPlanNotice(), calendar::isWorkingDay)
                .map(Verdict::refuse).orElse(Verdict.allow());
        plan.send(notice, actor, clock);
        save(plan, actor, app);
        cases.complete(applicationId, Stage.PLANNING, actor, "plan sent, visit " + visit);
        PlanView v = forApplication(applicationId).orElseThrow();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("visitDate", String.valueOf(visit));
        d.put("team", v.team().stream().map(m -> m.name() + " (" + m.role() + ")").toList());
        audit.record(actor.username(), "PLAN_SENT", target(app), d);
        events.publishEvent(new PlanEvents.Sent(applicationId, app.reference(), visit,
                plan.members().stream().map(m -> new TeamMember(m.userId(), m.role().name())).toList()));
        return v;
    }

    // ------------------------------------------------------------------ after sending: the client's answer, revisions, the visit

    /**
     * The client (a person of the applicant company) confirms the current revision of the on-site plan [001 §9.6.2
     * "发给受核查方确认"; 003 ¶36 "与认证委托方商定"; 004 §9.4.3 "交申请组织进行确认"]; recorded with who, when and its note.
     */
    @Transactional
    public PlanView confirm(Actor client, long applicationId, Integer revision, String note) {
        return answer(client, applicationId, ClientAnswer.CONFIRMED, revision, note);
    }

    /** The client asks for a change of the current revision with its reason; the planner answers with a revision. */
    @Transactional
    public PlanView requestChange(Actor client, long applicationId, Integer revision, String reason) {
        return answer(client, applicationId, ClientAnswer.CHANGE_REQUESTED, revision, reason);
    }

    private PlanView answer(Actor client, long applicationId, ClientAnswer kind, Integer revision, String text) {
        ApplicationView app = applications.get(applicationId);
        requireApplicant(client, app);
        cases.require(applicationId).requireOpen();
        Plan plan = requirePlan(applicationId);
        if (kind == ClientAnswer.CONFIRMED) {
            plan.confirm(revision, text, client, clock);
        } else {
            plan.requestChange(revision, text, client, clock);
        }
        save(plan, client, app);
        Plan.Answer given = plan.answers().get(plan.answers().size() - 1);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("revision", given.revision());
        d.put("answer", kind.name());
        d.put("text", String.valueOf(given.text()));
        audit.record(client.username(), kind == ClientAnswer.CONFIRMED ? "PLAN_CONFIRMED_BY_CLIENT" : "PLAN_CHANGE_REQUESTED",
                target(app), d);
        events.publishEvent(new PlanEvents.ClientAnswered(applicationId, app.reference(), given.revision(), kind, given.text()));
        return view(client, applicationId);
    }

    /**
     * The planner revises the on-site plan sent to the client (visit date, schedule, other items) and sends the revision,
     * which the client answers again; the earlier revisions are kept [003 ¶36 "应修订检查计划，并保留修订记录"; 004 §9.4.3
     * "变更情况书面通知…并协商一致"]. The revision must be complete, its visit date ahead and the scheme's notice met
     * (e.g. ≥ 1 working day before the visit [001 §9.6.2]). During the visit the team revises the plan the same way, with its
     * reason, and the client agrees to the change in writing [003 ¶36; 004 §9.4.3] (issue 9 item 1).
     */
    @Transactional
    public PlanView revise(Actor actor, long applicationId, InspectionScheme revised, String note) {
        cases.require(applicationId).requireOpen();
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(app.schemeCode());
        List<Reason> problems = new ArrayList<>();
        if (revised != null) {
            problems.addAll(revised.problems());
            if (plan.status() != PlanStatus.VISIT_STARTED) {
                // before the visit the scheme's notice applies; a change made on site is recorded, not re-noticed [003 ¶36]
                VisitNotice.refusal(today(), revised.visitDate(), scheme.verificationPlanNotice(), calendar::isWorkingDay).ifPresent(problems::add);
            }
            if (revised.dataPeriodFrom() != null && revised.dataPeriodTo() != null && revised.dataPeriodFrom().isAfter(revised.dataPeriodTo())) {
                problems.add(Reason.of("planning.dataPeriod", revised.dataPeriodFrom(), revised.dataPeriodTo()).at("dataPeriodFrom"));
            }
        }
        plan.revise(revised, note, Verdict.of(problems), actor, clock);
        save(plan, actor, app);
        Plan.Revision r = plan.currentRevision().orElseThrow();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("revision", r.number());
        d.put("visitDate", String.valueOf(r.visitDate()));
        d.put("note", r.note());
        audit.record(actor.username(), "PLAN_REVISED", target(app), d);
        events.publishEvent(new PlanEvents.RevisionSent(applicationId, app.reference(), r.number(), r.visitDate()));
        return forApplication(applicationId).orElseThrow();
    }

    /**
     * The on-site visit starts (the team arrives): only while the case is at its on-site stage (on-site inspection, or the
     * verification when the route has no inspection), and — where the scheme requires it — once the client confirmed the
     * current revision of the on-site plan ({@link ClientConfirmationPolicy}, enforced by the {@link Plan}).
     */
    @Transactional
    public PlanView startVisit(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (c.currentStages().stream().noneMatch(ON_SITE::contains)) {
            throw Refusal.conflict("planning.visit.notOnSite", c.reference(), c.currentStages());
        }
        Plan plan = requirePlan(applicationId);
        ApplicationView app = applications.get(applicationId);
        plan.startVisit(schemes.get(app.schemeCode()).verificationPlanNotice(), actor, clock);
        save(plan, actor, app);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("revision", plan.currentRevision().map(Plan.Revision::number).orElse(0));
        d.put("visitDate", String.valueOf(plan.visitDate()));
        audit.record(actor.username(), "PLAN_VISIT_STARTED", target(app), d);
        events.publishEvent(new PlanEvents.VisitStarted(applicationId, app.reference(), plan.visitDate(), actor.username()));
        return forApplication(applicationId).orElseThrow();
    }

    /** The stages an on-site visit belongs to (CICC's stage 1 may be on site, with its sign-in sheet [004 §9.5.2]). */
    static final Set<Stage> ON_SITE = Set.of(Stage.PRELIMINARY_EVALUATION, Stage.ON_SITE_INSPECTION, Stage.VERIFICATION);

    /**
     * For the on-site module: whether the visit of this application may start as far as the client's confirmation of
     * the on-site plan goes (the same rule {@link #startVisit} enforces).
     */
    @Transactional(readOnly = true)
    public Verdict visitGate(long applicationId) {
        Plan plan = requirePlan(applicationId);
        return plan.confirmation(schemes.get(plan.schemeCode()).verificationPlanNotice());
    }

    /** Only a person of the applicant company answers for the client (the access table's APPLICANT relation, checked again). */
    private static void requireApplicant(Actor who, ApplicationView app) {
        if (!who.isClient()) {
            throw Refusal.forbidden("planning.answer.clientOnly");
        }
        if (who.organisationId() == null || who.organisationId() != app.applicantOrgId()) {
            throw Refusal.forbidden("planning.answer.onlyApplicant", app.reference());
        }
    }

    // ------------------------------------------------------------------ helpers

    private void save(Plan plan, Actor actor, ApplicationView app) {
        boolean withdrawn = plan.approvalWithdrawn();
        repository.save(plan);
        if (withdrawn) {
            audit.record(actor.username(), "PLAN_APPROVAL_WITHDRAWN", target(app), Map.of("reason", "plan changed after approval"));
        }
    }

    private Verdict teamRules(ApplicationView app, List<ProposedMember> proposed, String field) {
        Scheme scheme = schemes.get(app.schemeCode());
        return TeamCompositionPolicy.evaluate(scheme.teamPolicy(), scheme.independence(), proposed, clients(app), field);
    }

    private static List<TeamMember> teamOf(List<MemberInput> members) {
        return members == null ? List.of() : members.stream().map(m -> new TeamMember(m.userId(), m.role().name())).toList();
    }

    /** The latest date the plan may be sent: the n-th working day before the visit. */
    LocalDate latestSend(LocalDate visit, int n) {
        return VisitNotice.latestSend(visit, n, calendar::isWorkingDay);
    }

    /**
     * The scopes the scheme's man-day basis asks for: sites, certification units or the whole project. A stage the
     * case's route waived (on-site inspection, verification) plans no man-days.
     */
    static List<ManDayScope> scopes(ApplicationView app, CertificationCase c, Cited<ManDayTable> table) {
        ManDayTable.Basis basis = table.value() == null ? ManDayTable.Basis.PER_SITE : table.value().basis();
        boolean exempt = c != null && c.waived().contains(Stage.ON_SITE_INSPECTION);
        boolean adopted = c != null && (c.waived().contains(Stage.VERIFICATION) || c.simplified().contains(Stage.VERIFICATION));
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
            Set<Long> used = new HashSet<>();
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
        boolean perProjectRules = table.value() != null && table.value().rules().stream().anyMatch(cn.cfp.scheme.ManDayRule::perProject);
        if (scopes.isEmpty() || perProjectRules) {
            // the whole application: the only scope, or the one that carries the rules counted once per project
            scopes.add(new ManDayScope(ManDayCalculator.PROJECT, app.reference(), maxBom(app.products()), sumGhg(app.products()),
                    exempt, adopted));
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
        return new HashSet<>(List.of(app.applicantOrgId(), app.manufacturerOrgId(), app.factoryOrgId()));
    }

    private static String normaliseField(String f) {
        return f == null || f.isBlank() ? null : f.strip().toUpperCase(Locale.ROOT);
    }

    private static String checkedField(String field) {
        String f = normaliseField(field);
        if (f != null && !FIELD.matcher(f).matches()) {
            throw Refusal.badRequest(List.of(Reason.of("planning.field.invalid", f).at("field")));
        }
        return f;
    }

    private List<ProposedMember> proposed(List<MemberInput> members) {
        if (members == null) {
            return List.of();
        }
        List<ProposedMember> out = new ArrayList<>();
        for (MemberInput m : members) {
            if (m == null || m.role() == null) {
                throw Refusal.badRequest("planning.member.incomplete");
            }
            StaffProfile p = staff.find(m.userId()).orElseThrow(() -> Refusal.badRequest("planning.member.unknown", m.userId()));
            if (p.roles().stream().noneMatch(Role::isStaff)) {
                throw Refusal.badRequest("planning.member.notStaff", p.name());
            }
            out.add(new ProposedMember(p, m.role()));
        }
        return out;
    }

    private static Map<String, Object> teamDetails(List<ProposedMember> proposed, String field, PlanStatus from) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("field", String.valueOf(field));
        d.put("from", from.name());
        d.put("team", proposed.stream().map(m -> m.profile().name() + " (" + m.role() + ")").toList());
        d.put("clientNotified", true);
        return d;
    }

    private Plan requirePlan(long applicationId) {
        return repository.findByApplication(applicationId).orElseThrow(() -> Refusal.notFound("planning.plan.notStarted", applicationId));
    }

    private static String target(ApplicationView app) {
        return "plan:" + app.reference();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ reading

    /** Views of plans, with their applications, cases and staff fetched once for all of them. */
    private List<PlanView> views(List<Plan> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        List<Long> ids = plans.stream().map(Plan::applicationId).toList();
        Map<Long, ApplicationView> apps = applications.byIds(ids).stream().collect(Collectors.toMap(ApplicationView::id, Function.identity()));
        Map<Long, CertificationCase> caseOf = cases.ofApplications(ids);
        // only the people the plans name (members, objected members): staff as today, users without a staff role left out
        Set<Long> named = new HashSet<>();
        plans.forEach(p -> {
            p.members().forEach(m -> named.add(m.userId()));
            p.objections().stream().map(Plan.Objection::memberUserId).filter(Objects::nonNull).forEach(named::add);
        });
        Map<Long, StaffProfile> people = new HashMap<>();
        staff.profiles(named).values().stream().filter(p -> p.roles().stream().anyMatch(Role::isStaff))
                .forEach(p -> people.put(p.userId(), p));
        return plans.stream().map(p -> view(p, apps.get(p.applicationId()), caseOf.get(p.applicationId()), people)).toList();
    }

    private PlanView view(Plan r, ApplicationView app, CertificationCase c, Map<Long, StaffProfile> people) {
        Scheme scheme = schemes.get(r.schemeCode());
        List<ProposedMember> team = new ArrayList<>();
        for (Plan.Member m : r.members()) {
            StaffProfile p = people.get(m.userId());
            if (p != null) {
                team.add(new ProposedMember(p, m.role()));
            }
        }
        Verdict verdict = team.isEmpty() ? null
                : TeamCompositionPolicy.evaluate(scheme.teamPolicy(), scheme.independence(), team, clients(app), r.field());
        ManDayPlan manDays = ManDayCalculator.plan(scheme.manDayTable(), scopes(app, c, scheme.manDayTable()), r.overrides());
        List<Reason> warnings = new ArrayList<>();
        LocalDate deadline = null;
        String noticeCite = null;
        Cited<PlanNotice> notice = scheme.verificationPlanNotice();
        LocalDate visit = r.visitDate();
        if (notice.value() != null) {
            noticeCite = notice.cite();
            if (notice.value().minWorkingDaysBefore() != null && visit != null) {
                deadline = latestSend(visit, notice.value().minWorkingDaysBefore());
                if (!calendar.isConfigured(visit.getYear())) {
                    warnings.add(Reason.of("planning.warning.noHolidays", String.valueOf(visit.getYear()))); // a year, not a number: no "2,027"
                }
            }
        }
        // CGC ¶50: a visit later than n working days after the document review concluded is a warning ("一般")
        if (c != null) {
            c.completedOn(Stage.DOCUMENT_REVIEW).flatMap(on -> OnSiteTiming.warning(scheme.onSiteAfterDocumentReviewWorkingDays(), on,
                    visit, (d, n) -> calendar.plusWorkingDays(d, n).date())).ifPresent(warnings::add);
        }
        Cited<TimeLimit> limit = scheme.timeLimit();
        if (limit.value() != null && app.acceptedOn() != null && visit != null
                && visit.isAfter(app.acceptedOn().plusDays(limit.value().days()))) {
            warnings.add(Reason.of("planning.warning.afterTimeLimit", visit, limit.value().days(), app.acceptedOn(), limit.cite())
                    .at("visitDate"));
        }
        if (c != null && c.waived().contains(Stage.VERIFICATION)) {
            warnings.add(Reason.of("planning.warning.verificationAdopted"));
        }
        boolean consistencyCheck = c != null && c.simplified().contains(Stage.VERIFICATION);
        if (consistencyCheck) {
            warnings.add(Reason.of("planning.warning.verificationSimplified", scheme.priorVerificationAdoption().cite()));
        }
        List<PlanView.Member> members = team.stream().map(m -> new PlanView.Member(m.profile().userId(), m.profile().username(),
                m.profile().name(), m.role(), m.profile().fullTime())).toList();
        List<PlanView.Objection> objections = r.objections().stream().map(o -> new PlanView.Objection(o.id(), o.memberUserId(),
                o.memberUserId() == null ? null : Optional.ofNullable(people.get(o.memberUserId())).map(StaffProfile::name)
                        .orElse(String.valueOf(o.memberUserId())), o.reason(), o.raisedBy(), o.raisedAt(), o.resolution(),
                o.resolutionNote(), o.resolvedBy(), o.resolvedAt())).toList();
        List<PlanView.Revision> revisions = r.revisions().stream().map(x -> {
            Optional<Plan.Answer> a = r.answerTo(x.number());
            return new PlanView.Revision(x.number(), x.scheme(), x.visitDate(), x.note(), x.sentBy(), x.sentAt(),
                    a.map(Plan.Answer::answer).orElse(null), a.map(Plan.Answer::text).orElse(null),
                    a.map(Plan.Answer::by).orElse(null), a.map(Plan.Answer::at).orElse(null),
                    r.visitStartedAt() != null && x.sentAt() != null && x.sentAt().isAfter(r.visitStartedAt()));
        }).toList();
        boolean required = notice.value() != null && notice.value().confirmationRequired();
        return new PlanView(r.id(), r.applicationId(), app.reference(), r.schemeCode(), r.status(), r.field(), members, verdict,
                objections, manDays, r.inspectionScheme(), r.verificationPlan(), visit, deadline, noticeCite, r.approvedBy(),
                r.approvedAt(), r.sentBy(), r.sentAt(), warnings, notice.value() == null ? null : notice.value().plan(), revisions,
                required, r.confirmation(notice), r.visitStartedBy(), r.visitStartedAt(), consistencyCheck);
    }
}
