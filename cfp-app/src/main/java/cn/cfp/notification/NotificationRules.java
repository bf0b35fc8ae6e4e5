package cn.cfp.notification;

import static cn.cfp.notification.NotificationKind.APPLICATION_TO_REVIEW;
import static cn.cfp.notification.NotificationKind.CASE_ASSIGNED;
import static cn.cfp.notification.NotificationKind.DOCUMENTS_TO_SUPPLEMENT;
import static cn.cfp.notification.NotificationKind.NC_ANSWERED;
import static cn.cfp.notification.NotificationKind.NC_ANSWER_REJECTED;
import static cn.cfp.notification.NotificationKind.NC_DEADLINE_MISSED;
import static cn.cfp.notification.NotificationKind.NC_ISSUED;
import static cn.cfp.notification.NotificationKind.PLAN_CHANGE_REQUESTED;
import static cn.cfp.notification.NotificationKind.PLAN_CONFIRMED;
import static cn.cfp.notification.NotificationKind.PLAN_REVISED;
import static cn.cfp.notification.NotificationKind.PLAN_TO_CONFIRM;
import static cn.cfp.notification.NotificationKind.STAGE_TO_ACT;
import static cn.cfp.notification.NotificationKind.SUPPLEMENT_REQUESTED;
import static cn.cfp.notification.NotificationKind.TEAM_APPOINTED;

import cn.cfp.application.ApplicationEvents;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.cases.CaseEvents;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.TeamMember;
import cn.cfp.nonconformity.NonconformityEvents;
import cn.cfp.planning.ClientAnswer;
import cn.cfp.planning.PlanEvents;
import cn.cfp.planning.TeamRole;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Hashes;
import java.util.Arrays;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Which event tells whom what: one mapping per event, each a line (who — {@link Recipients}; what — a
 * {@link NotificationKind} with its arguments, the page to act on and the key that makes it once per person). Listeners
 * run after the publishing transaction commits, in their own; the event publication table delivers an event again
 * until its listener completed, and the keys make a second delivery tell nobody twice.
 *
 * <p>To tell people of another event, add a kind (and its two texts in each language) and a method here, e.g. for a
 * document-review supplement request {@code on(DocumentSupplementRequested e) { tell(recipients.applicant(e.applicationId()),
 * Notice.of(DOCUMENTS_TO_SUPPLEMENT, application(e.applicationId()), key(e), e.reference(), e.round())); }}.
 */
@Component
class NotificationRules {

    private final Notifier notifier;
    private final Recipients recipients;
    private final Cases cases;

    NotificationRules(Notifier notifier, Recipients recipients, Cases cases) {
        this.notifier = notifier;
        this.recipients = recipients;
        this.cases = cases;
    }

    // ------------------------------------------------------------------ applications

    /** A new task for the project managers: review the submitted application. */
    @ApplicationModuleListener
    void on(ApplicationEvents.Submitted e) {
        notifier.tell(recipients.reviewers(e.applicationId()),
                Notice.of(APPLICATION_TO_REVIEW, application(e.applicationId()), key(e), e.reference(), e.acceptanceDueOn()));
    }

    /** The applicant is asked for more before acceptance. */
    @ApplicationModuleListener
    void on(ApplicationEvents.SupplementRequested e) {
        notifier.tell(recipients.applicant(e.applicationId()),
                Notice.of(SUPPLEMENT_REQUESTED, application(e.applicationId()), key(e), e.reference(), e.note(), e.dueOn()));
    }

    /** The document review found the documents do not conform: the applicant supplements them (R-DOC-1). */
    @ApplicationModuleListener
    void on(ApplicationEvents.DocumentReviewed e) {
        if (e.conclusion() == DocumentReviewConclusion.DOES_NOT_CONFORM) {
            notifier.tell(recipients.applicant(e.applicationId()),
                    Notice.of(DOCUMENTS_TO_SUPPLEMENT, application(e.applicationId()), key(e), e.reference(), e.round()));
        }
    }

    // ------------------------------------------------------------------ cases

    /** The case opened: its first stages wait for their people (the manager plans). */
    @ApplicationModuleListener
    void on(CaseEvents.CaseOpened e) {
        stagesToAct(e.applicationId());
    }

    /** A stage completed: the stages now open wait for their people; a sent plan waits for the client to confirm. */
    @ApplicationModuleListener
    void on(CaseEvents.StageCompleted e) {
        stagesToAct(e.applicationId());
        if (e.stage() == Stage.PLANNING) {
            CertificationCase c = cases.require(e.applicationId());
            notifier.tell(recipients.parties(c.parties()),
                    Notice.of(PLAN_TO_CONFIRM, planning(e.applicationId()), "plan:" + e.caseId(), c.reference()));
        }
    }

    /** A new task for the new project manager of a case. */
    @ApplicationModuleListener
    void on(CaseEvents.ManagerAssigned e) {
        notifier.tell(recipients.people(List.of(e.userId())), Notice.of(CASE_ASSIGNED, application(e.applicationId()),
                "manager:" + e.caseId(), cases.require(e.applicationId()).reference()));
    }

    /** Each member of the team is told of their appointment and role (once per case and role). */
    @ApplicationModuleListener
    void on(CaseEvents.TeamAssigned e) {
        String reference = cases.require(e.applicationId()).reference();
        for (TeamMember m : e.team()) {
            notifier.tell(recipients.people(List.of(m.userId())), Notice.of(TEAM_APPOINTED, planning(e.applicationId()),
                    "team:" + e.caseId() + ":" + m.role(), reference, role(m.role())));
        }
    }

