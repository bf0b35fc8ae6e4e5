package cn.cfp.evaluation;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.TeamMember;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.scheme.ClaimEvaluation;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.EvaluationItem;
import cn.cfp.scheme.PreliminaryEvaluation;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluations before the on-site verification (issue 9 item 7), each step in one transaction with its audit record:
 * CICC stage 1 [004 §9.5] (its PROCEED completes the PRELIMINARY_EVALUATION stage, its findings are raised as
 * nonconformities for stage 2 to verify closed [§9.6.2 1)]), the start of stage 2 within the scheme's gap [§9.5.1]; CGC's
 * claim-and-evidence evaluation [003 ¶57–62] as a loop whose supplements pause the case clock [¶59], terminated by the
 * manager after the scheme's rounds [¶60; decision D5]; the consistency check of an adopted verification [¶38, ¶63, ¶67].
 * The team acts in the verification roles only (leader or verifier); the client supplements; the manager terminates.
 * Runs no SQL itself ({@link EvaluationRepository}).
 */
@Service
public class Evaluations {

    static final int MAX_TEXT = 4000;
    static final int MAX_CLAIM = 2000;
    static final int MAX_REFERENCE = 200;
    /** Team roles that do verification work (planning's TeamRole names). */
    static final Set<String> VERIFYING_ROLES = Set.of("LEADER", "VERIFIER");
    private static final int UNLIMITED = Integer.MAX_VALUE;

    /** A stage-1 round as the team records it [004 §9.5.2]. */
    public record Stage1Input(Boolean onSite, Boolean combinedWithDocumentCheck, List<ItemAnswer> answers, Stage1Decision decision,
                              String reason, String request) {
    }

    /** A claim-and-evidence evaluation round [003 ¶58–62]: {@code request} is what the client must supplement or correct. */
    public record ClaimInput(List<ItemAnswer> answers, ClaimConclusion conclusion, String findings, String request) {
    }

    /** The consistency check of an adopted verification [003 ¶63, ¶67]. */
    public record ConsistencyInput(String verifiedClaim, String priorReference, Long evidenceId, List<ItemAnswer> answers,
                                   ConsistencyConclusion conclusion, ConsistencyFollowUp followUp, String note, String ncClass,
                                   BigDecimal effectPercent) {
    }

    /** Where an application's evaluations stand, with the scheme's items and the gates. */
    public record EvaluationView(long applicationId, String reference, String schemeCode, List<Stage> stages, boolean open,
                                 Cited<PreliminaryEvaluation> stage1Scheme, Cited<ClaimEvaluation> claimScheme,
                                 Cited<Integer> stageGapMaxMonths, List<Round> stage1, List<Round> claim, Integer claimMaxRounds,
                                 Round awaitingStage1Supplement, Round awaitingClaimSupplement, boolean claimTerminationDue,
                                 boolean stage1TerminationPossible, boolean adopted, Stage2Start stage2, LocalDate stage2LastStartDay,
                                 Verdict stage2Gate, Verdict onSiteVerificationGate, ConsistencyCheck consistency) {
    }

    private final EvaluationRepository repository;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final Nonconformities nonconformities;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Clock clock;

