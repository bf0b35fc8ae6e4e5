package cn.cfp.planning;

import java.time.LocalDate;

/**
 * What the planning publishes about the on-site plan after it reached the client (corrections B-8): the notification
 * module tells the client of a revision and the case's project manager of the client's answer. The first sending is the
 * case's {@code StageCompleted(PLANNING)}.
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    /**
     * The approved plan was sent to the client: it schedules the on-site inspection and the verification visit on
     * {@code visitDate} with this team (issue 9 item 1 — the on-site modules listen, planning does not call them).
     */
    public record Sent(long applicationId, String reference, LocalDate visitDate, java.util.List<cn.cfp.cases.TeamMember> team) {
    }

    /** The team arrived and the on-site visit started (after the client's confirmation where the scheme requires it). */
    public record VisitStarted(long applicationId, String reference, LocalDate visitDate, String startedBy) {
    }

    /** A revision (2, 3, …) of the on-site plan was sent to the client, who is to answer it. */
    public record RevisionSent(long applicationId, String reference, int revision, LocalDate visitDate) {
    }

    /** The client confirmed the current revision or asked for a change ({@code text}: its note or reason). */
    public record ClientAnswered(long applicationId, String reference, int revision, ClientAnswer answer, String text) {
    }
}