    // ------------------------------------------------------------------ the on-site plan after sending (corrections B-8)

    /** A revised on-site plan reached the client: the applicant's people are to confirm it (once per revision). */
    @ApplicationModuleListener
    void on(PlanEvents.RevisionSent e) {
        notifier.tell(recipients.applicant(e.applicationId()), Notice.of(PLAN_REVISED, planning(e.applicationId()),
                "plan-revision:" + e.applicationId() + ":" + e.revision(), e.reference(), e.revision(), e.visitDate()));
    }

    /** The client confirmed the on-site plan or asked for a change: the case's project manager (the planner) is told. */
    @ApplicationModuleListener
    void on(PlanEvents.ClientAnswered e) {
        CertificationCase c = cases.require(e.applicationId());
        String key = "plan-answer:" + e.applicationId() + ":" + e.revision();
        notifier.tell(recipients.people(List.of(c.managerUserId())), e.answer() == ClientAnswer.CONFIRMED
                ? Notice.of(PLAN_CONFIRMED, planning(e.applicationId()), key, e.reference(), e.revision())
                : Notice.of(PLAN_CHANGE_REQUESTED, planning(e.applicationId()), key, e.reference(), e.revision(), e.text()));
    }

    // ------------------------------------------------------------------ nonconformities (R-NC)

    /** The applicant's people are told of an issued list of nonconformities to answer (once per list). */
    @ApplicationModuleListener
    void on(NonconformityEvents.Issued e) {
        notifier.tell(recipients.applicant(e.applicationId()), Notice.of(NC_ISSUED, nonconformities(e.applicationId()), key(e),
                e.reference(), e.numbers().toString(), e.dueOn()));
    }

    /** The applicant's people are told that an answer was not accepted, with the reason and the new due date. */
    @ApplicationModuleListener
    void on(NonconformityEvents.Rejected e) {
        notifier.tell(recipients.applicant(e.applicationId()), Notice.of(NC_ANSWER_REJECTED, nonconformities(e.applicationId()),
                key(e), e.reference(), e.number(), e.reason(), e.dueOn()));
    }

    /** The case's team is told of a client's answer to verify (once per answer round). */
    @ApplicationModuleListener
    void on(NonconformityEvents.Answered e) {
        CertificationCase c = cases.require(e.applicationId());
        notifier.tell(recipients.people(c.team().stream().map(TeamMember::userId).toList()), Notice.of(NC_ANSWERED,
                nonconformities(e.applicationId()), "nc-answer:" + e.applicationId() + ":" + e.number() + ":" + e.round(),
                e.reference(), e.number(), e.round()));
    }

    /** A missed deadline: the applicant's people and the case's project manager are told of the consequence applied. */
    @ApplicationModuleListener
    void on(NonconformityEvents.DeadlineMissed e) {
        CertificationCase c = cases.require(e.applicationId());
        String key = "nc-deadline:" + e.applicationId() + ":" + e.number();
        Notice n = Notice.of(NC_DEADLINE_MISSED, nonconformities(e.applicationId()), key, e.reference(), e.number(), e.dueOn(),
                Consequence.of(e.consequence()));
        notifier.tell(recipients.applicant(e.applicationId()), n);
        notifier.tell(recipients.people(List.of(c.managerUserId())), n);
    }

    /** The consequence of a missed NC deadline in the reader's words, not its code. */
    enum Consequence implements cn.cfp.shared.Localized {
        TERMINATE("认证终止", "the certification was terminated"),
        FAIL("记为不通过，不能作出认证通过的决定", "recorded as a fail: no positive decision is possible"),
        OVERDUE("记录为逾期", "recorded as overdue");

        private final String zh;
        private final String en;

        Consequence(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        static Object of(String code) {
            for (Consequence c : values()) {
                if (c.name().equals(code)) {
                    return c;
                }
            }
            return code;
        }

        @Override
        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    private static String nonconformities(long applicationId) {
        return "/nonconformities/" + applicationId;
    }

    // ------------------------------------------------------------------ helpers

    /** Each open stage of the case, to the people who must act on it (once per case and stage). */
    private void stagesToAct(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        if (!c.isOpen() || c.paused()) {
            return;
        }
        for (Stage s : c.currentStages()) {
            notifier.tell(recipients.responsibleFor(s, c), Notice.of(STAGE_TO_ACT,
                    s == Stage.PLANNING ? planning(applicationId) : application(applicationId), "stage:" + c.id() + ":" + s.name(),
                    s, c.reference()));
        }
    }

    /** The team role in words (a role the planning does not know is shown as it is stored). */
    private static Object role(String role) {
        return Arrays.stream(TeamRole.values()).filter(r -> r.name().equals(role)).findFirst().<Object>map(r -> r).orElse(role);
    }

    private static String application(long applicationId) {
        return "/applications/" + applicationId;
    }

    private static String planning(long applicationId) {
        return "/planning/" + applicationId;
    }

    /** A key for a notice about the whole event: the same event delivered again gives the same key. */
    private static String key(Record event) {
        return event.getClass().getSimpleName() + ":" + Hashes.sha256Hex(event.toString()).substring(0, 32);
    }
}
