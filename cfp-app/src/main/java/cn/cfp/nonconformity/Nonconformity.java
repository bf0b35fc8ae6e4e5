package cn.cfp.nonconformity;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One nonconformity as an aggregate (R-NC-1..3): RAISED → issue → ISSUED → answer → ANSWERED → accept → CLOSED, or
 * reject → ISSUED again with the reason and a new due date. Each transition is one guarded method; an illegal one is
 * refused in words and changes nothing. Saved by {@link NonconformityRepository#save} with a version check.
 */
final class Nonconformity {

    private final NonconformityView raised;
    private NonconformityStatus status;
    private LocalDate dueOn;
    private LocalDate issuedOn;
    private String issuedBy;
    private LocalDate closedOn;
    private String verifiedBy;
    private VerificationMethod method;
    private String recalculationRef;
    private String amendedClaim;
    private String teamNote;
    private String consequence;
    private Instant consequenceAt;
    private final List<NonconformityAnswer> answers;

    Nonconformity(NonconformityView raised, LocalDate issuedOn, String issuedBy, LocalDate closedOn, String verifiedBy,
                  VerificationMethod method, String recalculationRef, String amendedClaim, String teamNote, String consequence,
                  Instant consequenceAt, List<NonconformityAnswer> answers) {
        this.raised = raised;
        this.status = raised.status();
        this.dueOn = raised.dueOn();
        this.issuedOn = issuedOn;
        this.issuedBy = issuedBy;
        this.closedOn = closedOn;
        this.verifiedBy = verifiedBy;
        this.method = method;
        this.recalculationRef = recalculationRef;
        this.amendedClaim = amendedClaim;
        this.teamNote = teamNote;
        this.consequence = consequence;
        this.consequenceAt = consequenceAt;
        this.answers = new ArrayList<>(answers);
    }

    // ------------------------------------------------------------------ transitions

    /** Issues the NC to the client with the due date agreed with it (R-NC-2: required, not in the past). */
    void issue(LocalDate agreedDueOn, LocalDate today, String by) {
        requireStatus("issue", NonconformityStatus.RAISED);
        requireDue(agreedDueOn, today);
        dueOn = agreedDueOn;
        issuedOn = today;
        issuedBy = by;
        status = NonconformityStatus.ISSUED;
    }

    /**
     * The client's answer: correction, cause and corrective action, with evidence files or (where the scheme allows) a
     * clear explanation; refused after the due date and once a deadline consequence was applied.
     */
    void answer(String correction, String cause, String correctiveAction, String explanation, List<Long> evidenceIds,
                boolean explanationAllowed, LocalDate today, String by, Instant at) {
        requireStatus("answer", NonconformityStatus.ISSUED);
        if (consequence != null) {
            throw Refusal.conflict("nonconformity.consequenceApplied", number(), consequence);
        }
        if (dueOn != null && today.isAfter(dueOn)) {
            throw Refusal.conflict("nonconformity.pastDue", number(), dueOn);
        }
        List<Reason> problems = new ArrayList<>();
        if (blank(correction)) {
            problems.add(Reason.of("nonconformity.correctionRequired").at("correction"));
        }
        if (blank(cause)) {
            problems.add(Reason.of("nonconformity.causeRequired").at("cause"));
        }
        if (blank(correctiveAction)) {
            problems.add(Reason.of("nonconformity.correctiveActionRequired").at("correctiveAction"));
        }
        NonconformityAnswer a = new NonconformityAnswer(null, answers.size() + 1, strip(correction), strip(cause),
                strip(correctiveAction), blank(explanation) ? null : explanation.strip(), evidenceIds, by, at, null, null, null,
                null, null);
        if (!a.hasEvidence(explanationAllowed)) {
            problems.add(explanationAllowed ? Reason.of("nonconformity.evidenceOrExplanationRequired").at("files")
                    : Reason.of("nonconformity.evidenceRequired").at("files"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        answers.add(a);
        status = NonconformityStatus.ANSWERED;
    }

    /**
     * The team accepts the latest answer and closes the NC. Never without evidence (or the allowed explanation); where
     * the claim must be amended (quantification NCs, 003 ¶73) only with the recalculation reference and amended value.
     */
    void accept(VerificationMethod how, boolean explanationAllowed, boolean amendmentRequired, String recalcRef,
                String amendedValue, String note, LocalDate today, String by, Instant at) {
        NonconformityAnswer last = answers.isEmpty() ? null : answers.get(answers.size() - 1);
        if (status != NonconformityStatus.ANSWERED || last == null || !last.hasEvidence(explanationAllowed)) {
            if (status == NonconformityStatus.CLOSED) {
                requireStatus("accept", NonconformityStatus.ANSWERED);
            }
            throw Refusal.conflict("nonconformity.closeWithoutEvidence", number(), status);
        }
        List<Reason> problems = new ArrayList<>();
        if (how == null) {
            problems.add(Reason.of("nonconformity.methodRequired", List.of(VerificationMethod.values())).at("method"));
        }
        if (amendmentRequired && (blank(recalcRef) || blank(amendedValue))) {
            problems.add(Reason.of("nonconformity.claimAmendmentRequired", number()).at("recalculationRef"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        answers.set(answers.size() - 1, last.verified(NonconformityAnswer.Verdict.ACCEPTED, null, how, by, at));
        method = how;
        verifiedBy = by;
        closedOn = today;
        recalculationRef = blank(recalcRef) ? null : recalcRef.strip();
        amendedClaim = blank(amendedValue) ? null : amendedValue.strip();
        if (!blank(note)) {
            teamNote = note.strip();
        }
        status = NonconformityStatus.CLOSED;
    }

    /** The team rejects the latest answer, with the reason and a new due date: back to ISSUED for the client. */
    void reject(VerificationMethod how, String reason, LocalDate newDueOn, String note, LocalDate today, String by, Instant at) {
        requireStatus("reject", NonconformityStatus.ANSWERED);
        List<Reason> problems = new ArrayList<>();
        if (how == null) {
            problems.add(Reason.of("nonconformity.methodRequired", List.of(VerificationMethod.values())).at("method"));
        }
        if (blank(reason)) {
            problems.add(Reason.of("nonconformity.rejectReasonRequired").at("reason"));
        }
        if (newDueOn == null) {
            problems.add(Reason.of("nonconformity.dueRequired").at("dueOn"));
        } else if (newDueOn.isBefore(today)) {
            problems.add(Reason.of("nonconformity.dueInPast", newDueOn).at("dueOn"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        NonconformityAnswer last = answers.get(answers.size() - 1);
        answers.set(answers.size() - 1, last.verified(NonconformityAnswer.Verdict.REJECTED, reason.strip(), how, by, at));
        method = how;
        verifiedBy = by;
        dueOn = newDueOn;
        if (!blank(note)) {
            teamNote = note.strip();
        }
        status = NonconformityStatus.ISSUED;
    }

    /** True when the client's answer is overdue and no consequence was applied yet (R-NC-3). */
    boolean overdue(LocalDate today) {
        return status == NonconformityStatus.ISSUED && consequence == null && dueOn != null && today.isAfter(dueOn);
    }

    /** Records the deadline consequence applied (once: the job is idempotent). */
    void missedDeadline(String applied, LocalDate today, Instant at) {
        if (!overdue(today)) {
            throw Refusal.conflict("nonconformity.notOverdue", number(), status, dueOn);
        }
        consequence = applied;
        consequenceAt = at;
    }

    // ------------------------------------------------------------------ guards

    private void requireStatus(String action, NonconformityStatus expected) {
        if (status != expected) {
            throw Refusal.conflict("nonconformity.illegalTransition", number(), status, action, expected);
        }
    }

    private static void requireDue(LocalDate due, LocalDate today) {
        if (due == null) {
            throw Refusal.badRequest(List.of(Reason.of("nonconformity.dueRequired").at("dueOn")));
        }
        if (due.isBefore(today)) {
            throw Refusal.badRequest(List.of(Reason.of("nonconformity.dueInPast", due).at("dueOn")));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    // ------------------------------------------------------------------ state

    long id() {
        return raised.id();
    }

    long applicationId() {
        return raised.applicationId();
    }

    int number() {
        return raised.number();
    }

    int version() {
        return raised.version();
    }

    NonconformityStatus status() {
        return status;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    LocalDate issuedOn() {
        return issuedOn;
    }

    String issuedBy() {
        return issuedBy;
    }

    LocalDate closedOn() {
        return closedOn;
    }

    String verifiedBy() {
        return verifiedBy;
    }

    VerificationMethod method() {
        return method;
    }

    String recalculationRef() {
        return recalculationRef;
    }

    String amendedClaim() {
        return amendedClaim;
    }

    String teamNote() {
        return teamNote;
    }

    String consequence() {
        return consequence;
    }

    Instant consequenceAt() {
        return consequenceAt;
    }

    List<NonconformityAnswer> answers() {
        return List.copyOf(answers);
    }

    NonconformityView raised() {
        return raised;
    }

    /** The latest answer, if any. */
    java.util.Optional<NonconformityAnswer> lastAnswer() {
        return answers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(answers.get(answers.size() - 1));
    }

    NonconformityDetail detail(LocalDate reEvaluationDueOn) {
        NonconformityView v = new NonconformityView(raised.id(), raised.applicationId(), raised.number(), raised.source(),
                raised.sourceRef(), raised.clause(), raised.description(), raised.ncClass(), raised.effectPercent(), dueOn, status,
                raised.raisedBy(), raised.raisedAt(), raised.version());
        return new NonconformityDetail(v, issuedOn, issuedBy, closedOn, verifiedBy, method, recalculationRef, amendedClaim,
                teamNote, consequence, consequenceAt, answers, reEvaluationDueOn);
    }
}