    Evaluations(EvaluationRepository repository, Cases cases, SchemeCatalog schemes, Nonconformities nonconformities,
                EvidenceStore evidence, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.schemes = schemes;
        this.nonconformities = nonconformities;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reads and gates

    @Transactional(readOnly = true)
    public EvaluationView view(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        Scheme s = schemes.get(c.schemeCode());
        Evaluation e = load(applicationId);
        int claimMax = claimRounds(s);
        Integer gap = s.stageGapMaxMonths().value();
        LocalDate last = gap == null ? null : c.completedOn(Stage.PRELIMINARY_EVALUATION).map(d -> StageGapPolicy.lastStartDay(d, gap)).orElse(null);
        boolean open = c.isOpen();
        return new EvaluationView(applicationId, c.reference(), c.schemeCode(), c.currentStages(), open, s.preliminaryEvaluation(),
                s.claimEvaluation(), s.stageGapMaxMonths(), e.rounds(EvaluationKind.STAGE1), e.rounds(EvaluationKind.CLAIM),
                s.claimEvaluation().value() == null ? null : claimMax,
                open ? e.awaitingSupplement(EvaluationKind.STAGE1, UNLIMITED).orElse(null) : null,
                open ? e.awaitingSupplement(EvaluationKind.CLAIM, claimMax).orElse(null) : null,
                open && s.claimEvaluation().value() != null && e.claimTerminationDue(claimMax),
                open && c.currentStages().contains(Stage.PRELIMINARY_EVALUATION) && e.last(EvaluationKind.STAGE1).map(Evaluation::failed).orElse(false),
                c.simplified().contains(Stage.VERIFICATION), e.stage2().orElse(null), last, stage2Gate(c, s, e),
                onSiteVerificationGate(c, s, e), e.consistency().orElse(null));
    }

    /**
     * Whether stage-2 work may start now [004 §9.5.1]: allowed where the route has no stage 1; refused while stage 1 is
     * not completed and from the day after the scheme's gap ends; once stage 2's start is recorded it stays allowed
     * (the gap was kept on that day). Allowed with a note when stage 2 would follow stage 1 the next day.
     */
    @Transactional(readOnly = true)
    public Verdict stage2Gate(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        return stage2Gate(c, schemes.get(c.schemeCode()), load(applicationId));
    }

    private Verdict stage2Gate(CertificationCase c, Scheme s, Evaluation e) {
        if (!c.route().contains(Stage.PRELIMINARY_EVALUATION)) {
            return Verdict.allow();
        }
        if (e.stage2().isPresent()) {
            return Verdict.allow();
        }
        Optional<LocalDate> done = c.completedOn(Stage.PRELIMINARY_EVALUATION);
        return StageGapPolicy.check(done.orElse(null), s.stageGapMaxMonths().value(), today(), s.stageGapMaxMonths().cite());
    }

    /**
     * Whether the on-site verification may go ahead (for the verification module): allowed when the scheme has no
     * claim evaluation; for an adopted verification once the consistency check found it consistent (or inconsistent with
     * a nonconformity raised); otherwise once a claim round conforms or basically conforms [003 ¶61–62] — the latter
     * with a note naming what is to be verified on site.
     */
    @Transactional(readOnly = true)
    public Verdict onSiteVerificationGate(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        return onSiteVerificationGate(c, schemes.get(c.schemeCode()), load(applicationId));
    }

    private Verdict onSiteVerificationGate(CertificationCase c, Scheme s, Evaluation e) {
        if (s.claimEvaluation().value() == null) {
            return Verdict.allow();
        }
        if (c.simplified().contains(Stage.VERIFICATION)) {
            Optional<ConsistencyCheck> check = e.consistency();
            if (check.isEmpty()) {
                return Verdict.refuse(Reason.of("evaluation.gate.consistencyMissing", c.reference()));
            }
            ConsistencyCheck k = check.get();
            if (k.conclusion() == ConsistencyConclusion.CONSISTENT) {
                return Verdict.allow();
            }
            if (k.followUp() == ConsistencyFollowUp.RAISE_NONCONFORMITY) {
                return Verdict.allow(List.of(Reason.of("evaluation.gate.inconsistencyRaised", k.nonconformity())));
            }
        }
        Optional<Round> last = e.last(EvaluationKind.CLAIM);
        if (last.isEmpty()) {
            return Verdict.refuse(Reason.of("evaluation.gate.claimMissing", c.reference()));
        }
        ClaimConclusion cc = ClaimConclusion.valueOf(last.get().conclusion());
        if (!cc.passes()) {
            return Verdict.refuse(Reason.of("evaluation.gate.claimNotPassed", c.reference(), last.get().round()));
        }
        return cc == ClaimConclusion.BASICALLY_CONFORMS
                ? Verdict.allow(List.of(Reason.of("evaluation.gate.verifyOnSite", String.valueOf(last.get().request()))))
                : Verdict.allow();
    }

    /** The consistency check of an adopted prior verification, once recorded (for the verification module). */
    @Transactional(readOnly = true)
    public Optional<ConsistencyCheck> consistencyCheck(long applicationId) {
        return repository.find(applicationId).flatMap(Evaluation::consistency);
    }

    // ------------------------------------------------------------------ CICC stage 1

    /**
     * Records a stage-1 round [004 §9.5.2]: every item answered; the findings (items that do not conform) raised as
     * nonconformities of source PRELIMINARY_EVALUATION, for stage 2 to verify closed [§9.6.2 1)]; F) the decision with
     * its reason. PROCEED completes the stage in this transaction; NOT_PROCEED leaves it open for another round (after
     * the client's supplement when the round asks for one) or the manager's termination.
     */
    @Transactional
    public Round recordStage1(Actor actor, long applicationId, Stage1Input in) {
        CertificationCase c = cases.requireAt(applicationId, Stage.PRELIMINARY_EVALUATION);
        requireVerifying(actor, c);
        Scheme s = schemes.get(c.schemeCode());
        PreliminaryEvaluation p = s.preliminaryEvaluation().value();
        if (p == null) {
            throw Refusal.conflict("evaluation.stage1.notInScheme", c.schemeCode());
        }
        Evaluation e = load(applicationId);
        e.anotherRound(EvaluationKind.STAGE1, c.reference(), UNLIMITED).orRefuse(409);
        Stage1Input input = in == null ? new Stage1Input(null, null, List.of(), null, null, null) : in;
        List<Reason> problems = new ArrayList<>();
        if (input.onSite() == null) {
            problems.add(Reason.of("evaluation.stage1.onSiteRequired").at("onSite"));
        }
        if (input.decision() == null) {
            problems.add(Reason.of("evaluation.stage1.decisionRequired").at("decision"));
        }
        if (blank(input.reason())) {
            problems.add(Reason.of("evaluation.stage1.reasonRequired").at("reason"));
        }
        text(problems, input.reason(), MAX_TEXT, "reason");
        text(problems, input.request(), MAX_TEXT, "request");
        if (input.decision() == Stage1Decision.PROCEED && !blank(input.request())) {
            problems.add(Reason.of("evaluation.stage1.requestWhenProceeding").at("request"));
        }
        if (Boolean.TRUE.equals(input.onSite()) && Boolean.TRUE.equals(input.combinedWithDocumentCheck())) {
            problems.add(Reason.of("evaluation.stage1.combinedNotOnSite").at("combinedWithDocumentCheck"));
        }
        problems.addAll(answerProblems(p.items(), input.answers(), c));
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        int round = e.nextRound(EvaluationKind.STAGE1);
        List<Integer> raised = new ArrayList<>();
        for (ItemAnswer a : input.answers()) {
            if (a.conclusion() == ItemConclusion.NONCONFORMS) {
                EvaluationItem item = item(p.items(), a.item());
                raised.add(nonconformities.raise(actor, applicationId, new NewNonconformity(Stage.PRELIMINARY_EVALUATION,
                        "STAGE1-" + round + "-" + item.id(), item.cite(), a.note().strip(), blankToNull(a.ncClass()),
                        a.effectPercent(), null)).number());
            }
        }
        Round r = new Round(EvaluationKind.STAGE1, round, input.onSite(), Boolean.TRUE.equals(input.combinedWithDocumentCheck()),
                input.decision().name(), input.reason().strip(), blankToNull(input.request()), stripped(input.answers()), raised,
                false, actor.username(), today(), clock.instant(), null);
        e.add(r, c.reference(), UNLIMITED);
        repository.save(e);
        if (input.decision() == Stage1Decision.PROCEED) {
            cases.complete(applicationId, Stage.PRELIMINARY_EVALUATION, actor, "PROCEED (round " + round + ")");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("round", round);
        d.put("decision", input.decision().name());
        d.put("reason", input.reason().strip());
        d.put("onSite", input.onSite());
        d.put("combinedWithDocumentCheck", r.combinedWithDocumentCheck());
        d.put("answers", answerSummary(r.answers()));
        d.put("nonconformities", raised);
        audit.record(actor.username(), "EVALUATION_STAGE1_ROUND", target(applicationId), d);
        return r;
    }

    /**
     * Records the start of stage 2 (team leader or verifier): only while the case is at its VERIFICATION stage — a
     * second stage is never started before the first (the route refuses) — and only when the gap allows it [004 §9.5.1].
     * Returns the start with the gate's notes in the audit record (a consecutive start is warned about).
     */
    @Transactional
    public Stage2Start startStage2(Actor actor, long applicationId) {
        CertificationCase c = cases.requireAt(applicationId, Stage.VERIFICATION);
        requireVerifying(actor, c);
        if (!c.route().contains(Stage.PRELIMINARY_EVALUATION)) {
            throw Refusal.conflict("evaluation.stage2.noStage1", c.reference(), c.schemeCode());
        }
        Scheme s = schemes.get(c.schemeCode());
        Evaluation e = load(applicationId);
        if (e.stage2().isPresent()) {
            throw Refusal.conflict("evaluation.stage2.alreadyStarted", c.reference(), e.stage2().get().on());
        }
        Verdict gate = stage2Gate(c, s, e);
        gate.orRefuse(409);
        LocalDate done = c.completedOn(Stage.PRELIMINARY_EVALUATION).orElseThrow();
        Stage2Start start = new Stage2Start(today(), actor.username(), done, ChronoUnit.DAYS.between(done, today()));
        e.startStage2(start, c.reference());
        repository.save(e);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("on", start.on().toString());
        d.put("stage1CompletedOn", done.toString());
        d.put("gapDays", start.gapDays());
        d.put("maxMonths", String.valueOf(s.stageGapMaxMonths().value()));
        d.put("notes", gate.notes().stream().map(Reason::code).toList());
        audit.record(actor.username(), "EVALUATION_STAGE2_STARTED", target(applicationId), d);
        return start;
    }

    // ------------------------------------------------------------------ CGC claim-and-evidence evaluation

    /**
     * Records a claim-and-evidence round [003 ¶58–62]: every purpose answered, the conclusion, the findings (unless it
     * conforms) and what the client must supplement or correct (required when basically conforming, and when not
     * conforming while another round may follow — then the case clock pauses until the client's supplement [¶59]).
     */
    /**
     * The stages the claim-and-evidence evaluation runs in: it "runs in parallel with the document review" [003 ¶59] and
     * must conclude before the on-site verification, which is usually done with the on-site inspection [003 ¶64] — so
     * from the document review to the verification stage.
     */
    public static final java.util.Set<Stage> CLAIM_STAGES = java.util.EnumSet.of(Stage.DOCUMENT_REVIEW, Stage.ON_SITE_INSPECTION, Stage.VERIFICATION);

    private CertificationCase requireClaimStage(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (c.currentStages().stream().noneMatch(CLAIM_STAGES::contains)) {
            throw Refusal.conflict("cases.notAtStage", c.reference(), List.copyOf(CLAIM_STAGES), c.currentStages());
        }
        return c;
    }

    @Transactional
    public Round recordClaim(Actor actor, long applicationId, ClaimInput in) {
        CertificationCase c = requireClaimStage(applicationId);
        requireVerifying(actor, c);
        Scheme s = schemes.get(c.schemeCode());
        ClaimEvaluation ce = s.claimEvaluation().value();
        if (ce == null) {
            throw Refusal.conflict("evaluation.claim.notInScheme", c.schemeCode());
        }
        Evaluation e = load(applicationId);
        if (c.simplified().contains(Stage.VERIFICATION) && !e.consistency().map(k -> k.followUp() == ConsistencyFollowUp.FULL_VERIFICATION).orElse(false)) {
            throw Refusal.conflict("evaluation.claim.adopted", c.reference());
        }
        int max = claimRounds(s);
        e.anotherRound(EvaluationKind.CLAIM, c.reference(), max).orRefuse(409);
        ClaimInput input = in == null ? new ClaimInput(List.of(), null, null, null) : in;
        int round = e.nextRound(EvaluationKind.CLAIM);
        boolean lastRound = round >= max;
        List<Reason> problems = new ArrayList<>();
        if (input.conclusion() == null) {
            problems.add(Reason.of("evaluation.claim.conclusionRequired").at("conclusion"));
        }
        if (input.conclusion() != null && input.conclusion() != ClaimConclusion.CONFORMS && blank(input.findings())) {
            problems.add(Reason.of("evaluation.claim.findingsRequired").at("findings"));
        }
        if (input.conclusion() == ClaimConclusion.BASICALLY_CONFORMS && blank(input.request())) {
            problems.add(Reason.of("evaluation.claim.requestRequiredBasically").at("request"));
        }
        if (input.conclusion() == ClaimConclusion.DOES_NOT_CONFORM && !lastRound && blank(input.request())) {
            problems.add(Reason.of("evaluation.claim.requestRequired").at("request"));
        }
        if (input.conclusion() == ClaimConclusion.CONFORMS && !blank(input.request())) {
            problems.add(Reason.of("evaluation.claim.requestWhenConforming").at("request"));
        }
        text(problems, input.findings(), MAX_TEXT, "findings");
        text(problems, input.request(), MAX_TEXT, "request");
        problems.addAll(answerProblems(ce.items(), input.answers(), c));
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        boolean pause = input.conclusion() == ClaimConclusion.DOES_NOT_CONFORM && !lastRound && !c.paused();
        Round r = new Round(EvaluationKind.CLAIM, round, null, null, input.conclusion().name(), blankToNull(input.findings()),
                blankToNull(input.request()), stripped(input.answers()), List.of(), pause, actor.username(), today(),
                clock.instant(), null);
        e.add(r, c.reference(), max);
        repository.save(e);
        if (pause) {
            cases.pause(applicationId, today(), "CLAIM_EVALUATION_SUPPLEMENT round " + round + " [003 ¶59]", actor);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("round", round);
        d.put("conclusion", input.conclusion().name());
        d.put("findings", String.valueOf(r.reason()));
        d.put("request", String.valueOf(r.request()));
        d.put("answers", answerSummary(r.answers()));
        d.put("clockPaused", pause);
        d.put("terminationDue", e.claimTerminationDue(max));
        audit.record(actor.username(), "EVALUATION_CLAIM_ROUND", target(applicationId), d);
        return r;
    }

    /**
     * The applicant answers the open request of a loop with a note and the evidence it uploaded to the case; a clock
     * paused by that round resumes today [003 ¶59]; the next round may then be recorded.
     */
    @Transactional
    public Round supplement(Actor client, long applicationId, EvaluationKind kind, String note, List<Long> evidenceIds) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        requireApplicant(client, c);
        if (kind == null) {
            throw Refusal.badRequest(List.of(Reason.of("evaluation.supplement.kindRequired", List.of(EvaluationKind.values())).at("kind")));
        }
        if (kind == EvaluationKind.STAGE1) {
            c.requireAt(Stage.PRELIMINARY_EVALUATION);
        } else {
            requireClaimStage(applicationId);
        }
        Scheme s = schemes.get(c.schemeCode());
        Evaluation e = load(applicationId);
        int max = kind == EvaluationKind.CLAIM ? claimRounds(s) : UNLIMITED;
        List<Long> ids = evidenceIds == null ? List.of() : evidenceIds;
        List<Reason> problems = new ArrayList<>();
        if (blank(note) && ids.isEmpty()) {
            problems.add(Reason.of("evaluation.supplement.empty").at("note"));
        }
        text(problems, note, MAX_TEXT, "note");
        problems.addAll(evidenceProblems(ids, c, "evidenceIds"));
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        Round done = e.supplement(kind, new Round.Supplement(today(), client.username(), blankToNull(note), ids), c.reference(), max);
        repository.save(e);
        boolean resumed = false;
        if (done.clockPaused() && c.paused()) {
            cases.resume(applicationId, today(), client);
            resumed = true;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind.name());
        d.put("round", done.round());
        d.put("note", String.valueOf(done.supplement().note()));
        d.put("evidenceIds", ids);
        d.put("clockResumed", resumed);
        audit.record(client.username(), "EVALUATION_SUPPLEMENT_SUBMITTED", target(applicationId), d);
        return done;
    }

    // ------------------------------------------------------------------ adopted prior verification

    /**
     * Records the consistency check of an adopted prior verification [003 ¶38, ¶63, ¶67]: the verified claim, the prior
     * statement or report (reference and uploaded file), every consistency item answered, the conclusion; an
     * inconsistency leads either to a nonconformity (raised now, source VERIFICATION) or to the full verification (the
     * claim-and-evidence evaluation then applies as for any case).
     */
    @Transactional
    public ConsistencyCheck checkConsistency(Actor actor, long applicationId, ConsistencyInput in) {
        CertificationCase c = cases.requireAt(applicationId, Stage.VERIFICATION);
        requireVerifying(actor, c);
        if (!c.simplified().contains(Stage.VERIFICATION)) {
            throw Refusal.conflict("evaluation.consistency.notAdopted", c.reference());
        }
        Scheme s = schemes.get(c.schemeCode());
        ClaimEvaluation ce = s.claimEvaluation().value();
        if (ce == null || ce.consistencyItems().isEmpty()) {
            throw Refusal.conflict("evaluation.consistency.notInScheme", c.schemeCode());
        }
        Evaluation e = load(applicationId);
        if (e.consistency().isPresent()) {
            throw Refusal.conflict("evaluation.consistency.already", c.reference(), e.consistency().get().on());
        }
        ConsistencyInput input = in == null ? new ConsistencyInput(null, null, null, List.of(), null, null, null, null, null) : in;
        List<Reason> problems = new ArrayList<>();
        if (blank(input.verifiedClaim())) {
            problems.add(Reason.of("evaluation.consistency.claimRequired").at("verifiedClaim"));
        }
        text(problems, input.verifiedClaim(), MAX_CLAIM, "verifiedClaim");
        if (blank(input.priorReference())) {
            problems.add(Reason.of("evaluation.consistency.referenceRequired").at("priorReference"));
        }
        text(problems, input.priorReference(), MAX_REFERENCE, "priorReference");
        if (input.evidenceId() == null) {
            problems.add(Reason.of("evaluation.consistency.evidenceRequired").at("evidenceId"));
        } else {
            problems.addAll(evidenceProblems(List.of(input.evidenceId()), c, "evidenceId"));
        }
        if (input.conclusion() == null) {
            problems.add(Reason.of("evaluation.consistency.conclusionRequired").at("conclusion"));
        }
        problems.addAll(answerProblems(ce.consistencyItems(), input.answers(), c));
        boolean anyFails = input.answers() != null && input.answers().stream().anyMatch(a -> a != null && a.conclusion() == ItemConclusion.NONCONFORMS);
        if (input.conclusion() == ConsistencyConclusion.CONSISTENT && anyFails) {
            problems.add(Reason.of("evaluation.consistency.contradicts").at("conclusion"));
        }
        if (input.conclusion() == ConsistencyConclusion.INCONSISTENT) {
            if (input.followUp() == null) {
                problems.add(Reason.of("evaluation.consistency.followUpRequired", List.of(ConsistencyFollowUp.values())).at("followUp"));
            }
            if (blank(input.note())) {
                problems.add(Reason.of("evaluation.consistency.noteRequired").at("note"));
            }
        }
        if (input.conclusion() == ConsistencyConclusion.CONSISTENT && input.followUp() != null) {
            problems.add(Reason.of("evaluation.consistency.followUpWhenConsistent").at("followUp"));
        }
        text(problems, input.note(), MAX_TEXT, "note");
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        Integer nc = null;
        if (input.conclusion() == ConsistencyConclusion.INCONSISTENT && input.followUp() == ConsistencyFollowUp.RAISE_NONCONFORMITY) {
            String clause = input.answers().stream().filter(a -> a.conclusion() == ItemConclusion.NONCONFORMS)
                    .map(a -> item(ce.consistencyItems(), a.item()).cite()).distinct().reduce((x, y) -> x + "; " + y).orElse("003 ¶63; 003 ¶67");
            nc = nonconformities.raise(actor, applicationId, new NewNonconformity(Stage.VERIFICATION, "CONSISTENCY", clause,
                    input.note().strip(), blankToNull(input.ncClass()), input.effectPercent(), null)).number();
        }
        EvidenceFile file = evidence.get(input.evidenceId());
        ConsistencyCheck check = new ConsistencyCheck(input.verifiedClaim().strip(), input.priorReference().strip(), file.id(), file.sha256(),
                stripped(input.answers()), input.conclusion(), input.followUp(), blankToNull(input.note()), nc, actor.username(), today(),
                clock.instant());
        e.checkConsistency(check, c.reference());
        repository.save(e);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("priorReference", check.priorReference());
        d.put("evidence", file.id() + " " + file.sha256());
        d.put("answers", answerSummary(check.answers()));
        d.put("conclusion", check.conclusion().name());
        d.put("followUp", String.valueOf(check.followUp()));
        d.put("nonconformity", String.valueOf(nc));
        audit.record(actor.username(), "EVALUATION_CONSISTENCY_CHECKED", target(applicationId), d);
        return check;
    }

    // ------------------------------------------------------------------ evidence and termination

    /**
     * Uploads an evidence file to the case (the team's evidence for an answer, or the applicant's supplement), through
     * the evidence store (size- and type-checked, versioned, hashed).
     */
    @Transactional
    public EvidenceFile upload(Actor actor, long applicationId, String filename, InputStream content) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        String name;
        if (actor.isClient()) {
            requireApplicant(actor, c);
            name = "evaluation-supplement";
        } else {
            requireVerifying(actor, c);
            name = "evaluation-evidence";
        }
        EvidenceFile f = evidence.store(actor, c.parties().applicantOrgId(), c.reference(), name, filename, content);
        audit.record(actor.username(), "EVALUATION_EVIDENCE_UPLOADED", target(applicationId),
                Map.of("evidenceId", f.id(), "version", f.version(), "sha256", f.sha256()));
        return f;
    }

    /**
     * The case's manager terminates the certification after a failed evaluation: when the claim evaluation's rounds are
     * used up without passing [003 ¶60; decision D5], or after a stage-1 round that did not let stage 2 proceed.
     */
    @Transactional
    public void terminate(Actor manager, long applicationId, String reason) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (!manager.has(Role.PROJECT_MANAGER) || !c.isManager(manager.id())) {
            throw Refusal.forbidden("evaluation.terminate.managerOnly", c.reference());
        }
        Scheme s = schemes.get(c.schemeCode());
        Evaluation e = load(applicationId);
        boolean claimDue = s.claimEvaluation().value() != null && c.currentStages().stream().anyMatch(CLAIM_STAGES::contains)
                && e.claimTerminationDue(claimRounds(s));
        boolean stage1Failed = c.currentStages().contains(Stage.PRELIMINARY_EVALUATION)
                && e.last(EvaluationKind.STAGE1).map(Evaluation::failed).orElse(false);
        if (!claimDue && !stage1Failed) {
            throw Refusal.conflict("evaluation.terminate.notDue", c.reference());
        }
        if (blank(reason)) {
            throw Refusal.badRequest(List.of(Reason.of("evaluation.terminate.reasonRequired").at("reason")));
        }
        List<Reason> problems = new ArrayList<>();
        text(problems, reason, MAX_TEXT, "reason");
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        cases.terminate(applicationId, reason.strip(), manager);
        audit.record(manager.username(), "EVALUATION_TERMINATED", target(applicationId),
                Map.of("reason", reason.strip(), "after", claimDue ? "CLAIM" : "STAGE1"));
    }

