package cn.cfp.planning;

import cn.cfp.access.Actor;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.PlanNotice;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plan aggregate (R-PLAN-1..4, R-PLAN-6): team, man-days, inspection scheme, verification plan, approval and
 * sending, for one case. One guarded method per transition; an illegal one throws a {@link Refusal} and changes
 * nothing. Changing an approved plan withdraws the approval.
 *
 * <pre>
 * DRAFT → TEAM_PROPOSED (the client is told names and roles) → (OBJECTED → TEAM_PROPOSED) → APPROVED → SENT → VISIT_STARTED
 * </pre>
 *
 * <p>What is sent is kept as revisions of the on-site plan (revision 1 at sending; each later one a revision with its
 * reason, 003 ¶36 "应修订检查计划，并保留修订记录"). While SENT the client answers the current revision — confirms it or asks
 * for a change — once; a new revision asks again. The visit starts only when {@link ClientConfirmationPolicy} allows it.
 */
final class Plan {

    static final int MAX_TEXT = 2000;

    static final Set<PlanStatus> EDITABLE = EnumSet.of(PlanStatus.DRAFT, PlanStatus.TEAM_PROPOSED, PlanStatus.OBJECTED,
            PlanStatus.APPROVED);

    /** A member as stored: user and team role, in order. */
    record Member(long userId, TeamRole role) {
    }

    /** A version of the on-site plan as sent to the client; {@code note} says what changed and why (null for the first). */
    record Revision(int number, InspectionScheme scheme, String note, String sentBy, Instant sentAt, boolean persisted) {
        LocalDate visitDate() {
            return scheme == null ? null : scheme.visitDate();
        }
    }

    /** The client's answer to one revision: who, when, what they wrote. */
    record Answer(Long id, int revision, ClientAnswer answer, String text, String by, Instant at) {
    }

    /** A client's objection and its resolution (null while open). */
    record Objection(Long id, Long memberUserId, String reason, String raisedBy, Instant raisedAt, String resolution,
                     String resolutionNote, String resolvedBy, Instant resolvedAt) {
        boolean open() {
            return resolution == null;
        }
    }

    private final Long id;
    private final long applicationId;
    private final String schemeCode;
    private final String createdBy;
    private final Instant createdAt;
    private final int version;
    private PlanStatus status;
    private String field;
    private InspectionScheme inspectionScheme;
    private VerificationPlan verificationPlan;
    private String approvedBy;
    private Instant approvedAt;
    private String sentBy;
    private Instant sentAt;
    private String visitStartedBy;
    private Instant visitStartedAt;
    private final List<Member> members;
    private final List<Objection> objections;
    private final List<ManDayOverride> overrides;
    private final List<Revision> revisions;
    private final List<Answer> answers;
    private boolean membersChanged;
    private boolean overridesChanged;
    private boolean approvalWithdrawn;

    Plan(Long id, long applicationId, String schemeCode, String createdBy, Instant createdAt, int version, PlanStatus status,
         String field, InspectionScheme inspectionScheme, VerificationPlan verificationPlan, String approvedBy, Instant approvedAt,
         String sentBy, Instant sentAt, String visitStartedBy, Instant visitStartedAt, List<Member> members,
         List<Objection> objections, List<ManDayOverride> overrides, List<Revision> revisions, List<Answer> answers) {
        this.id = id;
        this.applicationId = applicationId;
        this.schemeCode = schemeCode;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
        this.status = status;
        this.field = field;
        this.inspectionScheme = inspectionScheme;
        this.verificationPlan = verificationPlan;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
        this.visitStartedBy = visitStartedBy;
        this.visitStartedAt = visitStartedAt;
        this.members = new ArrayList<>(members);
        this.objections = new ArrayList<>(objections);
        this.overrides = new ArrayList<>(overrides);
        this.revisions = new ArrayList<>(revisions);
        this.answers = new ArrayList<>(answers);
    }

