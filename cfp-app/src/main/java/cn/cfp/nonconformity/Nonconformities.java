package cn.cfp.nonconformity;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.scheme.NcClass;
import cn.cfp.scheme.NonconformityPolicy;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.evidence.EvidenceStore;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nonconformities of a case (R-NC). Raising is open to a member of the case's team while the case is open; the class
 * must be one of the scheme's classes (and, where the scheme grades by effect — CGC's &lt; 10 % / ≥ 10 % [003 ¶70] —
 * agree with the effect given).
 */
@Service
public class Nonconformities {

    /** The activities a nonconformity may come from. */
    public static final Set<Stage> SOURCES = EnumSet.of(Stage.DOCUMENT_REVIEW, Stage.PRELIMINARY_EVALUATION,
            Stage.ON_SITE_INSPECTION, Stage.VERIFICATION, Stage.SURVEILLANCE);

    private final NonconformityRepository repository;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final AuditTrail audit;
    private final Clock clock;
    private final EvidenceStore evidence;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RecalculationLookup> recalculations;

    Nonconformities(NonconformityRepository repository, Cases cases, SchemeCatalog schemes, AuditTrail audit, Clock clock,
                    EvidenceStore evidence, WorkingDayCalendar calendar, ApplicationEventPublisher events,
                    ObjectProvider<RecalculationLookup> recalculations) {
        this.repository = repository;
        this.cases = cases;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
        this.evidence = evidence;
        this.calendar = calendar;
        this.events = events;
        this.recalculations = recalculations;
    }

    /** A file the client uploads with an answer. */
    public record Upload(String filename, InputStream content) {
    }

    /** The client's answer to one NC (R-NC-2). */
    public record AnswerInput(String correction, String cause, String correctiveAction, String explanation) {
    }

    /**
     * The team's verification of the latest answer: accept (close) or reject (reason, new due date). For a
     * quantification NC where the scheme re-evaluates (CGC 003 ¶73) closing needs the recalculation reference and the
     * amended claimed value.
     */
    public record VerifyInput(boolean accept, VerificationMethod method, String reason, LocalDate dueOn, String recalculationRef,
                              String amendedClaim, String teamNote) {
    }

    /** The NCs issued in one list and what the issue date check notes (CGC 5–10 WD after on-site, 003 ¶71). */
    public record IssuedList(Stage source, List<NonconformityDetail> nonconformities, List<Reason> notes) {
    }