    // ------------------------------------------------------------------ helpers

    private Evaluation load(long applicationId) {
        return repository.find(applicationId).orElseGet(() -> Evaluation.empty(applicationId));
    }

    private static int claimRounds(Scheme s) {
        ClaimEvaluation ce = s.claimEvaluation().value();
        return ce == null || ce.rounds() == null ? UNLIMITED : ce.rounds();
    }

    /** Verification work is done by the team's leader or a verifier (experts support, they do not sign). */
    static void requireVerifying(Actor actor, CertificationCase c) {
        Optional<TeamMember> m = c.team().stream().filter(t -> t.userId() == actor.id()).findFirst();
        if (m.isEmpty()) {
            throw Refusal.forbidden("evaluation.notOnTeam", c.reference());
        }
        if (!VERIFYING_ROLES.contains(m.get().role())) {
            throw Refusal.forbidden("evaluation.roleNotAllowed", c.reference(), m.get().role());
        }
    }

    private static void requireApplicant(Actor client, CertificationCase c) {
        if (!client.isClient() || client.organisationId() == null || client.organisationId() != c.parties().applicantOrgId()) {
            throw Refusal.forbidden("evaluation.applicantOnly", c.reference());
        }
    }

    /** Every item of the scheme answered once, no unknown item, a note for a finding, evidence of the case. */
    private List<Reason> answerProblems(List<EvaluationItem> items, List<ItemAnswer> answers, CertificationCase c) {
        List<Reason> problems = new ArrayList<>();
        List<ItemAnswer> given = answers == null ? List.of() : answers;
        Set<String> seen = new HashSet<>();
        Set<String> known = new HashSet<>(items.stream().map(EvaluationItem::id).toList());
        for (ItemAnswer a : given) {
            if (a == null || a.item() == null) {
                problems.add(Reason.of("evaluation.answer.itemRequired").at("answers"));
                continue;
            }
            String field = "answer." + a.item();
            if (!known.contains(a.item())) {
                problems.add(Reason.of("evaluation.answer.unknownItem", a.item(), items.stream().map(EvaluationItem::id).toList()).at(field));
                continue;
            }
            if (!seen.add(a.item())) {
                problems.add(Reason.of("evaluation.answer.twice", a.item()).at(field));
            }
            if (a.conclusion() == null) {
                problems.add(Reason.of("evaluation.answer.conclusionRequired", a.item()).at(field));
            }
            if (a.conclusion() == ItemConclusion.NONCONFORMS && blank(a.note())) {
                problems.add(Reason.of("evaluation.answer.noteRequired", a.item()).at(field + ".note"));
            }
            text(problems, a.note(), MAX_TEXT, field + ".note");
            problems.addAll(evidenceProblems(a.evidenceIds(), c, field + ".evidence"));
        }
        for (EvaluationItem i : items) {
            if (!seen.contains(i.id()) && given.stream().noneMatch(a -> a != null && i.id().equals(a.item()))) {
                problems.add(Reason.of("evaluation.answer.missing", i.id(), i.cite()).at("answer." + i.id()));
            }
        }
        return problems;
    }