    /** The plan of a newly opened case, with the product field the application names (if any). */
    static Plan draft(long applicationId, String schemeCode, String field, Actor by, Clock clock) {
        return new Plan(null, applicationId, schemeCode, by.username(), Instant.now(clock), 0, PlanStatus.DRAFT, field, null, null,
                null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    // ------------------------------------------------------------------ transitions

    /** Proposes (or changes) the team once {@code team} (the composition policy) allows it; the client is then told. */
    void proposeTeam(String newField, List<MemberInput> team, Verdict rules) {
        if (status == PlanStatus.OBJECTED) {
            throw Refusal.conflict("planning.objectionOpen");
        }
        requireStatus(EDITABLE, "planning.action.team");
        rules.orRefuse(400);
        replaceTeam(newField, team);
        withdrawApproval();
        status = PlanStatus.TEAM_PROPOSED;
    }

    /** The client objects to the team or to one member, with a reason [000 Annex 2 §4.2 note]. */
    void object(Long memberUserId, String reason, Actor client, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.TEAM_PROPOSED, PlanStatus.OBJECTED), "planning.action.object");
        List<Reason> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(Reason.of("planning.objection.reasonRequired").at("reason"));
        } else if (reason.length() > 2000) {
            problems.add(Reason.of("planning.objection.tooLong", 2000).at("reason"));
        }
        if (memberUserId != null && members.stream().noneMatch(m -> m.userId() == memberUserId)) {
            problems.add(Reason.of("planning.objection.notMember", memberUserId).at("memberUserId"));
        }
        Verdict.of(problems).orRefuse(400);
        objections.add(new Objection(null, memberUserId, reason.strip(), client.username(), Instant.now(clock), null, null, null, null));
        status = PlanStatus.OBJECTED;
    }

    /**
     * Staff resolve an objection: {@code REPLACE} with a new team ({@code rules} checks it like any proposal and the member
     * objected to must be gone) or {@code OVERRULE} with a reason. With no objection left open the team stands proposed.
     */
    void resolveObjection(long objectionId, String resolution, String note, String newField, List<MemberInput> newTeam,
                          Verdict rules, Actor staff, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.OBJECTED), "planning.action.resolve");
        int index = -1;
        for (int i = 0; i < objections.size(); i++) {
            if (objections.get(i).id() != null && objections.get(i).id() == objectionId) {
                index = i;
            }
        }
        if (index < 0) {
            throw Refusal.notFound("planning.objection.notFound", objectionId);
        }
        Objection o = objections.get(index);
        if (!o.open()) {
            throw Refusal.conflict("planning.objection.resolved", objectionId);
        }
        if (note == null || note.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("planning.objection.noteRequired").at("note")));
        }
        String how = resolution == null ? "" : resolution.strip().toUpperCase(java.util.Locale.ROOT);
        switch (how) {
            case "REPLACE" -> {
                List<Reason> problems = new ArrayList<>();
                if (o.memberUserId() != null && newTeam != null && newTeam.stream().anyMatch(m -> m.userId() == o.memberUserId())) {
                    problems.add(Reason.of("planning.objection.memberStillIn"));
                }
                Verdict.of(problems).and(rules).orRefuse(400);
                replaceTeam(newField, newTeam);
            }
            case "OVERRULE" -> {
                // the team stays; the reason is recorded and shown to the client
            }
            default -> throw Refusal.badRequest(List.of(Reason.of("planning.objection.resolution", String.valueOf(resolution)).at("resolution")));
        }
        objections.set(index, new Objection(o.id(), o.memberUserId(), o.reason(), o.raisedBy(), o.raisedAt(), how, note.strip(),
                staff.username(), Instant.now(clock)));
        if (objections.stream().noneMatch(Objection::open)) {
            status = PlanStatus.TEAM_PROPOSED;
        }
    }

    /** Replaces the planner's man-day overrides once {@code rules} (the man-day table) allow them. */
    void setManDays(List<ManDayOverride> newOverrides, Verdict rules) {
        requireStatus(EDITABLE, "planning.action.manDays");
        rules.orRefuse(400);
        overrides.clear();
        overrides.addAll(newOverrides);
        overridesChanged = true;
        withdrawApproval();
    }

    /** Records the inspection scheme (检查方案, R-PLAN-1); incomplete drafts are kept, approval needs it complete. */
    void setInspectionScheme(InspectionScheme scheme, LocalDate today) {
        requireStatus(EDITABLE, "planning.action.inspectionScheme");
        if (scheme == null) {
            throw Refusal.badRequest("planning.inspectionScheme.required");
        }
        List<Reason> problems = new ArrayList<>();
        if (scheme.visitDate() != null && scheme.visitDate().isBefore(today)) {
            problems.add(Reason.of("planning.visitInPast", scheme.visitDate()).at("visitDate"));
        }
        if (scheme.dataPeriodFrom() != null && scheme.dataPeriodTo() != null && scheme.dataPeriodFrom().isAfter(scheme.dataPeriodTo())) {
            problems.add(Reason.of("planning.dataPeriod", scheme.dataPeriodFrom(), scheme.dataPeriodTo()).at("dataPeriodFrom"));
        }
        Verdict.of(problems).orRefuse(400);
        inspectionScheme = scheme;
        withdrawApproval();
    }

    /** Records the PCF verification plan (R-PLAN-4); incomplete drafts are kept, approval needs it complete. */
    void setVerificationPlan(VerificationPlan vp) {
        requireStatus(EDITABLE, "planning.action.verificationPlan");
        if (vp == null) {
            throw Refusal.badRequest("planning.verificationPlan.required");
        }
        verificationPlan = vp;
        withdrawApproval();
    }

    /** Approves once {@code rules} (the approval policy) allow it. */
    void approve(Verdict rules, Actor approver, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.TEAM_PROPOSED), "planning.action.approve");
        rules.orRefuse(400);
        status = PlanStatus.APPROVED;
        approvedBy = approver.username();
        approvedAt = Instant.now(clock);
    }

    /** Sends the approved plan to the client once {@code notice} (the scheme's notice before the visit) allows it. */
    void send(Verdict notice, Actor sender, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.APPROVED), "planning.action.send");
        notice.orRefuse(409);
        status = PlanStatus.SENT;
        sentBy = sender.username();
        sentAt = Instant.now(clock);
        revisions.add(new Revision(revisions.size() + 1, inspectionScheme, null, sentBy, sentAt, false));
    }

    /**
     * The client confirms the current revision of the on-site plan [001 §9.6.2; 003 ¶36; 004 §9.4.3]. {@code revision},
     * when given, must be the current one (a client answering an older revision is told a newer one was sent).
     */
    void confirm(Integer revision, String text, Actor client, Clock clock) {
        answer(ClientAnswer.CONFIRMED, revision, text, false, client, clock);
    }

    /** The client asks for a change of the current revision, saying what and why; the planner answers with a revision. */
    void requestChange(Integer revision, String reason, Actor client, Clock clock) {
        answer(ClientAnswer.CHANGE_REQUESTED, revision, reason, true, client, clock);
    }

    private void answer(ClientAnswer kind, Integer revision, String text, boolean textRequired, Actor client, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.SENT, PlanStatus.VISIT_STARTED),
                kind == ClientAnswer.CONFIRMED ? "planning.action.confirm" : "planning.action.requestChange");
        Revision current = currentRevision().orElseThrow(() -> Refusal.conflict("planning.visit.notSent"));
        if (revision != null && revision != current.number()) {
            throw Refusal.conflict("planning.answer.notCurrent", revision, current.number());
        }
        Optional<Answer> given = answerTo(current.number());
        if (given.isPresent()) {
            throw Refusal.conflict("planning.answer.already", current.number(), given.get().answer());
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        if (textRequired && t == null) {
            throw Refusal.badRequest(List.of(Reason.of("planning.change.reasonRequired").at("reason")));
        }
        if (t != null && t.length() > MAX_TEXT) {
            throw Refusal.badRequest(List.of(Reason.of("planning.answer.tooLong", MAX_TEXT).at(textRequired ? "reason" : "note")));
        }
        answers.add(new Answer(null, current.number(), kind, t, client.username(), Instant.now(clock)));
    }

    /**
     * The planner revises the on-site plan that was sent (dates, schedule, items) and sends the revision to the client,
     * who must answer it again; {@code note} says what changed and why [003 ¶36 "应修订检查计划，并保留修订记录"; 004 §9.4.3
     * "变更情况书面通知"]. {@code rules}: the revised scheme is complete, its visit date not past and the scheme's notice met.
     */
    void revise(InspectionScheme revised, String note, Verdict rules, Actor planner, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.SENT, PlanStatus.VISIT_STARTED), "planning.action.revise");
        List<Reason> problems = new ArrayList<>();
        if (revised == null) {
            throw Refusal.badRequest("planning.inspectionScheme.required");
        }
        if (note == null || note.isBlank()) {
            problems.add(Reason.of("planning.revision.noteRequired").at("note"));
        } else if (note.length() > MAX_TEXT) {
            problems.add(Reason.of("planning.answer.tooLong", MAX_TEXT).at("note"));
        }
        if (revised.equals(inspectionScheme)) {
            problems.add(Reason.of("planning.revision.unchanged"));
        }
        Verdict.of(problems).and(rules).orRefuse(400);
        inspectionScheme = revised;
        revisions.add(new Revision(revisions.size() + 1, revised, note.strip(), planner.username(), Instant.now(clock), false));
    }

    /**
     * The on-site visit starts: only when the client's confirmation the scheme requires is there for the current revision
     * ({@link ClientConfirmationPolicy}); refused (409) with its reason otherwise, nothing changed.
     */
    void startVisit(Cited<PlanNotice> notice, Actor by, Clock clock) {
        requireStatus(EnumSet.of(PlanStatus.SENT), "planning.action.startVisit");
        confirmation(notice).orRefuse(409);
        status = PlanStatus.VISIT_STARTED;
        visitStartedBy = by.username();
        visitStartedAt = Instant.now(clock);
    }

    /** What the scheme's confirmation rule says about starting the visit now. */
    Verdict confirmation(Cited<PlanNotice> notice) {
        int current = currentRevision().map(Revision::number).orElse(0);
        return ClientConfirmationPolicy.check(notice, current, answerTo(current).map(Answer::answer));
    }

    // ------------------------------------------------------------------ helpers

    private void replaceTeam(String newField, List<MemberInput> team) {
        field = newField;
        members.clear();
        team.forEach(m -> members.add(new Member(m.userId(), m.role())));
        membersChanged = true;
    }

    private void withdrawApproval() {
        if (status == PlanStatus.APPROVED) {
            status = PlanStatus.TEAM_PROPOSED;
            approvedBy = null;
            approvedAt = null;
            approvalWithdrawn = true;
        }
    }

    private void requireStatus(Set<PlanStatus> allowed, String actionCode) {
        if (!allowed.contains(status)) {
            // statuses as their page texts, not their codes (stop 15: the refusal showed e.g. "SENT")
            throw Refusal.conflict("planning.wrongStatus", Reason.of(actionCode), Reason.of("planning.status." + status),
                    allowed.stream().sorted().map(a -> Reason.of("planning.status." + a)).toList());
        }
    }

    // ------------------------------------------------------------------ state

    Long id() {
        return id;
    }

    long applicationId() {
        return applicationId;
    }

    String schemeCode() {
        return schemeCode;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    int version() {
        return version;
    }

    PlanStatus status() {
        return status;
    }

    String field() {
        return field;
    }

    InspectionScheme inspectionScheme() {
        return inspectionScheme;
    }

    VerificationPlan verificationPlan() {
        return verificationPlan;
    }

    LocalDate visitDate() {
        return inspectionScheme == null ? null : inspectionScheme.visitDate();
    }

    String approvedBy() {
        return approvedBy;
    }

    Instant approvedAt() {
        return approvedAt;
    }

    String sentBy() {
        return sentBy;
    }

    Instant sentAt() {
        return sentAt;
    }

    String visitStartedBy() {
        return visitStartedBy;
    }

    Instant visitStartedAt() {
        return visitStartedAt;
    }

    List<Revision> revisions() {
        return List.copyOf(revisions);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The revision the client has now (the last sent), if the plan was sent. */
    Optional<Revision> currentRevision() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** The client's answer to that revision, if it gave one. */
    Optional<Answer> answerTo(int revision) {
        return answers.stream().filter(a -> a.revision() == revision).findFirst();
    }

    List<Member> members() {
        return List.copyOf(members);
    }

    List<Objection> objections() {
        return List.copyOf(objections);
    }

    List<ManDayOverride> overrides() {
        return List.copyOf(overrides);
    }

    boolean membersChanged() {
        return membersChanged;
    }

    boolean overridesChanged() {
        return overridesChanged;
    }

    /** Whether this change took back an approval (audited as such). */
    boolean approvalWithdrawn() {
        return approvalWithdrawn;
    }

    boolean hasMember(long userId) {
        return members.stream().anyMatch(m -> m.userId() == userId);
    }
}
