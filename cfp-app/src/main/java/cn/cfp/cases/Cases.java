package cn.cfp.cases;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case module's API: opens a case when an application is accepted, lets phase modules guard their actions with the
 * case's stage and advance it in their own transaction, and runs the case's own transitions (pause, resume, extension,
 * termination, conclusion). Every change is audited in the same transaction. Runs no SQL itself ({@link CaseRepository}).
 */
@Service
public class Cases {

    private final CaseRepository repository;
    private final OpenCases openCases;
    private final SchemeCatalog schemes;
    private final StaffRegistry staff;
    private final AuditTrail audit;
    private final Clock clock;

    Cases(CaseRepository repository, OpenCases openCases, SchemeCatalog schemes, StaffRegistry staff, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.openCases = openCases;
        this.schemes = schemes;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ queries

    @Transactional(readOnly = true)
    public Optional<CertificationCase> ofApplication(long applicationId) {
        return repository.findByApplication(applicationId);
    }

    /** The case of an application, or 404 saying it has not been accepted. */
    @Transactional(readOnly = true)
    public CertificationCase require(long applicationId) {
        return repository.findByApplication(applicationId)
                .orElseThrow(() -> Refusal.conflict("cases.notAccepted", applicationId));
    }

    /** The cases of these applications, by application id (one batch of queries). */
    @Transactional(readOnly = true)
    public Map<Long, CertificationCase> ofApplications(Collection<Long> applicationIds) {
        Map<Long, CertificationCase> m = new LinkedHashMap<>();
        repository.findByApplications(applicationIds).forEach(c -> m.put(c.applicationId(), c));
        return m;
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> view(long applicationId) {
        return repository.findByApplication(applicationId).map(this::view);
    }

    public CaseView view(CertificationCase c) {
        return CaseView.of(c, today());
    }

    /** The clock of an application's case (R-PLAN-5). */
    @Transactional(readOnly = true)
    public CaseClock clock(long applicationId) {
        return require(applicationId).clock(today());
    }

    /** The dashboard's rows: open cases with their clocks, least time remaining first, and how many there are. */
    @Transactional(readOnly = true)
    public Paging.Page<OpenCase> openByRisk(Paging paging) {
        List<OpenCases.Ranked> all = openCases.byRisk();
        return new Paging.Page<>(paging.slice(all).stream().map(r -> new OpenCase(r.c().applicationId(),
                r.c().reference(), r.c().schemeCode(), r.c().currentStages(), r.clock())).toList(), all.size());
    }

    /** A row of the dashboard. */
    public record OpenCase(long applicationId, String reference, String scheme, List<Stage> stages, CaseClock clock) {
    }

    /** Refuses (409, nothing changed) unless the application's case is open at {@code stage}. */
    @Transactional(readOnly = true)
    public CertificationCase requireAt(long applicationId, Stage stage) {
        CertificationCase c = require(applicationId);
        c.requireAt(stage);
        return c;
    }

    // ------------------------------------------------------------------ transitions

    /** Opens the case of an application being accepted, in the acceptance's transaction. */
    @Transactional
    public CertificationCase open(CertificationCase.Opening opening, String schemeCode, Actor actor) {
        CertificationCase c = CertificationCase.open(opening, schemes.get(schemeCode), actor, clock);
        CertificationCase saved = repository.save(c);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("route", saved.route().stages().toString());
        d.put("waived", opening.waived().keySet().toString());
        d.put("simplified", opening.simplified().keySet().toString());
        d.put("acceptedOn", opening.acceptedOn().toString());
        audit.record(actor.username(), "CASE_OPENED", target(saved), d);
        return saved;
    }

    /** A phase module completes the stage it owns (same transaction as its own change). */
    @Transactional
    public CertificationCase complete(long applicationId, Stage stage, Actor actor, String note) {
        return change(applicationId, c -> c.complete(stage, actor, note, clock), actor, "CASE_STAGE_COMPLETED",
                Map.of("stage", stage.name(), "note", String.valueOf(note)));
    }

    @Transactional
    public CertificationCase assignTeam(long applicationId, List<TeamMember> team, Actor actor) {
        return change(applicationId, c -> c.assignTeam(team, actor, clock), actor, "CASE_TEAM_ASSIGNED",
                Map.of("team", team.toString()));
    }

    /** Gives the case to another project manager: one who holds the role and declared no conflict with its parties. */
    @Transactional
    public CertificationCase assignManager(long applicationId, long userId, Actor actor) {
        CertificationCase current = require(applicationId);
        StaffProfile p = staff.find(userId).orElseThrow(() -> Refusal.badRequest("cases.manager.notStaff", userId));
        if (!p.roles().contains(Role.PROJECT_MANAGER)) {
            throw Refusal.badRequest("cases.manager.notManager", p.name());
        }
        if (!p.conflictsWith(current.parties().all()).isEmpty()) {
            throw Refusal.badRequest("cases.manager.conflicted", p.name(), current.reference());
        }
        return change(applicationId, c -> c.assignManager(userId, actor, clock), actor, "CASE_MANAGER_ASSIGNED",
                Map.of("userId", userId));
    }

    @Transactional
    public CaseClock pause(long applicationId, LocalDate from, String reason, Actor actor) {
        return change(applicationId, c -> c.pause(from, reason, actor, clock), actor, "CLOCK_PAUSED",
                Map.of("from", String.valueOf(from), "reason", String.valueOf(reason))).clock(today());
    }

    @Transactional
    public CaseClock resume(long applicationId, LocalDate on, Actor actor) {
        return change(applicationId, c -> c.resume(on, actor, clock), actor, "CLOCK_RESUMED",
                Map.of("on", String.valueOf(on))).clock(today());
    }

    @Transactional
    public CaseClock extend(long applicationId, int days, String reason, LocalDate agreedOn, Actor actor) {
        return change(applicationId, c -> c.extend(days, reason, agreedOn, actor, clock), actor, "CLOCK_EXTENDED",
                Map.of("days", days, "reason", String.valueOf(reason), "agreedOn", String.valueOf(agreedOn))).clock(today());
    }

    @Transactional
    public CertificationCase terminate(long applicationId, String reason, Actor actor) {
        return change(applicationId, c -> c.terminate(reason, actor, clock), actor, "CASE_TERMINATED",
                Map.of("reason", String.valueOf(reason)));
    }

    @Transactional
    public CertificationCase conclude(long applicationId, CertificationCase.Outcome outcome, String reason, Actor actor) {
        return change(applicationId, c -> c.conclude(outcome, reason, actor, clock), actor, "CASE_CONCLUDED",
                Map.of("outcome", String.valueOf(outcome), "reason", String.valueOf(reason)));
    }

    private CertificationCase change(long applicationId, Consumer<CertificationCase> transition, Actor actor, String action,
                                     Map<String, ?> details) {
        CertificationCase c = require(applicationId);
        transition.accept(c);
        if (c.newEntries().isEmpty()) {
            return c; // nothing changed (e.g. the same team again)
        }
        CertificationCase saved = repository.save(c);
        audit.record(actor.username(), action, target(saved), details);
        return saved;
    }

    private static String target(CertificationCase c) {
        return "application:" + c.reference();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
