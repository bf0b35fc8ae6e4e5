package cn.cfp.inspection;

import cn.cfp.access.Actor;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.TeamMember;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.planning.PlanEvents;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.scheme.AssuranceChecklist;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-site inspection use cases (R-INS-1..5). The visit record is made when the plan is sent ({@link PlanEvents.Sent})
 * and marked started with the visit ({@link PlanEvents.VisitStarted}); if a step comes first it is made then from the
 * plan. Every write is by a member of the case's team in the role of LEADER or INSPECTOR, while the case is at its
 * ON_SITE_INSPECTION stage and the visit has started; every write is version-checked and audited. Runs no SQL itself.
 */
@Service
public class Inspections {

    /** The team roles that do inspection work (experts may support, not sign). */
    public static final Set<String> INSPECTION_ROLES = Set.of("LEADER", "INSPECTOR");
    /** Largest consistency sample per unit. */
    public static final int MAX_SAMPLE = 50;
    static final int MAX_NOTE = 4000;

    private final InspectionRepository repository;
    private final Cases cases;
    private final Applications applications;
    private final Plans plans;
    private final Nonconformities nonconformities;
    private final SchemeCatalog schemes;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    Inspections(InspectionRepository repository, Cases cases, Applications applications, Plans plans,
                Nonconformities nonconformities, SchemeCatalog schemes, EvidenceStore evidence, AuditTrail audit,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.applications = applications;
        this.plans = plans;
        this.nonconformities = nonconformities;
        this.schemes = schemes;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ events from planning

    @ApplicationModuleListener
    void on(PlanEvents.Sent sent) {
        String team = sent.team().stream().map(m -> m.userId() + ":" + m.role()).collect(Collectors.joining(","));
        retrying(() -> {
            InspectionRepository.VisitRow v = ensure(sent.applicationId());
            if (!Objects.equals(v.scheduledOn(), sent.visitDate()) || !Objects.equals(v.team(), team)) {
                repository.updateVisit(with(v, sent.visitDate(), team, v.startedAt(), v.startedBy()));
            }
        });
        audit.record(Actor.SYSTEM.username(), "INSPECTION_VISIT_SCHEDULED", target(sent.applicationId()),
                Map.of("visitDate", String.valueOf(sent.visitDate()), "team", team));
    }

    @ApplicationModuleListener
    void on(PlanEvents.VisitStarted started) {
        retrying(() -> {
            InspectionRepository.VisitRow v = ensure(started.applicationId()); // takes the start from the plan
            if (v.startedAt() == null) {
                repository.updateVisit(with(v, v.scheduledOn(), v.team(), clock.instant(), started.startedBy()));
            }
        });
        audit.record(started.startedBy(), "INSPECTION_VISIT_STARTED", target(started.applicationId()),
                Map.of("visitDate", String.valueOf(started.visitDate())));
    }

    /** A listener's update that met a concurrent one (the version moved): read again and retry. */
    private static void retrying(Runnable r) {
        for (int i = 0; ; i++) {
            try {
                r.run();
                return;
            } catch (Refusal e) {
                if (i >= 2) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /** The visit record of the case (made from the plan if the plan's event has not been handled yet). */
    @Transactional
    public InspectionView view(long applicationId) {
        cases.require(applicationId);
        return view(ensure(applicationId));
    }

    /** The scheme's inspection rules for the case; refused where the scheme has no on-site inspection (CICC). */
    @Transactional(readOnly = true)
    public InspectionRules rules(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        InspectionRules r = schemes.get(c.schemeCode()).onSiteInspection().value();
        if (r == null) {
            throw Refusal.conflict("inspection.noInspection", c.reference(), c.schemeCode());
        }
        return r;
    }

    /**
     * The production sites of the application (id → name): the sites its products are made at [000 §7.5.1 "所有生产场所"
     * of the products applied for]; every site of the factory when no product names its site (as the planning's man-day
     * scopes count them); the factory itself when it lists none.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> sites(long applicationId) {
        ApplicationView app = applications.get(applicationId);
        Map<Long, String> out = new LinkedHashMap<>();
        java.util.Set<Long> used = new java.util.HashSet<>();
        app.products().forEach(p -> {
            if (p.siteId() != null) {
                used.add(p.siteId());
            }
        });
        app.sites().stream().filter(s -> used.isEmpty() || used.contains(s.id())).forEach(s -> out.put(s.id(), s.name()));
        if (out.isEmpty()) {
            out.put(0L, app.reference());
        }
        return out;
    }

    /** The certification units of the application (id → label); its products where no unit is listed. */
    @Transactional(readOnly = true)
    public Map<Long, String> units(long applicationId) {
        ApplicationView app = applications.get(applicationId);
        Map<Long, String> out = new LinkedHashMap<>();
        app.units().forEach(u -> out.put(u.id(), u.label()));
        if (out.isEmpty()) {
            app.products().forEach(p -> out.put(p.id(), p.productName() + (p.model() == null ? "" : " " + p.model())));
        }
        return out;
    }

    /** The on-site plan's revisions with their reasons (003 ¶36 "保留修订记录"). */
    @Transactional(readOnly = true)
    public List<PlanView.Revision> planRevisions(long applicationId) {
        return plans.forApplication(applicationId).map(PlanView::revisions).orElse(List.of());
    }

    /** What completing would say now (allowed, or every reason not yet). */
    @Transactional
    public Verdict completionVerdict(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        InspectionRules rules = rules(applicationId);
        InspectionView v = view(ensure(applicationId));
        Verdict ncs = c.route().contains(Stage.NC_CLOSURE) ? null
                : nonconformities.noneOpen(applicationId, Set.of(Stage.ON_SITE_INSPECTION));
        return InspectionCompletionPolicy.check(v, rules, sites(applicationId), units(applicationId), ncs);
    }

    // ------------------------------------------------------------------ checklist (R-INS-2)

    @Transactional
    public Answer answerChecklist(Actor actor, long applicationId, String itemId, long siteId, AnswerInput in) {
        Work w = work(actor, applicationId);
        AssuranceChecklist.Item item = w.rules.checklist().item(itemId)
                .orElseThrow(() -> Refusal.notFound("inspection.checklist.unknownItem", itemId));
        String site = sites(applicationId).get(siteId);
        if (site == null) {
            throw Refusal.notFound("inspection.unknownSite", siteId, sites(applicationId).values());
        }
        List<Reason> problems = new ArrayList<>();
        if (in == null || in.result() == null || !Set.of(Answer.Result.CONFORMS, Answer.Result.NONCONFORMS,
                Answer.Result.NOT_APPLICABLE).contains(in.result())) {
            throw Refusal.badRequest(List.of(Reason.of("inspection.checklist.result",
                    in == null ? null : in.result()).at("result")));
        }
        String note = strip(in.note());
        if (in.result() == Answer.Result.NONCONFORMS && note == null) {
            problems.add(Reason.of("inspection.answer.noteRequired", itemId).at("note"));
        }
        if (in.result() == Answer.Result.NOT_APPLICABLE && note == null
                && !(item.applicability() == AssuranceChecklist.Applicability.SCOPE
                     && w.visit.excludedStages().contains(item.scopeStage()))) {
            problems.add(Reason.of("inspection.answer.reasonRequired", itemId).at("note"));
        }
        return save(w, Answer.Kind.CHECKLIST, itemId, siteId, in, note, problems, item.cite(),
                item.heading().zh() + " " + item.clause());
    }

    /** Marks the checklist complete: refused, naming every item × site not yet answered, until every site is covered. */
    @Transactional
    public InspectionView completeChecklist(Actor actor, long applicationId) {
        Work w = work(actor, applicationId);
        List<Reason> missing = InspectionCompletionPolicy.checklistMissing(view(w.visit), w.rules.checklist(), sites(applicationId));
        if (!missing.isEmpty()) {
            throw Refusal.badRequest(missing);
        }
        InspectionRepository.VisitRow v = w.visit;
        repository.updateVisit(new InspectionRepository.VisitRow(v.id(), v.applicationId(), v.scheduledOn(), v.team(),
                v.startedAt(), v.startedBy(), v.excludedStages(), v.productionModel(), v.productionLine(), v.productionNote(),
                v.productionEvidence(), v.disagreement(), v.sampleSeed(), clock.instant(), v.completedAt(), v.completedBy(),
                v.version()));
        audit.record(actor.username(), "INSPECTION_CHECKLIST_COMPLETED", target(applicationId),
                Map.of("sites", sites(applicationId).size(), "items", w.rules.checklist().items().size()));
        return view(applicationId);
    }

    // ------------------------------------------------------------------ consistency (R-INS-3)

    /** The products/batches the enterprise confirmed as conforming for a unit (one identifier a line). */
    @Transactional
    public UnitSample confirmProducts(Actor actor, long applicationId, long unitId, List<String> identifiers, Integer version) {
        Work w = work(actor, applicationId);
        requireUnit(applicationId, unitId);
        List<String> ids = identifiers == null ? List.of() : identifiers.stream().map(Inspections::strip)
                .filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            throw Refusal.badRequest(List.of(Reason.of("inspection.sample.noProducts").at("identifiers")));
        }
        Optional<UnitSample> existing = repository.samples(applicationId).stream().filter(s -> s.unitId() == unitId).findFirst();
        if (existing.isPresent()) {
            if (existing.get().confirmed().equals(ids)) {
                return existing.get();
            }
            checkVersion(version, existing.get().version(), "inspection.sample.stale", unitId);
        }
        UnitSample s = new UnitSample(unitId, ids, null, List.of(), null, null, existing.map(UnitSample::version).orElse(0));
        repository.saveSample(applicationId, s, existing.isEmpty());
        audit.record(actor.username(), "INSPECTION_PRODUCTS_CONFIRMED", target(applicationId),
                Map.of("unit", unitId, "count", ids.size()));
        return sample(applicationId, unitId);
    }

    /**
     * Draws the consistency sample of {@code size} from the unit's confirmed products with the visit's seed (generated on
     * the first draw of the visit and recorded): drawing again gives the same sample.
     */
    @Transactional
    public UnitSample drawSample(Actor actor, long applicationId, long unitId, int size) {
        Work w = work(actor, applicationId);
        requireUnit(applicationId, unitId);
        UnitSample s = repository.samples(applicationId).stream().filter(x -> x.unitId() == unitId).findFirst()
                .orElseThrow(() -> Refusal.conflict("inspection.sample.noProducts"));
        if (size < 1 || size > MAX_SAMPLE) {
            throw Refusal.badRequest(List.of(Reason.of("inspection.sample.size", size, MAX_SAMPLE).at("size")));
        }
        InspectionRepository.VisitRow v = w.visit;
        long seed;
        if (v.sampleSeed() == null) {
            seed = seeds.nextLong();
            repository.updateVisit(new InspectionRepository.VisitRow(v.id(), v.applicationId(), v.scheduledOn(), v.team(),
                    v.startedAt(), v.startedBy(), v.excludedStages(), v.productionModel(), v.productionLine(),
                    v.productionNote(), v.productionEvidence(), v.disagreement(), seed, v.checklistCompletedAt(),
                    v.completedAt(), v.completedBy(), v.version()));
        } else {
            seed = v.sampleSeed();
        }
        List<String> sample = Sampling.draw(seed, unitId, s.confirmed(), size);
        repository.saveSample(applicationId, new UnitSample(unitId, s.confirmed(), size, sample, actor.username(),
                clock.instant(), s.version()), false);
        audit.record(actor.username(), "INSPECTION_SAMPLE_DRAWN", target(applicationId),
                Map.of("unit", unitId, "seed", seed, "size", size, "sample", String.join(",", sample)));
        return sample(applicationId, unitId);
    }

    @Transactional
    public Answer answerConsistency(Actor actor, long applicationId, String itemId, long unitId, AnswerInput in) {
        Work w = work(actor, applicationId);
        InspectionRules.InspectionItem item = w.rules.consistencyItem(itemId)
                .orElseThrow(() -> Refusal.notFound("inspection.consistency.unknownItem", itemId));
        requireUnit(applicationId, unitId);
        if (in == null || in.result() == null || !Set.of(Answer.Result.CONSISTENT, Answer.Result.INCONSISTENT,
                Answer.Result.NOT_APPLICABLE).contains(in.result())) {
            throw Refusal.badRequest(List.of(Reason.of("inspection.consistency.result",
                    in == null ? null : in.result()).at("result")));
        }
        String note = strip(in.note());
        List<Reason> problems = new ArrayList<>();
        if (in.result() == Answer.Result.INCONSISTENT && note == null) {
            problems.add(Reason.of("inspection.answer.noteRequired", itemId).at("note"));
        }
        if (in.result() == Answer.Result.NOT_APPLICABLE && note == null) {
            problems.add(Reason.of("inspection.answer.reasonRequired", itemId).at("note"));
        }
        String cite = item.cite() == null ? w.rules.checklist().cite() : item.cite();
        return save(w, Answer.Kind.CONSISTENCY, itemId, unitId, in, note, problems, cite, item.text().zh());
    }

    // ------------------------------------------------------------------ visit record (R-INS-1)

    /** The product observed in production during the visit [000 §7.5.1: the factory must be producing an in-scope product]. */
    @Transactional
    public InspectionView recordProduction(Actor actor, long applicationId, String model, String line, String note,
                                           List<Long> evidenceIds, Integer version) {
        Work w = work(actor, applicationId);
        List<Reason> problems = new ArrayList<>();
        if (strip(model) == null) {
            problems.add(Reason.of("inspection.production.modelRequired").at("model"));
        }
        if (strip(line) == null) {
            problems.add(Reason.of("inspection.production.lineRequired").at("line"));
        }
        problems.addAll(evidenceProblems(w, evidenceIds));
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        InspectionRepository.VisitRow v = w.visit;
        checkVersion(version, v.version(), "inspection.visit.stale", v.version());
        repository.updateVisit(new InspectionRepository.VisitRow(v.id(), v.applicationId(), v.scheduledOn(), v.team(),
                v.startedAt(), v.startedBy(), v.excludedStages(), strip(model), strip(line), strip(note),
                evidenceIds == null ? List.of() : evidenceIds, v.disagreement(), v.sampleSeed(), v.checklistCompletedAt(),
                v.completedAt(), v.completedBy(), v.version()));
        audit.record(actor.username(), "INSPECTION_PRODUCTION_RECORDED", target(applicationId),
                Map.of("model", strip(model), "line", strip(line)));
        return view(applicationId);
    }

    /** The life-cycle stages outside the case's certification scope (their scope items need no reason for "n/a"). */
    @Transactional
    public InspectionView setExcludedStages(Actor actor, long applicationId, Set<String> stages, Integer version) {
        Work w = work(actor, applicationId);
        Set<String> s = stages == null ? Set.of() : new LinkedHashSet<>(stages);
        Set<String> known = Set.of("delivery-storage", "use", "end-of-life");
        List<Reason> problems = s.stream().filter(x -> !known.contains(x))
                .map(x -> Reason.of("inspection.scope.unknownStage", x, known).at("stages")).toList();
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        InspectionRepository.VisitRow v = w.visit;
        checkVersion(version, v.version(), "inspection.visit.stale", v.version());
        repository.updateVisit(new InspectionRepository.VisitRow(v.id(), v.applicationId(), v.scheduledOn(), v.team(),
                v.startedAt(), v.startedBy(), s, v.productionModel(), v.productionLine(), v.productionNote(),
                v.productionEvidence(), v.disagreement(), v.sampleSeed(), v.checklistCompletedAt(), v.completedAt(),
                v.completedBy(), v.version()));
        audit.record(actor.username(), "INSPECTION_SCOPE_SET", target(applicationId), Map.of("excluded", String.join(",", s)));
        return view(applicationId);
    }

    /** The client's disagreement with the conclusion, recorded in the report [001 §9.5.4 2)]. */
    @Transactional
    public InspectionView recordDisagreement(Actor actor, long applicationId, String text, Integer version) {
        Work w = work(actor, applicationId);
        InspectionRepository.VisitRow v = w.visit;
        checkVersion(version, v.version(), "inspection.visit.stale", v.version());
        repository.updateVisit(new InspectionRepository.VisitRow(v.id(), v.applicationId(), v.scheduledOn(), v.team(),
                v.startedAt(), v.startedBy(), v.excludedStages(), v.productionModel(), v.productionLine(), v.productionNote(),
                v.productionEvidence(), strip(text), v.sampleSeed(), v.checklistCompletedAt(), v.completedAt(),
                v.completedBy(), v.version()));
        audit.record(actor.username(), "INSPECTION_DISAGREEMENT_RECORDED", target(applicationId),
                Map.of("text", String.valueOf(strip(text))));
        return view(applicationId);
    }

    /** One attendee of a meeting (the scheme says which meetings need the record). */
    @Transactional
    public Attendance addAttendance(Actor actor, long applicationId, InspectionRules.Meeting meeting, String name,
                                    String organisation, String position, boolean signed) {
        work(actor, applicationId);
        List<Reason> problems = new ArrayList<>();
        if (meeting == null) {
            problems.add(Reason.of("inspection.attendance.meeting", List.of(InspectionRules.Meeting.values())).at("meeting"));
        }
        if (strip(name) == null) {
            problems.add(Reason.of("inspection.attendance.nameRequired").at("name"));
        }
        if (strip(organisation) == null) {
            problems.add(Reason.of("inspection.attendance.organisationRequired").at("organisation"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        long id = repository.insertAttendance(applicationId, meeting, strip(name), strip(organisation), strip(position), signed,
                actor.username(), clock.instant());
        audit.record(actor.username(), "INSPECTION_ATTENDANCE_RECORDED", target(applicationId),
                Map.of("meeting", meeting.name(), "name", strip(name), "signed", signed));
        return repository.attendance(applicationId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** A photo or document from the device, stored as the case's evidence (then linked to an answer by its id). */
    @Transactional
    public EvidenceFile upload(Actor actor, long applicationId, String name, String filename, InputStream content) {
        work(actor, applicationId);
        ApplicationView app = applications.get(applicationId);
        EvidenceFile f = evidence.store(actor, app.applicantOrgId(), app.reference(),
                strip(name) == null ? "现场检查证据" : strip(name), filename, content);
        audit.record(actor.username(), "INSPECTION_EVIDENCE_UPLOADED", target(applicationId),
                Map.of("evidence", f.id(), "file", String.valueOf(filename)));
        return f;
    }

    // ------------------------------------------------------------------ completion (R-INS)

    /**
     * Completes the on-site inspection: refused in words until {@link InspectionCompletionPolicy} allows; then completes
     * the case's ON_SITE_INSPECTION stage in the same transaction and publishes {@link InspectionEvents.InspectionCompleted}.
     */
    @Transactional
    public InspectionView complete(Actor actor, long applicationId, String note) {
        Work w = work(actor, applicationId);
        Verdict verdict = completionVerdict(applicationId);
        if (!verdict.allowed()) {
            throw Refusal.badRequest(verdict.reasons());
        }
        InspectionRepository.VisitRow v = repository.visit(applicationId).orElseThrow();
        repository.updateVisit(new InspectionRepository.VisitRow(v.id(), v.applicationId(), v.scheduledOn(), v.team(),
                v.startedAt(), v.startedBy(), v.excludedStages(), v.productionModel(), v.productionLine(), v.productionNote(),
                v.productionEvidence(), v.disagreement(), v.sampleSeed(), v.checklistCompletedAt(), clock.instant(),
                actor.username(), v.version()));
        cases.complete(applicationId, Stage.ON_SITE_INSPECTION, actor, strip(note) == null ? "现场检查完成" : strip(note));
        audit.record(actor.username(), "INSPECTION_COMPLETED", target(applicationId), Map.of("reference", w.c.reference()));
        events.publishEvent(new InspectionEvents.InspectionCompleted(applicationId, w.c.reference(), actor.username()));
        return view(applicationId);
    }

    /** The nonconformities of the case raised by the inspection (for the report). */
    @Transactional(readOnly = true)
    public List<NonconformityView> inspectionNonconformities(long applicationId) {
        return nonconformities.of(applicationId).stream().filter(n -> n.source() == Stage.ON_SITE_INSPECTION).toList();
    }

    // ------------------------------------------------------------------ internals

    private record Work(Actor actor, CertificationCase c, InspectionRules rules, InspectionRepository.VisitRow visit) {
    }

    /** A write by a LEADER/INSPECTOR of the case's team, at the case's on-site stage, after the visit started. */
    private Work work(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        Optional<TeamMember> member = c.team().stream().filter(m -> m.userId() == actor.id()).findFirst();
        if (member.isEmpty()) {
            throw Refusal.forbidden("inspection.notOnTeam", c.reference());
        }
        if (!INSPECTION_ROLES.contains(member.get().role())) {
            throw Refusal.forbidden("inspection.roleNotInspecting", c.reference(), member.get().role());
        }
        InspectionRules rules = rules(applicationId);
        InspectionRepository.VisitRow v = ensure(applicationId);
        if (v.completedAt() != null) {
            throw Refusal.conflict("inspection.completed", c.reference());
        }
        cases.requireAt(applicationId, Stage.ON_SITE_INSPECTION);
        if (v.startedAt() == null) {
            throw Refusal.conflict("inspection.visitNotStarted", c.reference());
        }
        return new Work(actor, c, rules, v);
    }

    private Answer save(Work w, Answer.Kind kind, String itemId, long targetId, AnswerInput in, String note,
                        List<Reason> problems, String clause, String itemLabel) {
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Reason.of("inspection.answer.noteTooLong", MAX_NOTE).at("note"));
        }
        problems.addAll(evidenceProblems(w, in.evidenceIds()));
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        long app = w.c.applicationId();
        List<Long> evidenceIds = in.evidenceIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.evidenceIds()));
        Optional<Answer> existing = repository.answer(app, kind, itemId, targetId);
        if (existing.isPresent()) {
            Answer e = existing.get();
            if (e.result() == in.result() && Objects.equals(e.note(), note) && e.evidenceIds().equals(evidenceIds)) {
                return e; // the same answer again (a retry after a lost response): nothing to change
            }
            checkVersion(in.version(), e.version(), "inspection.answer.stale", itemId);
        }
        Long ncId = existing.map(Answer::ncId).orElse(null);
        if (in.result().finding()) {
            boolean open = ncId != null && nonconformities.of(app).stream().anyMatch(n -> n.id() == existing.get().ncId() && n.open());
            if (!open) {
                String ref = kind == Answer.Kind.CHECKLIST ? itemId + "@" + targetId : itemId + "@U" + targetId;
                NonconformityView nc = nonconformities.raise(w.actor(), app, new NewNonconformity(Stage.ON_SITE_INSPECTION,
                        ref, clause, itemLabel + "：" + note, strip(in.ncClass()), in.effectPercent(), null));
                ncId = nc.id();
            }
        }
        Instant now = clock.instant();
        Answer a = new Answer(existing.map(Answer::id).orElse(0L), kind, itemId, targetId, in.result(), note, evidenceIds,
                ncId, w.actor().username(), now, existing.map(Answer::version).orElse(0));
        if (existing.isPresent()) {
            repository.updateAnswer(a);
        } else {
            repository.insertAnswer(app, a);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind.name());
        d.put("item", itemId);
        d.put(kind == Answer.Kind.CHECKLIST ? "site" : "unit", targetId);
        d.put("result", in.result().name());
        d.put("nc", String.valueOf(ncId));
        audit.record(w.actor().username(), "INSPECTION_ANSWERED", target(app), d);
        return repository.answer(app, kind, itemId, targetId).orElseThrow();
    }

    private List<Reason> evidenceProblems(Work w, List<Long> ids) {
        List<Reason> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        ApplicationView app = applications.get(w.c.applicationId());
        for (Long id : ids) {
            EvidenceFile f;
            try {
                f = id == null ? null : evidence.get(id);
            } catch (RuntimeException e) {
                f = null;
            }
            if (f == null || !app.reference().equals(f.caseRef())) {
                out.add(Reason.of("inspection.evidence.unknown", id).at("evidenceIds"));
            }
        }
        return out;
    }

    private void requireUnit(long applicationId, long unitId) {
        if (!units(applicationId).containsKey(unitId)) {
            throw Refusal.notFound("inspection.unknownUnit", unitId, units(applicationId).values());
        }
    }

    private static void checkVersion(Integer given, int current, String code, Object what) {
        if (given == null || given != current) {
            throw Refusal.conflict(code, what, current);
        }
    }

    private UnitSample sample(long applicationId, long unitId) {
        return repository.samples(applicationId).stream().filter(s -> s.unitId() == unitId).findFirst().orElseThrow();
    }

    /** The visit row, made from the plan when planning's event has not been handled yet; started as the plan says. */
    private InspectionRepository.VisitRow ensure(long applicationId) {
        Optional<InspectionRepository.VisitRow> v = repository.visit(applicationId);
        Optional<PlanView> plan = plans.forApplication(applicationId);
        if (v.isEmpty()) {
            String team = plan.map(p -> p.team().stream().map(m -> m.userId() + ":" + m.role().name())
                    .collect(Collectors.joining(","))).orElse(null);
            repository.insertVisit(applicationId, plan.map(PlanView::visitDate).orElse(null), team);
            v = repository.visit(applicationId);
        }
        InspectionRepository.VisitRow row = v.orElseThrow();
        if (row.startedAt() == null && plan.isPresent() && plan.get().visitStartedAt() != null) {
            try {
                repository.updateVisit(with(row, row.scheduledOn(), row.team(), plan.get().visitStartedAt(), plan.get().visitStartedBy()));
            } catch (Refusal concurrent) {
                // planning's listener recorded the start meanwhile
            }
            row = repository.visit(applicationId).orElseThrow();
        }
        return row;
    }

    private static InspectionRepository.VisitRow with(InspectionRepository.VisitRow v, java.time.LocalDate on, String team,
                                                      Instant startedAt, String startedBy) {
        return new InspectionRepository.VisitRow(v.id(), v.applicationId(), on, team, startedAt, startedBy, v.excludedStages(),
                v.productionModel(), v.productionLine(), v.productionNote(), v.productionEvidence(), v.disagreement(),
                v.sampleSeed(), v.checklistCompletedAt(), v.completedAt(), v.completedBy(), v.version());
    }

    private InspectionView view(InspectionRepository.VisitRow v) {
        InspectionView.Production production = v.productionModel() == null ? null
                : new InspectionView.Production(v.productionModel(), v.productionLine(), v.productionNote(), v.productionEvidence());
        return new InspectionView(v.applicationId(), v.scheduledOn(), v.team(), v.startedAt(), v.startedBy(), v.excludedStages(),
                production, v.disagreement(), v.sampleSeed(), v.checklistCompletedAt(), v.completedAt(), v.completedBy(),
                v.version(), repository.attendance(v.applicationId()), repository.answers(v.applicationId(), Answer.Kind.CHECKLIST),
                repository.answers(v.applicationId(), Answer.Kind.CONSISTENCY), repository.samples(v.applicationId()));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String target(long applicationId) {
        return "application:" + applicationId;
    }
}