    /** Raises a nonconformity on the application's case; returns it with its number. Refused in words, nothing stored. */
    @Transactional
    public NonconformityView raise(Actor actor, long applicationId, NewNonconformity n) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (!c.isTeamMember(actor.id())) {
            throw Refusal.forbidden("nonconformity.notOnTeam", c.reference());
        }
        Scheme scheme = schemes.get(c.schemeCode());
        List<Reason> problems = new ArrayList<>();
        if (n.source() == null || !SOURCES.contains(n.source())) {
            problems.add(Reason.of("nonconformity.source", n.source(), List.copyOf(SOURCES)).at("source"));
        }
        if (n.description() == null || n.description().isBlank()) {
            problems.add(Reason.of("nonconformity.descriptionRequired").at("description"));
        }
        if (n.clause() == null || n.clause().isBlank()) {
            problems.add(Reason.of("nonconformity.clauseRequired").at("clause"));
        }
        problems.addAll(classProblems(scheme, n));
        if (n.dueOn() != null && n.dueOn().isBefore(java.time.LocalDate.now(clock))) {
            problems.add(Reason.of("nonconformity.dueInPast", n.dueOn()).at("dueOn"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        repository.openFrom(applicationId, n.source(), n.sourceRef()).ifPresent(existing -> {
            throw Refusal.conflict("nonconformity.alreadyRaised", existing.number(), n.sourceRef());
        });
        long id = repository.insert(applicationId, new NewNonconformity(n.source(), blankToNull(n.sourceRef()), n.clause().strip(),
                n.description().strip(), blankToNull(n.ncClass()), n.effectPercent(), n.dueOn()), actor.username(), clock.instant());
        NonconformityView v = repository.find(id).orElseThrow();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("number", v.number());
        d.put("source", v.source().name());
        d.put("sourceRef", String.valueOf(v.sourceRef()));
        d.put("clause", v.clause());
        d.put("class", String.valueOf(v.ncClass()));
        audit.record(actor.username(), "NC_RAISED", "application:" + applicationId, d);
        events.publishEvent(new NonconformityEvents.Raised(applicationId, c.reference(), v.number()));
        return v;
    }

    /** The scheme's classes: a class must be one of them; an effect-graded class must agree with the effect. */
    static List<Reason> classProblems(Scheme scheme, NewNonconformity n) {
        NonconformityPolicy policy = scheme.nonconformities().value();
        List<NcClass> classes = policy == null ? List.of() : policy.classes();
        List<Reason> problems = new ArrayList<>();
        if (n.ncClass() == null || n.ncClass().isBlank()) {
            if (classes.size() > 1) {
                problems.add(Reason.of("nonconformity.classRequired", classes.stream().map(NcClass::key).toList()).at("ncClass"));
            }
            return problems;
        }
        NcClass cls = classes.stream().filter(k -> k.key().equals(n.ncClass().strip())).findFirst().orElse(null);
        if (cls == null) {
            problems.add(Reason.of("nonconformity.classUnknown", n.ncClass(), classes.stream().map(NcClass::key).toList()).at("ncClass"));
            return problems;
        }
        if (n.effectPercent() != null) {
            if (cls.effectBelowPercent() != null && n.effectPercent().abs().compareTo(cls.effectBelowPercent()) >= 0) {
                problems.add(Reason.of("nonconformity.effectTooLarge", n.effectPercent(), cls.key(), cls.effectBelowPercent()).at("ncClass"));
            }
            if (cls.effectAtLeastPercent() != null && n.effectPercent().abs().compareTo(cls.effectAtLeastPercent()) < 0) {
                problems.add(Reason.of("nonconformity.effectTooSmall", n.effectPercent(), cls.key(), cls.effectAtLeastPercent()).at("ncClass"));
            }
        } else if (cls.effectAtLeastPercent() != null || cls.effectBelowPercent() != null) {
            // CGC grades by the effect on the result: the team states it (the engine's what-if, R-NC-1)
            problems.add(Reason.of("nonconformity.effectRequired", cls.key()).at("effectPercent"));
        }
        return problems;
    }

    @Transactional(readOnly = true)
    public List<NonconformityView> of(long applicationId) {
        return repository.ofApplication(applicationId);
    }

    /**
     * The named policy for a case: allowed when no nonconformity from {@code sources} (empty = any) is open.
     */
    @Transactional(readOnly = true)
    public Verdict noneOpen(long applicationId, Set<Stage> sources) {
        return NoOpenNonconformityPolicy.check(repository.ofApplication(applicationId), sources);
    }

    // ------------------------------------------------------------------ after raising (R-NC-1..3)

    /** The NCs with everything after raising, as {@code reader} may see them: a client sees issued ones, without notes. */
    @Transactional(readOnly = true)
    public List<NonconformityDetail> details(Actor reader, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        List<NonconformityDetail> all = repository.loadAll(applicationId).stream().map(n -> detail(scheme, n)).toList();
        if (reader.isStaff()) {
            return all;
        }
        return all.stream().filter(d -> d.nc().status() != NonconformityStatus.RAISED).map(NonconformityDetail::forClient).toList();
    }

    /**
     * Issues every raised NC of {@code source} to the client as one list with the due date agreed with it (R-NC-1, R-NC-2).
     * A member of the team in a role that signs that work. Where the scheme gives a period for issuing after the on-site
     * activity (CGC 5–10 working days [003 ¶71], "可": a note, not a refusal), the notes say when it is outside.
     */
    @Transactional
    public IssuedList issue(Actor actor, long applicationId, Stage source, LocalDate dueOn) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        requireSigningRole(c, actor, source);
        LocalDate today = LocalDate.now(clock);
        List<Nonconformity> raised = repository.loadAll(applicationId).stream()
                .filter(n -> n.raised().source() == source && n.status() == NonconformityStatus.RAISED).toList();
        if (raised.isEmpty()) {
            throw Refusal.conflict("nonconformity.nothingToIssue", c.reference(), source);
        }
        Scheme scheme = schemes.get(c.schemeCode());
        List<Reason> notes = issueNotes(scheme, c, source, raised, today);
        for (Nonconformity n : raised) {
            n.issue(dueOn, today, actor.username());
            repository.save(n);
        }
        List<Integer> numbers = raised.stream().map(Nonconformity::number).toList();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", source.name());
        d.put("numbers", numbers);
        d.put("dueOn", String.valueOf(dueOn));
        d.put("notes", notes.stream().map(Reason::code).toList());
        audit.record(actor.username(), "NC_ISSUED", "application:" + applicationId, d);
        events.publishEvent(new NonconformityEvents.Issued(applicationId, c.reference(), numbers, dueOn));
        List<NonconformityDetail> issued = raised.stream().map(n -> repository.load(n.id()).orElseThrow())
                .map(n -> detail(scheme, n)).toList();
        return new IssuedList(source, issued, notes);
    }

    /** CGC: issued 5–10 working days after the on-site verification ends [003 ¶71]; a note when outside ("可"). */
    private List<Reason> issueNotes(Scheme scheme, CertificationCase c, Stage source, List<Nonconformity> ncs, LocalDate today) {
        NonconformityPolicy policy = scheme.nonconformities().value();
        if (policy == null || policy.issueWithinWorkingDays() == null) {
            return List.of();
        }
        LocalDate onSiteEnded = c.completedOn(source).orElse(ncs.stream()
                .map(n -> LocalDate.ofInstant(n.raised().raisedAt(), clock.getZone())).max(LocalDate::compareTo).orElse(today));
        int wd = calendar.workingDaysBetween(onSiteEnded, today);
        if (wd > policy.issueWithinWorkingDays().max()) {
            return List.of(Reason.of("nonconformity.issueLate", wd, onSiteEnded, policy.issueWithinWorkingDays().text()));
        }
        return List.of();
    }

    /** The list issued for {@code source} (the issued NCs, whatever their state now) with its title from the scheme. */
    @Transactional(readOnly = true)
    public IssuedList issuedList(long applicationId, Stage source) {
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        List<NonconformityDetail> issued = repository.loadAll(applicationId).stream()
                .filter(n -> n.raised().source() == source && n.issuedOn() != null).map(n -> detail(scheme, n).forClient()).toList();
        if (issued.isEmpty()) {
            throw Refusal.notFound("nonconformity.noIssuedList", c.reference(), source);
        }
        return new IssuedList(source, issued, List.of());
    }

    /** The scheme's title of the list for {@code source} (CNEX 现场检查问题清单 / 核查问题清单), if it names one. */
    @Transactional(readOnly = true)
    public java.util.Optional<cn.cfp.scheme.LocalizedText> listTitle(long applicationId, Stage source) {
        NonconformityPolicy policy = schemes.get(cases.require(applicationId).schemeCode()).nonconformities().value();
        return policy == null ? java.util.Optional.empty() : policy.listTitle(source);
    }

    /**
     * The applicant's answer to an issued NC, with its evidence files stored through the evidence store (R-NC-2); a person
     * of the case's applicant only; refused after the due date.
     */
    @Transactional
    public NonconformityDetail answer(Actor client, long applicationId, long ncId, AnswerInput input, List<Upload> files) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (!client.isClient() || client.organisationId() == null || client.organisationId() != c.parties().applicantOrgId()) {
            throw Refusal.forbidden("nonconformity.onlyApplicant", c.reference());
        }
        Nonconformity n = require(applicationId, ncId);
        Scheme scheme = schemes.get(c.schemeCode());
        boolean explanation = explanationAllowed(scheme);
        LocalDate today = LocalDate.now(clock);
        AnswerInput in = input == null ? new AnswerInput(null, null, null, null) : input;
        List<Long> ids = new ArrayList<>();
        // the guards first with a placeholder so a refused answer stores no file
        n.answer(in.correction(), in.cause(), in.correctiveAction(), in.explanation(),
                files.isEmpty() ? List.of() : List.of(-1L), explanation, today, client.username(), clock.instant());
        Nonconformity fresh = require(applicationId, ncId);
        for (Upload f : files) {
            ids.add(evidence.store(client, c.parties().applicantOrgId(), c.reference(), "NC-" + n.number() + " evidence",
                    f.filename(), f.content()).id());
        }
        fresh.answer(in.correction(), in.cause(), in.correctiveAction(), in.explanation(), ids, explanation, today,
                client.username(), clock.instant());
        repository.save(fresh);
        int round = fresh.answers().size();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("number", fresh.number());
        d.put("round", round);
        d.put("evidenceIds", ids);
        audit.record(client.username(), "NC_ANSWERED", "application:" + applicationId, d);
        events.publishEvent(new NonconformityEvents.Answered(applicationId, c.reference(), fresh.number(), round));
        return detail(scheme, require(applicationId, ncId)).forClient();
    }

