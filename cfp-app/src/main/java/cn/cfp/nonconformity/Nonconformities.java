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
import java.time.Clock;
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

    Nonconformities(NonconformityRepository repository, Cases cases, SchemeCatalog schemes, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
