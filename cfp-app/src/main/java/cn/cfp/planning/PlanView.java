package cn.cfp.planning;

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
 * @param warnings       things to know that do not block (e.g. visit after the 90-day limit, calendar year not configured)
 */
public record PlanView(long id, long applicationId, String applicationReference, String schemeCode, PlanStatus status,
                       String field, List<Member> team, Verdict teamVerdict, List<Objection> objections,
                       ManDayPlan manDays, InspectionScheme inspectionScheme, VerificationPlan verificationPlan,
                       LocalDate visitDate, LocalDate noticeDeadline, String noticeCite, String approvedBy,
                       Instant approvedAt, String sentBy, Instant sentAt, List<Reason> warnings,
                       boolean consistencyCheck) {

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

    public PlanView {
        team = List.copyOf(team);
        objections = List.copyOf(objections);
        warnings = List.copyOf(warnings);
    }

    /** What a client sees: status, team names and roles, objections, visit date; not the internal assessments. */
    public PlanView forClient() {
        return new PlanView(id, applicationId, applicationReference, schemeCode, status, field,
                status == PlanStatus.DRAFT ? List.of() : team, null, objections, null,
                null, null, visitDate, null, null, null, null, sentBy, sentAt, List.of(), consistencyCheck);
    }
}