    /** The team verifies the latest answer (written or on site): accepts and closes, or rejects with reason and new due date. */
    @Transactional
    public NonconformityDetail verify(Actor actor, long applicationId, long ncId, VerifyInput input) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        Nonconformity n = require(applicationId, ncId);
        requireSigningRole(c, actor, n.raised().source());
        Scheme scheme = schemes.get(c.schemeCode());
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("number", n.number());
        d.put("method", String.valueOf(input.method()));
        if (input.accept()) {
            boolean amendment = amendmentRequired(scheme, n);
            n.accept(input.method(), explanationAllowed(scheme), amendment, input.recalculationRef(), input.amendedClaim(),
                    input.teamNote(), today, actor.username(), clock.instant());
            if (amendment) {
                RecalculationLookup lookup = recalculations.getIfAvailable();
                if (lookup != null) {
                    Verdict v = lookup.check(applicationId, input.recalculationRef(), input.amendedClaim());
                    if (!v.allowed()) {
                        throw Refusal.badRequest(v.reasons());
                    }
                }
                d.put("recalculationRef", input.recalculationRef());
                d.put("amendedClaim", input.amendedClaim());
            }
            repository.save(n);
            audit.record(actor.username(), "NC_CLOSED", "application:" + applicationId, d);
            events.publishEvent(new NonconformityEvents.Accepted(applicationId, c.reference(), n.number()));
        } else {
            n.reject(input.method(), input.reason(), input.dueOn(), input.teamNote(), today, actor.username(), clock.instant());
            repository.save(n);
            d.put("reason", input.reason());
            d.put("dueOn", String.valueOf(input.dueOn()));
            audit.record(actor.username(), "NC_ANSWER_REJECTED", "application:" + applicationId, d);
            events.publishEvent(new NonconformityEvents.Rejected(applicationId, c.reference(), n.number(), input.reason(), input.dueOn()));
        }
        return detail(scheme, require(applicationId, ncId));
    }

    /**
     * Completes the NC_CLOSURE stage (CICC [004 §9.7]) when no NC is open: refused with the open ones otherwise
     * ({@link NoOpenNonconformityPolicy}). A member of the team.
     */
    @Transactional
    public void completeClosure(Actor actor, long applicationId, String note) {
        CertificationCase c = cases.requireAt(applicationId, Stage.NC_CLOSURE);
        if (!c.isTeamMember(actor.id())) {
            throw Refusal.forbidden("nonconformity.notOnTeam", c.reference());
        }
        Verdict v = noneOpen(applicationId, Set.of());
        if (!v.allowed()) {
            throw Refusal.conflict(v.reasons());
        }
        cases.complete(applicationId, Stage.NC_CLOSURE, actor, note == null || note.isBlank() ? "all nonconformities closed" : note.strip());
        audit.record(actor.username(), "NC_CLOSURE_COMPLETED", "application:" + applicationId, Map.of("note", String.valueOf(note)));
    }

    /**
     * "A missed deadline fails" as a standing refusal (CGC 不通过 [003 ¶75]): refused with one reason per NC whose
     * deadline consequence FAIL was applied, so no positive conclusion is possible.
     */
    @Transactional(readOnly = true)
    public Verdict noneFailed(long applicationId) {
        return Verdict.of(repository.loadAll(applicationId).stream()
                .filter(n -> NonconformityPolicy.DeadlineConsequence.FAIL.name().equals(n.consequence()))
                .map(n -> Reason.of("nonconformity.failed", n.number(), n.dueOn())).toList());
    }

    /**
     * The deadline job (R-NC-3): every issued NC past its due date without an answer gets the scheme's consequence once —
     * TERMINATE (the case is terminated with the reason, CEC 002 §5.6), FAIL (a standing refusal, CGC 003 ¶75) or, where
     * the scheme states none, OVERDUE (recorded and told; the open NC still blocks a positive conclusion). Idempotent: an
     * NC with a consequence is never taken again. Returns how many NCs it applied a consequence to.
     */
    @Transactional
    public int applyDeadlines() {
        LocalDate today = LocalDate.now(clock);
        int applied = 0;
        List<String> done = new ArrayList<>();
        for (long id : repository.overdueIds(today)) {
            Nonconformity n = repository.load(id).orElseThrow();
            CertificationCase c = cases.require(n.applicationId());
            if (!c.isOpen() || !n.overdue(today)) {
                continue;
            }
            NonconformityPolicy policy = schemes.get(c.schemeCode()).nonconformities().value();
            NonconformityPolicy.DeadlineConsequence kind = policy == null ? null : policy.deadlineConsequence();
            String consequence = kind == null ? "OVERDUE" : kind.name();
            n.missedDeadline(consequence, today, clock.instant());
            repository.save(n);
            if (kind == NonconformityPolicy.DeadlineConsequence.TERMINATE) {
                cases.terminate(n.applicationId(), "NC " + n.number() + " not answered by " + n.dueOn()
                        + " [" + schemes.get(c.schemeCode()).nonconformities().cite() + "]", Actor.SYSTEM);
            }
            audit.record(Actor.SYSTEM.username(), "NC_DEADLINE_MISSED", "application:" + n.applicationId(),
                    Map.of("number", n.number(), "dueOn", String.valueOf(n.dueOn()), "consequence", consequence));
            events.publishEvent(new NonconformityEvents.DeadlineMissed(n.applicationId(), c.reference(), n.number(), n.dueOn(), consequence));
            done.add(c.reference() + "#" + n.number() + ":" + consequence);
            applied++;
        }
        audit.record(Actor.SYSTEM.username(), "NC_DEADLINE_RUN", "job:nonconformity-deadlines",
                Map.of("on", today.toString(), "applied", applied, "ncs", done));
        return applied;
    }

    private Nonconformity require(long applicationId, long ncId) {
        Nonconformity n = repository.load(ncId).orElseThrow(() -> Refusal.notFound("nonconformity.notFound", ncId));
        if (n.applicationId() != applicationId) {
            throw Refusal.notFound("nonconformity.notFound", ncId);
        }
        return n;
    }

    /**
     * Issuing and verifying are signed by the team in the role for that work: inspection NCs by the LEADER or an
     * INSPECTOR, verification NCs by the LEADER or a VERIFIER; other sources by any member who is not an expert or trainee.
     */
    private static void requireSigningRole(CertificationCase c, Actor actor, Stage source) {
        Set<String> roles = source == Stage.ON_SITE_INSPECTION ? Set.of("LEADER", "INSPECTOR")
                : source == Stage.VERIFICATION ? Set.of("LEADER", "VERIFIER") : Set.of("LEADER", "INSPECTOR", "VERIFIER");
        if (!c.isTeamMember(actor.id())) {
            throw Refusal.forbidden("nonconformity.notOnTeam", c.reference());
        }
        boolean may = c.team().stream().anyMatch(m -> m.userId() == actor.id() && roles.contains(m.role()));
        if (!may) {
            throw Refusal.forbidden("nonconformity.roleMayNotSign", c.reference(), source, List.copyOf(roles));
        }
    }

    private static boolean explanationAllowed(Scheme scheme) {
        NonconformityPolicy p = scheme.nonconformities().value();
        return p != null && Boolean.TRUE.equals(p.explanationAllowed());
    }

    /** A quantification NC (source VERIFICATION) of a scheme that re-evaluates replies (003 ¶73): the claim must be amended. */
    private static boolean amendmentRequired(Scheme scheme, Nonconformity n) {
        NonconformityPolicy p = scheme.nonconformities().value();
        return p != null && p.reEvaluationWorkingDays() != null && n.raised().source() == Stage.VERIFICATION;
    }

    /** The detail with the re-evaluation deadline: max working days of the scheme after the latest unverified answer. */
    private NonconformityDetail detail(Scheme scheme, Nonconformity n) {
        LocalDate due = null;
        if (amendmentRequired(scheme, n) && n.status() == NonconformityStatus.ANSWERED) {
            LocalDate replied = n.lastAnswer().map(a -> LocalDate.ofInstant(a.answeredAt(), clock.getZone())).orElse(null);
            if (replied != null) {
                due = calendar.plusWorkingDays(replied, scheme.nonconformities().value().reEvaluationWorkingDays().max()).date();
            }
        }
        return n.detail(due);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
