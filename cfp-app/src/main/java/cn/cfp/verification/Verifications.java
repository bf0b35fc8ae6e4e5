package cn.cfp.verification;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.io.InventoryImportException;
import cn.cfp.calc.model.Inventory;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.TeamRole;
import cn.cfp.scheme.DataQualityFailure;
import cn.cfp.scheme.NcClass;
import cn.cfp.scheme.NonconformityPolicy;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PCF verification of a case (R-VER): submissions by the client, the verifier's worksheet and corrections, the
 * recalculation with the scheme's parameters, nonconformities from it and the completion of the stage. Verification
 * work needs the role LEADER or VERIFIER on the case's team; others are refused with a reason.
 */
@Service
public class Verifications {

    /** Logical name of the inventory in the case's evidence. */
    static final String LOGICAL_NAME = "产品碳足迹数据收集清单（核查）";
    static final Set<String> VERIFYING_ROLES = Set.of(TeamRole.LEADER.name(), TeamRole.VERIFIER.name());
    /** The largest Monte Carlo run accepted through the platform. */
    static final int MAX_ITERATIONS = 100_000;

    private final VerificationRepository repository;
    private final Cases cases;
    private final Plans plans;
    private final Nonconformities nonconformities;
    private final EvidenceStore evidence;
    private final SchemeCatalog schemes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final cn.cfp.evaluation.Evaluations evaluations;

    Verifications(VerificationRepository repository, Cases cases, Plans plans, Nonconformities nonconformities,
                  EvidenceStore evidence, SchemeCatalog schemes, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                  cn.cfp.evaluation.Evaluations evaluations) {
        this.evaluations = evaluations;
        this.repository = repository;
        this.cases = cases;
        this.plans = plans;
        this.nonconformities = nonconformities;
        this.evidence = evidence;
        this.schemes = schemes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public VerificationView view(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        List<SubmissionView> subs = repository.submissions(applicationId);
        List<Correction.Stored> corr = subs.isEmpty() ? List.of() : repository.corrections(subs.get(subs.size() - 1).id());
        List<RecalculationView> results = repository.results(applicationId).stream().map(r -> new RecalculationView(r.id(),
                r.applicationId(), r.submissionId(), r.submissionVersion(), r.sha256(), r.engineVersion(), r.gwpSet(),
                r.correctionIds(), r.lastCorrectionId(), r.iterations(), r.seed(), r.totalKgCo2e(), r.claimedKgCo2e(),
                r.deviationPercent(), r.materialityPercent(), r.classification(), r.qualityAccepted(), r.calculatedBy(),
                r.calculatedAt(), null)).toList();
        return new VerificationView(applicationId, c.reference(), c.schemeCode(), subs, corr, repository.aspects(applicationId),
                results, consistencyCheck(c), completionGate(c));
    }

    /** The corrections of a submission, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Correction.Stored> corrections(long submissionId) {
        return repository.corrections(submissionId);
    }

    /** The client's own submissions (what a party of the case sees). */
    @Transactional(readOnly = true)
    public List<SubmissionView> submissions(long applicationId) {
        cases.require(applicationId);
        return repository.submissions(applicationId);
    }

    @Transactional(readOnly = true)
    public RecalculationView recalculation(long applicationId, long id) {
        return repository.result(applicationId, id).orElseThrow(() -> Refusal.notFound("verification.resultNotFound", id));
    }

    /**
     * The parsed inventory of a submission, read back from the evidence store (its hash is verified on reading). Parsed
     * inventories are kept by sha256 for the last few submissions: the content under a hash never changes, and the
     * engine's model is immutable, so a recalculation right after the upload does not parse the file again.
     */
    @Transactional(readOnly = true)
    public Inventory inventory(SubmissionView s) {
        Inventory cached = parsed.get(s.sha256());
        if (cached != null) {
            return cached;
        }
        try (InputStream in = evidence.open(s.evidenceId())) {
            Inventory inv = FootprintAdapter.parse(s.format(), in.readAllBytes(), s.filename());
            parsed.put(s.sha256(), inv);
            return inv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed inventories by sha256, least recently used first out (a 20,000-process model holds some 50 MB). */
    private final Map<String, Inventory> parsed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Inventory> eldest) {
                    return size() > 4;
                }
            });

