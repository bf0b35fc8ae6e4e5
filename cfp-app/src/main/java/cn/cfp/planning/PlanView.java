package cn.cfp.planning;

import cn.cfp.scheme.LocalizedText;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as pages, the API and other modules see it.
 *
 * @param noticeDeadline latest date to send the plan so it reaches the client the scheme's working days before the
 *                       visit (null when the scheme states no notice or no visit date is set)
 * @param warnings       things to know that do not block (e.g. visit after the 90-day limit, calendar year not configured,
 *                       visit later than the scheme's working days after the document review [003 ¶50])
 * @param planName       the scheme's name of the on-site plan (现场核查计划 / 现场检查计划 / 书面核查计划), null when it states none
 * @param revisions      every version of the on-site plan sent to the client, oldest first, each with the client's answer
 *                       [003 ¶36 "保留修订记录"]; empty until the plan is sent
 * @param confirmationRequired the scheme requires the client's confirmation before the visit [001 §9.6.2; 003 ¶36; 004 §9.4.3]
 * @param visitGate      whether the on-site visit may start as far as the client's confirmation goes ({@link ClientConfirmationPolicy})
 */
public record PlanView(long id, long applicationId, String applicationReference, String schemeCode, PlanStatus status,
                       String field, List<Member> team, Verdict teamVerdict, List<Objection> objections,
                       ManDayPlan manDays, InspectionScheme inspectionScheme, VerificationPlan verificationPlan,
                       LocalDate visitDate, LocalDate noticeDeadline, String noticeCite, String approvedBy,
                       Instant approvedAt, String sentBy, Instant sentAt, List<Reason> warnings, LocalizedText planName,
                       List<Revision> revisions, boolean confirmationRequired, Verdict visitGate, String visitStartedBy,
                       Instant visitStartedAt, boolean consistencyCheck) {

    /** The verification problems of the plan: a consistency check when the case's verification is simplified (003 ¶38). */
    public List<Reason> verificationProblems(cn.cfp.scheme.Cited<cn.cfp.scheme.AssurancePolicy> assurance) {
        return verificationPlan == null ? List.of() : verificationPlan.problems(assurance, consistencyCheck);
    }

    /** A team member with name and role, as the client is told [000 Annex 2 §4.2 note]. */
    public record Member(long userId, String username, String name, TeamRole role, boolean fullTime) {
    }

    /** A client's objection to the team and how staff resolved it. */
    public record Objection(long id, Long memberUserId, String memberName, String reason, String raisedBy, Instant raisedAt,
                            String resolution, String resolutionNote, String resolvedBy, Instant resolvedAt) {
        @JsonProperty("open")
        public boolean open() {
            return resolution == null;
        }
    }

    /**
     * A version of the on-site plan as sent ({@code note}: what changed and why; null for the first) and the client's
     * answer to it (null while it has not answered). {@code duringVisit}: made while the team was on site (derived from
     * the visit's start) — the revision record 003 ¶36 requires of changes during the visit.
     */
    public record Revision(int number, InspectionScheme scheme, LocalDate visitDate, String note, String sentBy, Instant sentAt,
                           ClientAnswer answer, String answerText, String answeredBy, Instant answeredAt, boolean duringVisit) {
    }

    public PlanView {
        team = List.copyOf(team);
        objections = List.copyOf(objections);
        warnings = List.copyOf(warnings);
        revisions = List.copyOf(revisions);
    }

    /** The revision the client has now (the last one sent), or null before sending. */
    @JsonProperty("currentRevision")
    public Revision currentRevision() {
        return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    }

    /** The client can answer now: the plan is sent and its current revision has no answer yet. */
    @JsonProperty("awaitingAnswer")
    public boolean awaitingAnswer() {
        return status.sent() && currentRevision() != null && currentRevision().answer() == null;
    }

    /** What a client sees: status, team names and roles, objections, visit date, the revisions it was sent and its answers. */
    public PlanView forClient() {
        return new PlanView(id, applicationId, applicationReference, schemeCode, status, field,
                status == PlanStatus.DRAFT ? List.of() : team, null, objections, null,
                null, null, visitDate, null, null, null, null, sentBy, sentAt, List.of(), planName, revisions,
                confirmationRequired, visitGate, visitStartedBy, visitStartedAt, consistencyCheck);
    }
}
