package cn.cfp.inspection;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.TeamMember;
import cn.cfp.document.Notice;
import cn.cfp.document.NoticePdf;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.Step;
import cn.cfp.shared.DateTexts;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspending (中止) and terminating an on-site activity (R-INS-5; back-half §1.6): the team reports with a reason of the
 * scheme's list [001 §9.5.5, §9.6.6]; the case's project manager — another person than the reporter — approves; the
 * notice goes to the client (title from the scheme, CNEX 《认证核查中止通知书》); while client-caused the case clock is
 * paused ({@link Cases#pause}) until the activity resumes. A termination (CICC: the verifier stops on insufficient
 * information at the document check [004 §9.3, §9.8.4]) ends the case with its reasons and the client's receipt kept.
 */
@Service
public class Suspensions {

    private static final Map<Suspension.Activity, Set<String>> ROLES = Map.of(
            Suspension.Activity.INSPECTION, Set.of("LEADER", "INSPECTOR"),
            Suspension.Activity.VERIFICATION, Set.of("LEADER", "VERIFIER"));
    private static final Map<Suspension.Activity, Stage> STAGES = Map.of(
            Suspension.Activity.INSPECTION, Stage.ON_SITE_INSPECTION, Suspension.Activity.VERIFICATION, Stage.VERIFICATION);

    private final SuspensionRepository repository;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final Applications applications;
    private final Organisations organisations;
    private final EvidenceStore evidence;
    private final NoticePdf pdf;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    Suspensions(SuspensionRepository repository, Cases cases, SchemeCatalog schemes, Applications applications,
                Organisations organisations, EvidenceStore evidence, NoticePdf pdf, MessageSource messages, AuditTrail audit,
                Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.schemes = schemes;
        this.applications = applications;
        this.organisations = organisations;
        this.evidence = evidence;
        this.pdf = pdf;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Suspension> of(long applicationId) {
        return repository.of(applicationId);
    }

    /** The team's report of a suspension (《关于XXX中止检查/核查的报告》). */
    @Transactional
    public Suspension report(Actor actor, long applicationId, Suspension.Activity activity, String reasonCode, String text,
                             boolean clientCaused) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (activity == null) {
            throw Refusal.badRequest(List.of(Reason.of("inspection.suspension.activity", List.of(Suspension.Activity.values())).at("activity")));
        }
        TeamMember m = c.team().stream().filter(t -> t.userId() == actor.id()).findFirst()
                .orElseThrow(() -> Refusal.forbidden("inspection.notOnTeam", c.reference()));
        if (!ROLES.get(activity).contains(m.role())) {
            throw Refusal.forbidden("inspection.suspension.role", c.reference(), m.role(), activity);
        }
        cases.requireAt(applicationId, STAGES.get(activity));
        InspectionRules rules = schemes.get(c.schemeCode()).onSiteInspection().value();
        List<Step> reasons = rules == null ? List.of() : rules.suspensionReasons();
        List<Reason> problems = new ArrayList<>();
        if (reasonCode == null || reasons.stream().noneMatch(r -> r.key().equals(reasonCode))) {
            problems.add(Reason.of("inspection.suspension.reason", reasonCode, reasons.stream().map(Step::key).toList()).at("reason"));
        }
        if (text == null || text.isBlank()) {
            problems.add(Reason.of("inspection.suspension.textRequired").at("text"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        repository.of(applicationId).stream().filter(s -> s.activity() == activity && s.status() != Suspension.Status.RESUMED)
                .findFirst().ifPresent(s -> {
                    throw Refusal.conflict("inspection.suspension.alreadyOpen", s.id(), s.status());
                });
        long id = repository.insert(applicationId, activity, reasonCode, text.strip(), clientCaused, actor.username(), clock.instant());
        audit.record(actor.username(), "ACTIVITY_SUSPENSION_REPORTED", Inspections.target(applicationId),
                Map.of("activity", activity.name(), "reason", reasonCode, "clientCaused", clientCaused));
        return repository.find(applicationId, id).orElseThrow();
    }

    /** The body agrees (the case's project manager, not the reporter); a client-caused suspension pauses the case clock. */
    @Transactional
    public Suspension approve(Actor actor, long applicationId, long id, Integer version) {
        CertificationCase c = manager(actor, applicationId);
        Suspension s = require(applicationId, id, version, Suspension.Status.REPORTED);
        if (s.reportedBy().equals(actor.username())) {
            throw Refusal.forbidden("inspection.suspension.sameReporter", s.reportedBy());
        }
        repository.advance(s, Suspension.Status.APPROVED, actor.username(), clock.instant());
        if (s.clientCaused()) {
            cases.pause(applicationId, LocalDate.now(clock), reasonText(s, Locale.SIMPLIFIED_CHINESE), actor);
        }
        audit.record(actor.username(), "ACTIVITY_SUSPENDED", Inspections.target(applicationId),
                Map.of("suspension", id, "activity", s.activity().name(), "clockPaused", s.clientCaused(), "case", c.reference()));
        return repository.find(applicationId, id).orElseThrow();
    }

    /** The activity resumes; the clock runs again. */
    @Transactional
    public Suspension resume(Actor actor, long applicationId, long id, Integer version) {
        manager(actor, applicationId);
        Suspension s = require(applicationId, id, version, Suspension.Status.APPROVED);
        repository.advance(s, Suspension.Status.RESUMED, actor.username(), clock.instant());
        if (s.clientCaused() && cases.require(applicationId).paused()) {
            cases.resume(applicationId, LocalDate.now(clock), actor);
        }
        audit.record(actor.username(), "ACTIVITY_RESUMED", Inspections.target(applicationId), Map.of("suspension", id));
        return repository.find(applicationId, id).orElseThrow();
    }

    /** The notice to the client of an approved suspension (title from the scheme). */
    @Transactional(readOnly = true)
    public org.springframework.http.ResponseEntity<byte[]> notice(long applicationId, long id, Locale locale) {
        CertificationCase c = cases.require(applicationId);
        Suspension s = repository.find(applicationId, id).orElseThrow(() -> Refusal.notFound("inspection.suspension.unknown", id));
        if (s.status() == Suspension.Status.REPORTED) {
            throw Refusal.conflict("inspection.suspension.notApproved", id);
        }
        InspectionRules rules = schemes.get(c.schemeCode()).onSiteInspection().value();
        String title = rules == null ? t(locale, "title") : rules.suspensionNotice().in(locale);
        ApplicationView app = applications.get(applicationId);
        String company = organisations.find(app.applicantOrgId()).map(Organisation::name).orElse(c.reference());
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst()
                .map(Organisation::name).orElse(t(locale, "body"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t(locale, "application"), c.reference()});
        rows.add(new String[] {t(locale, "activity"), t(locale, "activity." + s.activity().name())});
        rows.add(new String[] {t(locale, "reason"), reasonText(s, locale)});
        rows.add(new String[] {t(locale, "facts"), s.reasonText()});
        rows.add(new String[] {t(locale, "approvedOn"), DateTexts.time(s.approvedAt(), locale)});
        List<String> paragraphs = List.of(t(locale, s.clientCaused() ? "clientCaused" : "notClientCaused"));
        Notice notice = new Notice(title, locale, c.reference() + "-SUSPENSION-" + id, body, company, LocalDate.now(clock), rows, paragraphs);
        return pdf.response(notice, notice.reference() + ".pdf");
    }

    /**
     * Terminates the case before its decision (CICC: information insufficient at the document check [004 §9.3]) with the
     * reasons sent to the client and the proof of delivery (the client's receipt) kept [004 §9.8.4].
     */
    @Transactional
    public void terminate(Actor actor, long applicationId, String reasons, String filename, InputStream receipt) {
        CertificationCase c = manager(actor, applicationId);
        List<Reason> problems = new ArrayList<>();
        if (reasons == null || reasons.isBlank()) {
            problems.add(Reason.of("inspection.termination.reasonsRequired").at("reasons"));
        }
        if (receipt == null || filename == null || filename.isBlank()) {
            problems.add(Reason.of("inspection.termination.receiptRequired").at("file"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        ApplicationView app = applications.get(applicationId);
        EvidenceFile f = evidence.store(actor, app.applicantOrgId(), app.reference(), "终止通知签收证明", filename, receipt);
        cases.terminate(applicationId, reasons.strip(), actor);
        repository.insertTermination(applicationId, reasons.strip(), f.id(), actor.username(), clock.instant());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reasons", reasons.strip());
        d.put("receipt", f.id());
        audit.record(actor.username(), "ACTIVITY_TERMINATED", Inspections.target(applicationId), d);
        c.reference();
    }

    private CertificationCase manager(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (!actor.has(Role.PROJECT_MANAGER) || !c.isManager(actor.id())) {
            throw Refusal.forbidden("inspection.suspension.notManager", c.reference());
        }
        return c;
    }

    private Suspension require(long applicationId, long id, Integer version, Suspension.Status status) {
        Suspension s = repository.find(applicationId, id).orElseThrow(() -> Refusal.notFound("inspection.suspension.unknown", id));
        if (s.status() != status) {
            throw Refusal.conflict("inspection.suspension.status", id, s.status(), status);
        }
        if (version == null || version != s.version()) {
            throw Refusal.conflict("inspection.suspension.stale", id);
        }
        return s;
    }

    private String reasonText(Suspension s, Locale locale) {
        CertificationCase c = cases.require(s.applicationId());
        InspectionRules rules = schemes.get(c.schemeCode()).onSiteInspection().value();
        return rules == null ? s.reasonCode() : rules.suspensionReasons().stream().filter(r -> r.key().equals(s.reasonCode()))
                .map(r -> r.in(locale)).findFirst().orElse(s.reasonCode());
    }

    private String t(Locale locale, String key) {
        return messages.getMessage("inspection.notice." + key, null, locale);
    }
}