    /** Every evidence id names a file uploaded to this case. */
    private List<Reason> evidenceProblems(List<Long> ids, CertificationCase c, String field) {
        List<Reason> problems = new ArrayList<>();
        for (Long id : ids) {
            Optional<EvidenceFile> f;
            try {
                f = id == null ? Optional.empty() : Optional.of(evidence.get(id));
            } catch (Refusal r) {
                f = Optional.empty();
            }
            if (f.isEmpty() || f.get().organisationId() != c.parties().applicantOrgId() || !c.reference().equals(f.get().caseRef())) {
                problems.add(Reason.of("evaluation.evidence.notOfCase", String.valueOf(id), c.reference()).at(field));
            }
        }
        return problems;
    }

    private static EvaluationItem item(List<EvaluationItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<ItemAnswer> stripped(List<ItemAnswer> answers) {
        return answers.stream().map(a -> new ItemAnswer(a.item(), a.conclusion(), blankToNull(a.note()), a.evidenceIds(),
                blankToNull(a.ncClass()), a.effectPercent())).toList();
    }

    private static List<String> answerSummary(List<ItemAnswer> answers) {
        return answers.stream().map(a -> a.item() + "=" + a.conclusion() + (a.evidenceIds().isEmpty() ? "" : " " + a.evidenceIds())).toList();
    }

    private static void text(List<Reason> problems, String s, int max, String field) {
        if (s != null && s.strip().length() > max) {
            problems.add(Reason.of("evaluation.tooLong", max).at(field));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String target(long applicationId) {
        return "application:" + applicationId;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