    // ---- the client's submissions (item 5)

    /**
     * Stores a new version of the client's inventory with its claimed footprint (kg CO2e per functional unit). The file
     * is parsed with the engine first: an inventory with errors is refused with the engine's messages (sheet, row and
     * column for a workbook) and nothing is stored.
     */
    @Transactional
    public SubmissionView submit(Actor client, long applicationId, String filename, byte[] content, BigDecimal claimedKg) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (!client.isClient() || c.parties().applicantOrgId() != client.organisationId().longValue()) {
            throw Refusal.forbidden("verification.notApplicant", c.reference());
        }
        if (c.passed(Stage.VERIFICATION)) {
            throw Refusal.conflict("verification.alreadyCompleted", c.reference());
        }
        List<Reason> problems = new ArrayList<>();
        FootprintAdapter.Format format = FootprintAdapter.format(filename);
        if (format == null) {
            problems.add(Reason.of("verification.format", filename).at("file"));
        }
        if (claimedKg == null) {
            problems.add(Reason.of("verification.claimRequired").at("claimedKgCo2e"));
        }
        if (content == null || content.length == 0) {
            problems.add(Reason.of("verification.fileEmpty").at("file"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        Inventory inv = parseOrRefuse(format, content, filename);
        EvidenceFile file = evidence.store(client, c.parties().applicantOrgId(), c.reference(), LOGICAL_NAME, filename,
                new ByteArrayInputStream(content));
        parsed.put(file.sha256(), inv);
        int number = repository.nextSubmissionNumber(applicationId);
        long id;
        try {
            id = repository.insertSubmission(applicationId, number, file.id(), file.sha256(), filename, format, claimedKg,
                    client.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("verification.versionTaken", number);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", number);
        d.put("sha256", file.sha256());
        d.put("filename", filename);
        d.put("claimedKgCo2e", claimedKg.toPlainString());
        audit.record(client.username(), "VERIFICATION_SUBMITTED", "application:" + applicationId, d);
        return repository.submissions(applicationId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    static Inventory parseOrRefuse(FootprintAdapter.Format format, byte[] content, String filename) {
        try {
            return FootprintAdapter.parse(format, content, filename);
        } catch (InventoryImportException e) {
            throw Refusal.badRequest(e.errors().stream().map(m -> Reason.of("verification.inventoryError", m).at("file")).toList());
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(List.of(Reason.of("verification.inventoryError", e.getMessage()).at("file")));
        }
    }

    // ---- the verifier's worksheet (item 5)

    /** Concludes one aspect [000 Annex 2 §4.3.1]; {@code version} (optional) is the row version the verifier saw. */
    @Transactional
    public Aspect.Concluded conclude(Actor actor, long applicationId, Aspect aspect, Aspect.Conclusion conclusion, String note,
                                     Integer version) {
        CertificationCase c = requireVerifier(actor, applicationId);
        requireWorkGate(applicationId);
        List<Reason> problems = new ArrayList<>();
        if (aspect == null) {
            problems.add(Reason.of("verification.aspectRequired", List.of(Aspect.values())).at("aspect"));
        }
        if (conclusion == null) {
            problems.add(Reason.of("verification.conclusionRequired").at("conclusion"));
        }
        if (conclusion == Aspect.Conclusion.NOT_CONFORMS && (note == null || note.isBlank())) {
            problems.add(Reason.of("verification.noteRequired").at("note"));
        }
        if (aspect == Aspect.CONSISTENCY_CHECK && !consistencyCheck(c)) {
            problems.add(Reason.of("verification.noConsistencyCheck", c.reference()).at("aspect"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        Aspect.Concluded existing = repository.aspects(applicationId).stream().filter(a -> a.aspect() == aspect).findFirst().orElse(null);
        if (existing == null) {
            try {
                repository.insertAspect(applicationId, aspect, conclusion, n, actor.username(), clock.instant());
            } catch (DuplicateKeyException e) {
                throw Refusal.conflict("verification.stale", aspect);
            }
        } else if ((version != null && version != existing.version())
                || !repository.updateAspect(applicationId, aspect, existing.version(), conclusion, n, actor.username(), clock.instant())) {
            throw Refusal.conflict("verification.stale", aspect);
        }
        audit.record(actor.username(), "VERIFICATION_ASPECT_CONCLUDED", "application:" + applicationId,
                Map.of("aspect", aspect.name(), "conclusion", conclusion.name()));
        return repository.aspects(applicationId).stream().filter(a -> a.aspect() == aspect).findFirst().orElseThrow();
    }

    /** Records a correction of the latest submission with its reason; the client's version is not changed. */
    @Transactional
    public Correction.Stored correct(Actor actor, long applicationId, Correction correction) {
        requireVerifier(actor, applicationId);
        requireWorkGate(applicationId);
        SubmissionView s = repository.latest(applicationId)
                .orElseThrow(() -> Refusal.conflict("verification.noSubmission"));
        List<Reason> problems = new ArrayList<>();
        if (correction == null || correction.kind() == null) {
            throw Refusal.badRequest(List.of(Reason.of("verification.correctionKind").at("kind")));
        }
        if (correction.reason() == null || correction.reason().isBlank()) {
            problems.add(Reason.of("verification.reasonRequired").at("reason"));
        }
        if (!Double.isFinite(correction.correctedValue())) {
            problems.add(Reason.of("verification.valueInvalid").at("correctedValue"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        Inventory inv = inventory(s);
        double original;
        try {
            original = FootprintAdapter.original(inv, correction);
            FootprintAdapter.corrected(inv, List.of(correction)); // the engine accepts the corrected value
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(List.of(Reason.of("verification.correctionTarget", e.getMessage()).at("item")));
        }
        Correction clean = new Correction(correction.kind(), correction.processId(), correction.item(), correction.factorId(),
                correction.gas() == null || correction.gas().isBlank() ? null : correction.gas().strip(),
                correction.correctedValue(), correction.reason().strip());
        long id = repository.insertCorrection(applicationId, s.id(), clean, original, actor.username(), clock.instant());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("submission", s.version());
        d.put("target", clean.target());
        d.put("from", original);
        d.put("to", clean.correctedValue());
        d.put("reason", clean.reason());
        audit.record(actor.username(), "VERIFICATION_CORRECTED", "application:" + applicationId, d);
        return repository.corrections(s.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    // ---- recalculation (item 6, R-VER-3)

    /**
     * Recalculates the latest submission with its corrections and the scheme's parameters, classifies the deviation of
     * the claim against the approved plan's materiality and stores the result with what produced it. Monte Carlo runs
     * when {@code iterations} is given, with {@code seed} (required then).
     */
    @Transactional
    public RecalculationView recalculate(Actor actor, long applicationId, Integer iterations, Long seed) {
        CertificationCase c = requireVerifier(actor, applicationId);
        requireWorkGate(applicationId);
        SubmissionView s = repository.latest(applicationId).orElseThrow(() -> Refusal.conflict("verification.noSubmission"));
        if (iterations != null && (iterations < 2 || iterations > MAX_ITERATIONS)) {
            throw Refusal.badRequest(List.of(Reason.of("verification.iterations", MAX_ITERATIONS).at("iterations")));
        }
        if (iterations != null && seed == null) {
            throw Refusal.badRequest(List.of(Reason.of("verification.seedRequired").at("seed")));
        }
        Scheme scheme = schemes.get(c.schemeCode());
        List<Correction.Stored> corr = repository.corrections(s.id());
        FootprintAdapter.Calculation calc = FootprintAdapter.calculate(scheme, inventory(s),
                corr.stream().map(Correction.Stored::correction).toList(), iterations, seed == null ? 0 : seed);
        return store(actor, applicationId, s, corr, calc, iterations, seed);
    }

    RecalculationView store(Actor actor, long applicationId, SubmissionView s, List<Correction.Stored> corr,
                            FootprintAdapter.Calculation calc, Integer iterations, Long seed) {
        FootprintResult r = calc.result();
        BigDecimal materiality = materiality(applicationId);
        Double dev = FootprintAdapter.deviationPercent(s.claimedKgCo2e(), r.totalKgCo2e());
        Deviation cls = Deviation.classify(dev, materiality);
        List<Long> ids = corr.stream().map(Correction.Stored::id).toList();
        Long last = ids.isEmpty() ? null : ids.get(ids.size() - 1);
        long id = repository.insertResult(applicationId, s, FootprintAdapter.ENGINE_VERSION, calc.gwpSet(), ids, last,
                iterations, iterations == null ? null : seed, r.totalKgCo2e(), dev, materiality, cls, r.quality().accepted(),
                calc.storedJson(), actor.username(), clock.instant());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("result", id);
        d.put("submission", s.version());
        d.put("sha256", s.sha256());
        d.put("totalKgCo2e", FootprintAdapter.kg(r.totalKgCo2e()));
        d.put("deviation", dev == null ? "-" : FootprintAdapter.percent(dev));
        d.put("classification", cls.name());
        d.put("gwp", calc.gwpSet());
        d.put("corrections", ids.toString());
        d.put("seed", seed == null ? "-" : seed.toString());
        audit.record(actor.username(), "VERIFICATION_RECALCULATED", "application:" + applicationId, d);
        return repository.result(applicationId, id).orElseThrow();
    }

    /** The materiality threshold of the approved verification plan (null when it states none). */
    BigDecimal materiality(long applicationId) {
        return plans.forApplication(applicationId).map(PlanView::verificationPlan)
                .map(vp -> vp.materialityPercent()).orElse(null);
    }

    /**
     * The effect of one correction on the result, as the engine computes it (R-NC-1 what-if): the result without the
     * correction against the result with all corrections, (without − with) / with in %, rounded to 3 decimals.
     */
    @Transactional(readOnly = true)
    public BigDecimal effectPercent(long applicationId, long correctionId) {
        CertificationCase c = cases.require(applicationId);
        SubmissionView s = repository.latest(applicationId).orElseThrow(() -> Refusal.conflict("verification.noSubmission"));
        List<Correction.Stored> corr = repository.corrections(s.id());
        if (corr.stream().noneMatch(x -> x.id() == correctionId)) {
            throw Refusal.notFound("verification.correctionNotFound", correctionId);
        }
        Scheme scheme = schemes.get(c.schemeCode());
        Inventory inv = inventory(s);
        double with = FootprintAdapter.calculate(scheme, inv, corr.stream().map(Correction.Stored::correction).toList(), null, 0)
                .result().totalKgCo2e();
        double without = FootprintAdapter.calculate(scheme, inv, corr.stream().filter(x -> x.id() != correctionId)
                .map(Correction.Stored::correction).toList(), null, 0).result().totalKgCo2e();
        if (with == 0) {
            throw Refusal.conflict("verification.zeroResult");
        }
        return BigDecimal.valueOf((without - with) / with * 100).setScale(3, RoundingMode.HALF_UP);
    }

    /** A finding of the verification to raise as a nonconformity. */
    public record Finding(String sourceRef, String clause, String description, String ncClass, Long correctionId, LocalDate dueOn) {
    }

    /**
     * Raises a nonconformity from the verification (source VERIFICATION): allowed when the latest recalculation shows a
     * material deviation or a datum failing quality, or for a correction. With a correction the effect % is the engine's
     * what-if, and where the scheme grades its classes by effect (CGC [003 ¶70]) the class follows from it.
     */
    @Transactional
    public NonconformityView raise(Actor actor, long applicationId, Finding f) {
        CertificationCase c = requireVerifier(actor, applicationId);
        requireWorkGate(applicationId);
        BigDecimal effect = f.correctionId() == null ? null : effectPercent(applicationId, f.correctionId());
        if (f.correctionId() == null) {
            RecalculationView latest = latestResult(applicationId);
            boolean qualityFails = repository.aspects(applicationId).stream()
                    .anyMatch(a -> a.aspect() == Aspect.DATA_QUALITY && a.conclusion() == Aspect.Conclusion.NOT_CONFORMS);
            if (latest == null || (latest.classification() != Deviation.MATERIAL && latest.qualityAccepted() && !qualityFails)) {
                throw Refusal.conflict("verification.nothingToRaise");
            }
        }
        String cls = f.ncClass();
        if ((cls == null || cls.isBlank()) && effect != null) {
            cls = classByEffect(schemes.get(c.schemeCode()), effect);
        }
        String ref = f.sourceRef() != null && !f.sourceRef().isBlank() ? f.sourceRef()
                : f.correctionId() != null ? "CORRECTION-" + f.correctionId() : "RECALCULATION";
        return nonconformities.raise(actor, applicationId, new NewNonconformity(Stage.VERIFICATION, ref, f.clause(),
                f.description(), cls, effect, f.dueOn()));
    }

    /** The scheme's class whose effect range holds {@code effect} (null when the scheme does not grade by effect). */
    static String classByEffect(Scheme scheme, BigDecimal effect) {
        NonconformityPolicy p = scheme.nonconformities().value();
        if (p == null) {
            return null;
        }
        BigDecimal e = effect.abs();
        for (NcClass k : p.classes()) {
            boolean graded = k.effectBelowPercent() != null || k.effectAtLeastPercent() != null;
            if (graded && (k.effectBelowPercent() == null || e.compareTo(k.effectBelowPercent()) < 0)
                    && (k.effectAtLeastPercent() == null || e.compareTo(k.effectAtLeastPercent()) >= 0)) {
                return k.key();
            }
        }
        return null;
    }

    // ---- completion (item 5)

    /** Completes the verification stage in the same transaction, or refuses listing everything still missing. */
    @Transactional
    public VerificationView complete(Actor actor, long applicationId, String note) {
        CertificationCase c = requireVerifier(actor, applicationId);
        cases.requireAt(applicationId, Stage.VERIFICATION);
        Verdict gate = workGate(applicationId).and(completionGate(c));
        if (!gate.allowed()) {
            throw Refusal.conflict(gate.reasons());
        }
        RecalculationView latest = latestResult(applicationId);
        cases.complete(applicationId, Stage.VERIFICATION, actor, note == null || note.isBlank() ? null : note.strip());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("result", latest == null ? "-" : String.valueOf(latest.id()));
        d.put("consistencyCheck", consistencyCheck(c));
        audit.record(actor.username(), "VERIFICATION_COMPLETED", "application:" + applicationId, d);
        events.publishEvent(new VerificationEvents.Completed(applicationId, c.reference(), latest == null ? null : latest.id(),
                latest == null ? null : latest.totalKgCo2e(), actor.username()));
        return view(applicationId);
    }

    /** The named rule of completion: every reason it may not be completed now, or allowed. */
    Verdict completionGate(CertificationCase c) {
        long app = c.applicationId();
        List<Reason> problems = new ArrayList<>();
        Map<Aspect, Aspect.Concluded> aspects = new LinkedHashMap<>();
        repository.aspects(app).forEach(a -> aspects.put(a.aspect(), a));
        for (Aspect a : Aspect.SIX) {
            if (!aspects.containsKey(a)) {
                problems.add(Reason.of("verification.aspectOpen", a));
            }
        }
        Scheme scheme = schemes.get(c.schemeCode());
        DataQualityFailure consequence = scheme.dataPriority().value() == null || scheme.dataPriority().value().qualityFailure() == null
                ? DataQualityFailure.UNUSABLE : scheme.dataPriority().value().qualityFailure();
        String qualityCite = scheme.dataPriority().cite() == null ? "000 §7.6.2" : scheme.dataPriority().cite();
        Aspect.Concluded dq = aspects.get(Aspect.DATA_QUALITY);
        if (dq != null && dq.conclusion() == Aspect.Conclusion.NOT_CONFORMS) {
            problems.add(Reason.of("verification.qualityFails." + consequence.name(), qualityCite));
        }
        if (consistencyCheck(c)) {
            // an adopted prior verification: the evaluation's consistency check [003 ¶63, ¶67] stands for the
            // recalculation (the work gate refuses until it is recorded as consistent, or inconsistent with an NC)
            if (evaluations.consistencyCheck(app).isEmpty()) {
                problems.add(Reason.of("verification.consistencyOpen"));
            }
        } else {
            SubmissionView s = repository.latest(app).orElse(null);
            RecalculationView r = latestResult(app);
            if (s == null) {
                problems.add(Reason.of("verification.noSubmission"));
            } else {
                List<Correction.Stored> corr = repository.corrections(s.id());
                Long last = corr.isEmpty() ? null : corr.get(corr.size() - 1).id();
                if (r == null || r.submissionId() != s.id() || !java.util.Objects.equals(r.lastCorrectionId(), last)) {
                    problems.add(Reason.of("verification.recalculationMissing", s.version()));
                } else if (!r.qualityAccepted()) {
                    problems.add(Reason.of("verification.qualityFails." + consequence.name(), qualityCite));
                }
            }
        }
        if (!c.route().contains(Stage.NC_CLOSURE)) {
            problems.addAll(nonconformities.noneOpen(app, Set.of(Stage.VERIFICATION)).reasons());
        }
        return Verdict.of(problems);
    }

    RecalculationView latestResult(long applicationId) {
        List<RecalculationView> all = repository.results(applicationId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    static boolean consistencyCheck(CertificationCase c) {
        return c.simplified().contains(Stage.VERIFICATION);
    }

    /**
     * What must come before the verifier's on-site work (issue 9 item 7): CICC's stage 1 completed and stage 2 within
     * its gap of it [004 §9.5.1]; CGC's claim-and-evidence evaluation conforming or basically conforming, or the
     * consistency check of an adopted verification [003 ¶60–63]. Allowed where the scheme has neither.
     */
    Verdict workGate(long applicationId) {
        return evaluations.stage2Gate(applicationId).and(evaluations.onSiteVerificationGate(applicationId));
    }

    /** Whether the verifier's work may start now (the evaluations before it), for pages. */
    @Transactional(readOnly = true)
    public Verdict workVerdict(long applicationId) {
        return workGate(applicationId);
    }

    /** Whether the actor is LEADER or VERIFIER on the case's team (the signing roles of the verification). */
    public boolean isVerifier(Actor actor, long applicationId) {
        return cases.require(applicationId).team().stream()
                .anyMatch(m -> m.userId() == actor.id() && VERIFYING_ROLES.contains(m.role()));
    }

    private void requireWorkGate(long applicationId) {
        requireAllowed(workGate(applicationId));
    }

    static void requireAllowed(Verdict gate) {
        if (!gate.allowed()) {
            throw Refusal.conflict(gate.reasons());
        }
    }

    /** The case, if the actor is its LEADER or VERIFIER (verification work is signed in that role only). */
    CertificationCase requireVerifier(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        boolean verifying = c.team().stream().anyMatch(m -> m.userId() == actor.id() && VERIFYING_ROLES.contains(m.role()));
        if (!verifying) {
            throw Refusal.forbidden("verification.notVerifier", c.reference());
        }
        return c;
    }
}
