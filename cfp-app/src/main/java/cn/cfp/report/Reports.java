package cn.cfp.report;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The report stage [001 §9.6.7–9.7]: see the package description. */
@Service
public class Reports {

    static final int MAX_TEXT = 4000;

    private final ReportRepository repository;
    private final Cases cases;
    private final Nonconformities nonconformities;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(ReportRepository repository, Cases cases, Nonconformities nonconformities, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.nonconformities = nonconformities;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ReportView> of(long applicationId) {
        return repository.find(applicationId);
    }

    /**
     * Who may prepare the report of a case: a report preparer of the body (role PREPARER) or the case's team leader
     * [001 §9.6.7 "报告编制人员应根据核查组…的发现编制"]. Refused in words otherwise.
     */
    public static Verdict preparer(Actor actor, CertificationCase c) {
        boolean leader = c.team().stream().anyMatch(m -> m.userId() == actor.id() && "LEADER".equals(m.role()));
        if (actor.has(Role.PREPARER) || leader) {
            return Verdict.allow();
        }
        return Verdict.refuse(Reason.of("report.notPreparer", c.reference()));
    }

    /** The preparer submits the report; the case must be at its report stage. Completes the stage. */
    @Transactional
    public ReportView submit(Actor actor, long applicationId, ReportSubmission s) {
        CertificationCase c = cases.requireAt(applicationId, Stage.REPORT);
        preparer(actor, c).orRefuse(403);
        List<Reason> problems = new ArrayList<>();
        if (s == null || s.conclusion() == null) {
            problems.add(Reason.of("report.conclusionRequired", List.of(ReportConclusion.values())).at("conclusion"));
        }
        if (s == null || s.verifiedInformation() == null || s.verifiedInformation().isBlank()) {
            problems.add(Reason.of("report.verifiedInformationRequired").at("verifiedInformation"));
        }
        if (s != null) {
            tooLong(s.verifiedInformation(), "verifiedInformation", problems);
            tooLong(s.limitations(), "limitations", problems);
            tooLong(s.fluctuations(), "fluctuations", problems);
            tooLong(s.uncovered(), "uncovered", problems);
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        if (s.conclusion() == ReportConclusion.POSITIVE) {
            // a positive conclusion only once every nonconformity is closed [001 §9.6.7 5) b]
            // ... and none whose deadline was missed with the scheme's FAIL consequence
            Verdict closed = nonconformities.noneOpen(applicationId, Set.of()).and(nonconformities.noneFailed(applicationId));
            if (!closed.allowed()) {
                List<Reason> reasons = new ArrayList<>();
                reasons.add(Reason.of("report.positiveWithOpenNc", closed.reasons().size()));
                reasons.addAll(closed.reasons());
                throw Refusal.conflict(reasons);
            }
        }
        ReportSubmission clean = new ReportSubmission(s.conclusion(), s.verifiedInformation().strip(), strip(s.limitations()),
                strip(s.fluctuations()), strip(s.uncovered()));
        try {
            repository.insert(applicationId, clean, actor.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("report.already", c.reference());
        }
        cases.complete(applicationId, Stage.REPORT, actor, "report submitted: " + s.conclusion());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conclusion", s.conclusion().name());
        d.put("verifiedInformation", clean.verifiedInformation());
        audit.record(actor.username(), "REPORT_SUBMITTED", "application:" + applicationId, d);
        events.publishEvent(new ReportEvents.Submitted(applicationId, c.reference(), s.conclusion(), actor.username()));
        return repository.find(applicationId).orElseThrow();
    }

    /** Whether the actor may submit now (for the page): at the stage and a preparer. */
    @Transactional(readOnly = true)
    public boolean canSubmit(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        return c.isOpen() && c.currentStages().contains(Stage.REPORT) && preparer(actor, c).allowed();
    }

    private static void tooLong(String text, String field, List<Reason> problems) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(Reason.of("report.tooLong", MAX_TEXT).at(field));
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
