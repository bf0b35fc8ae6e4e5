package cn.cfp.review;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.report.ReportView;
import cn.cfp.report.Reports;
import cn.cfp.scheme.DecisionPolicy;
import cn.cfp.scheme.Independence;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.Step;
import cn.cfp.scheme.TechnicalReviewRules;
import cn.cfp.scheme.Term;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Clock;
import java.time.Instant;
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
 * The technical review (技术评审/复核) and the certification decision (认证决定) of a case [R-REV-1, R-REV-2].
 *
 * <p>At TECHNICAL_REVIEW an independent reviewer ({@link ReviewerIndependencePolicy}) answers each of the scheme's review
 * items, sends questions back to the team round after round, and completes the review once every item is answered and
 * no question is open — which completes the stage. At DECISION, after the approval the scheme may require (CNEX 中心主任
 * [001 §9.8]; CICC 总经理/管代 [004 §10.1.3]), a decision maker ({@link DeciderPolicy}) takes one of the scheme's outcomes:
 * never while a nonconformity is open, a positive one never with a failed one; the case is concluded (or terminated),
 * which stops its 90-day clock, and {@link ReviewEvents.Decided} is published.
 */
@Service
public class Reviews {

    static final int MAX_TEXT = 4000;

    private final ReviewRepository repository;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final Nonconformities nonconformities;
    private final Reports reports;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviews(ReviewRepository repository, Cases cases, SchemeCatalog schemes, Nonconformities nonconformities, Reports reports,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.schemes = schemes;
        this.nonconformities = nonconformities;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public ReviewView view(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        TechnicalReviewRules rules = rules(scheme);
        Map<String, ReviewRepository.Answer> answers = repository.answers(applicationId);
        List<ReviewView.ItemState> items = rules.items().stream().map(i -> {
            ReviewRepository.Answer a = answers.get(i.key());
            return a == null ? new ReviewView.ItemState(i.key(), i.text(), i.cite(), null, null, null, null)
                    : new ReviewView.ItemState(i.key(), i.text(), i.cite(), a.answer(), a.note(), a.by(), a.at());
        }).toList();
        List<ReviewView.OutcomeView> outcomes = outcomes(scheme, rules);
        String stage = c.isOpen() && c.currentStages().contains(Stage.TECHNICAL_REVIEW) ? Stage.TECHNICAL_REVIEW.name()
                : c.isOpen() && c.currentStages().contains(Stage.DECISION) ? Stage.DECISION.name() : null;
        return new ReviewView(applicationId, c.reference(), c.schemeCode(), stage, repository.reviewers(applicationId), items,
                repository.questions(applicationId), repository.completion(applicationId).orElse(null),
                rules.approval() == null ? null : rules.approval().by(), repository.approval(applicationId).orElse(null),
                outcomes, repository.decision(applicationId).orElse(null), rules.reviewerQualification(),
                rules.deciderQualification(), rules.reviewerMayDecide(), failureNoticeDue(c, scheme));
    }

    /** The reviewer's verdict on the actor for this case (for the page: whether to show the reviewer's forms). */
    @Transactional(readOnly = true)
    public Verdict mayReview(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        return ReviewerIndependencePolicy.check(actor, CaseParts.of(c), rules(scheme), independence(scheme), preparer(applicationId));
    }

    @Transactional(readOnly = true)
    public Verdict mayDecide(Actor actor, long applicationId) {
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        return DeciderPolicy.check(actor, CaseParts.of(c), rules(scheme), independence(scheme), preparer(applicationId), reviewerIds(applicationId));
    }

    // ------------------------------------------------------------------ technical review

    /** The reviewer takes the review (also implied by their first answer or question). Refused in words when not independent. */
    @Transactional
    public ReviewView take(Actor actor, long applicationId) {
        reviewer(actor, applicationId);
        return view(applicationId);
    }

    /** The reviewer answers review items (a later answer to the same item replaces the earlier one; both kept). */
    @Transactional
    public ReviewView answer(Actor actor, long applicationId, ReviewInputs.Answers input) {
        CertificationCase c = reviewer(actor, applicationId);
        TechnicalReviewRules rules = rules(schemes.get(c.schemeCode()));
        List<Reason> problems = new ArrayList<>();
        if (input == null || input.answers().isEmpty()) {
            problems.add(Reason.of("review.noAnswers").at("answers"));
        } else {
            for (ReviewInputs.ItemAnswer a : input.answers()) {
                if (a == null || a.key() == null || rules.item(a.key()).isEmpty()) {
                    problems.add(Reason.of("review.unknownItem", a == null ? null : a.key(),
                            rules.items().stream().map(TechnicalReviewRules.Item::key).toList()).at("answers"));
                    continue;
                }
                if (a.answer() == null) {
                    problems.add(Reason.of("review.answerRequired", a.key(), List.of(ReviewAnswer.values())).at(a.key()));
                } else if (a.answer() == ReviewAnswer.NOT_CONFORMS && blank(a.note())) {
                    problems.add(Reason.of("review.noteRequired", a.key()).at(a.key() + ".note"));
                }
                if (a.note() != null && a.note().length() > MAX_TEXT) {
                    problems.add(Reason.of("review.tooLong", MAX_TEXT).at(a.key() + ".note"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        Instant now = clock.instant();
        for (ReviewInputs.ItemAnswer a : input.answers()) {
            repository.answer(applicationId, a.key(), a.answer(), strip(a.note()), actor.username(), now);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        input.answers().forEach(a -> d.put(a.key(), a.answer().name() + (blank(a.note()) ? "" : ": " + a.note().strip())));
        audit.record(actor.username(), "REVIEW_ITEMS_ANSWERED", target(applicationId), d);
        return view(applicationId);
    }

    /** The reviewer sends a question back to the team [003 ¶78; 004 §10.1.3]. */
    @Transactional
    public ReviewView raise(Actor actor, long applicationId, ReviewInputs.Text input) {
        reviewer(actor, applicationId);
        String text = requiredText(input, "text");
        long id = repository.raise(applicationId, text, actor.username(), clock.instant());
        audit.record(actor.username(), "REVIEW_QUESTION_RAISED", target(applicationId), Map.of("question", id, "text", text));
        events.publishEvent(new ReviewEvents.QuestionRaised(applicationId, cases.require(applicationId).reference(), id));
        return view(applicationId);
    }

    /** A member of the case's team answers an open question. */
    @Transactional
    public ReviewView answerQuestion(Actor actor, long applicationId, long questionId, ReviewInputs.Text input) {
        CertificationCase c = cases.requireAt(applicationId, Stage.TECHNICAL_REVIEW);
        if (!c.isTeamMember(actor.id())) {
            throw Refusal.forbidden("review.answerNotTeam", actor.displayName(), c.reference());
        }
        ReviewView.QuestionView q = question(applicationId, questionId);
        if (!q.awaitingAnswer()) {
            throw Refusal.conflict(q.open() ? "review.questionAwaitsReviewer" : "review.questionClosed", questionId);
        }
        String text = requiredText(input, "text");
        repository.round(questionId, ReviewView.Round.Kind.ANSWER, text, actor.username(), clock.instant());
        audit.record(actor.username(), "REVIEW_QUESTION_ANSWERED", target(applicationId), Map.of("question", questionId, "text", text));
        return view(applicationId);
    }

    /** The reviewer accepts the team's answer: the question is closed. */
    @Transactional
    public ReviewView accept(Actor actor, long applicationId, long questionId) {
        reviewer(actor, applicationId);
        ReviewView.QuestionView q = question(applicationId, questionId);
        if (!q.awaitingReviewer()) {
            throw Refusal.conflict(q.open() ? "review.questionNotAnswered" : "review.questionClosed", questionId);
        }
        repository.round(questionId, ReviewView.Round.Kind.ACCEPT, null, actor.username(), clock.instant());
        audit.record(actor.username(), "REVIEW_QUESTION_ACCEPTED", target(applicationId), Map.of("question", questionId));
        return view(applicationId);
    }

    /** The reviewer is not satisfied and asks again (a new round). */
    @Transactional
    public ReviewView askAgain(Actor actor, long applicationId, long questionId, ReviewInputs.Text input) {
        reviewer(actor, applicationId);
        ReviewView.QuestionView q = question(applicationId, questionId);
        if (!q.awaitingReviewer()) {
            throw Refusal.conflict(q.open() ? "review.questionNotAnswered" : "review.questionClosed", questionId);
        }
        String text = requiredText(input, "text");
        repository.round(questionId, ReviewView.Round.Kind.ASK_AGAIN, text, actor.username(), clock.instant());
        audit.record(actor.username(), "REVIEW_QUESTION_ASKED_AGAIN", target(applicationId), Map.of("question", questionId, "text", text));
        return view(applicationId);
    }

    /**
     * The reviewer completes the review: refused naming every unanswered item and every open question. Completes the
     * TECHNICAL_REVIEW stage, so the case is at its decision.
     */
    @Transactional
    public ReviewView complete(Actor actor, long applicationId, ReviewInputs.Text input) {
        CertificationCase c = reviewer(actor, applicationId);
        ReviewView v = view(applicationId);
        List<Reason> problems = new ArrayList<>();
        for (ReviewView.ItemState i : v.unanswered()) {
            problems.add(Reason.of("review.itemUnanswered", i.key(), i.text(), i.cite()).at(i.key()));
        }
        for (ReviewView.QuestionView q : v.openQuestions()) {
            problems.add(Reason.of("review.questionOpen", q.id(), q.text()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.conflict(problems);
        }
        String summary = input == null ? null : strip(input.text());
        if (summary != null && summary.length() > MAX_TEXT) {
            throw Refusal.badRequest(List.of(Reason.of("review.tooLong", MAX_TEXT).at("text")));
        }
        try {
            repository.complete(applicationId, summary, actor.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("review.alreadyComplete", c.reference());
        }
        long notConforming = v.items().stream().filter(i -> i.answer() == ReviewAnswer.NOT_CONFORMS).count();
        cases.complete(applicationId, Stage.TECHNICAL_REVIEW, actor, "technical review complete: " + notConforming + " item(s) not conforming");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("items", v.items().size());
        d.put("notConforming", notConforming);
        d.put("questions", v.questions().size());
        d.put("summary", String.valueOf(summary));
        audit.record(actor.username(), "REVIEW_COMPLETED", target(applicationId), d);
        events.publishEvent(new ReviewEvents.Completed(applicationId, c.reference(), c.schemeCode(), reviewerIds(applicationId)));
        return view(applicationId);
    }

    // ------------------------------------------------------------------ approval and decision

    /**
     * The approval the scheme requires between review and decision (CNEX 中心主任批准 before the report is delivered
     * [001 §9.8]; CICC 总经理/管代 [004 §10.1.3]): by a DECISION_MAKER who took no part in the case.
     */
    @Transactional
    public ReviewView approve(Actor actor, long applicationId, ReviewInputs.Text input) {
        CertificationCase c = atDecision(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        TechnicalReviewRules rules = rules(scheme);
        if (rules.approval() == null) {
            throw Refusal.conflict("review.noApprovalInScheme", c.schemeCode());
        }
        List<Reason> why = new ArrayList<>();
        if (!actor.has(cn.cfp.access.Role.DECISION_MAKER)) {
            why.add(Reason.of("review.notApprover", rules.approval().by(), c.reference()));
        }
        why.addAll(ReviewerIndependencePolicy.tookPart(actor, CaseParts.of(c), independence(scheme), preparer(applicationId), ReviewerIndependencePolicy.Codes.DECIDER));
        Verdict.of(why).orRefuse(403);
        String note = input == null ? null : strip(input.text());
        try {
            repository.approve(applicationId, note, actor.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("review.alreadyApproved", c.reference());
        }
        audit.record(actor.username(), "REVIEW_APPROVED", target(applicationId),
                Map.of("by", rules.approval().by().zh(), "note", String.valueOf(note)));
        return view(applicationId);
    }

    /** The certification decision [R-REV-2]: see the class description. */
    @Transactional
    public ReviewView decide(Actor actor, long applicationId, ReviewInputs.DecisionInput input) {
        CertificationCase c = atDecision(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        TechnicalReviewRules rules = rules(scheme);
        List<Long> reviewers = reviewerIds(applicationId);
        DeciderPolicy.check(actor, CaseParts.of(c), rules, independence(scheme), preparer(applicationId), reviewers).orRefuse(403);
        if (rules.approval() != null && repository.approval(applicationId).isEmpty()) {
            throw Refusal.conflict("review.approvalMissing", rules.approval().by(), c.reference());
        }
        List<String> keys = outcomes(scheme, rules).stream().map(ReviewView.OutcomeView::key).toList();
        String key = input == null ? null : input.outcome();
        TechnicalReviewRules.OutcomeRule outcome = key == null || !keys.contains(key) ? null : rules.outcome(key).orElse(null);
        if (outcome == null) {
            throw Refusal.badRequest(List.of(Reason.of("review.unknownOutcome", key, keys).at("outcome")));
        }
        String reasons = strip(input.reasons());
        if (!outcome.positive() && reasons == null) {
            throw Refusal.badRequest(List.of(Reason.of("review.reasonsRequired", key).at("reasons")));
        }
        if (reasons != null && reasons.length() > MAX_TEXT) {
            throw Refusal.badRequest(List.of(Reason.of("review.tooLong", MAX_TEXT).at("reasons")));
        }
        // no decision while a nonconformity is open; no positive one with a failed one [001 §9.6.7 5) b; 003 ¶75; 004 §9.8.5]
        Verdict ncs = nonconformities.noneOpen(applicationId, Set.of());
        if (outcome.positive()) {
            ncs = ncs.and(nonconformities.noneFailed(applicationId));
        }
        if (!ncs.allowed()) {
            List<Reason> why = new ArrayList<>();
            why.add(Reason.of("review.decisionWithOpenNc", ncs.reasons().size(), c.reference()));
            why.addAll(ncs.reasons());
            throw Refusal.conflict(why);
        }
        int hadNcs = nonconformities.of(applicationId).size();
        if (outcome.nonconformities() == TechnicalReviewRules.NcCondition.NONE && hadNcs > 0) {
            throw Refusal.conflict(List.of(Reason.of("review.outcomeOnlyWithoutNc", key, hadNcs).at("outcome")));
        }
        if (outcome.nonconformities() == TechnicalReviewRules.NcCondition.SOME && hadNcs == 0) {
            throw Refusal.conflict(List.of(Reason.of("review.outcomeOnlyAfterNc", key).at("outcome")));
        }
        LocalDate today = LocalDate.now(clock);
        try {
            repository.decide(applicationId, key, outcome.result().name(), reasons, actor.id(), actor.username(), today, clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("review.alreadyDecided", c.reference());
        }
        String note = "decision " + key + (reasons == null ? "" : ": " + reasons);
        switch (outcome.result()) {
            case CERTIFIED -> cases.conclude(applicationId, CertificationCase.Outcome.CERTIFIED, reasons, actor);
            case NOT_CERTIFIED -> cases.conclude(applicationId, CertificationCase.Outcome.NOT_CERTIFIED, reasons, actor);
            case TERMINATED -> cases.terminate(applicationId, note, actor);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("outcome", key);
        d.put("result", outcome.result().name());
        d.put("reasons", String.valueOf(reasons));
        d.put("reviewers", reviewers.toString());
        audit.record(actor.username(), "REVIEW_DECIDED", target(applicationId), d);
        events.publishEvent(new ReviewEvents.Decided(applicationId, c.id(), c.reference(), c.schemeCode(), key,
                outcome.positive(), today, actor.id(), reviewers));
        return view(applicationId);
    }

    // ------------------------------------------------------------------ helpers

    /** The case at its technical review and the actor as one of its reviewers (recorded on their first act). */
    private CertificationCase reviewer(Actor actor, long applicationId) {
        CertificationCase c = cases.requireAt(applicationId, Stage.TECHNICAL_REVIEW);
        Scheme scheme = schemes.get(c.schemeCode());
        ReviewerIndependencePolicy.check(actor, CaseParts.of(c), rules(scheme), independence(scheme), preparer(applicationId)).orRefuse(403);
        repository.take(applicationId, actor.id(), actor.username(), clock.instant());
        return c;
    }

    /** The case at its decision; before the review is complete, refused saying so. */
    private CertificationCase atDecision(long applicationId) {
        CertificationCase c = cases.require(applicationId);
        c.requireOpen();
        if (repository.completion(applicationId).isEmpty() && c.route().contains(Stage.TECHNICAL_REVIEW)) {
            throw Refusal.conflict("review.notCompleted", c.reference(), c.currentStages());
        }
        c.requireAt(Stage.DECISION);
        return c;
    }

    private ReviewView.QuestionView question(long applicationId, long questionId) {
        return repository.questions(applicationId).stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(() -> Refusal.notFound("review.noQuestion", questionId));
    }

    private List<Long> reviewerIds(long applicationId) {
        return repository.reviewers(applicationId).stream().map(ReviewView.Reviewer::userId).toList();
    }

    private String preparer(long applicationId) {
        return reports.of(applicationId).map(ReportView::preparedBy).orElse(null);
    }

    static TechnicalReviewRules rules(Scheme scheme) {
        return scheme.technicalReview().require("technicalReview");
    }

    private static Independence independence(Scheme scheme) {
        return scheme.independence().value();
    }

    private static List<ReviewView.OutcomeView> outcomes(Scheme scheme, TechnicalReviewRules rules) {
        DecisionPolicy decision = scheme.decision().value();
        List<Step> steps = decision == null ? List.of() : decision.outcomes();
        return steps.stream().flatMap(s -> rules.outcome(s.key()).stream()
                .map(o -> new ReviewView.OutcomeView(s.key(), s.name(), o.result().name(), o.nonconformities().name()))).toList();
    }

    /** The last day for the written failure notice (CEC: 30 days after the inspection is completed [002 §5.7.3]). */
    private static LocalDate failureNoticeDue(CertificationCase c, Scheme scheme) {
        DecisionPolicy decision = scheme.decision().value();
        if (decision == null || decision.failureNoticeLimit() == null || decision.failureNoticeLimit().unit() != Term.Unit.DAYS) {
            return null;
        }
        return c.completedOn(Stage.ON_SITE_INSPECTION).map(d -> d.plusDays(decision.failureNoticeLimit().amount())).orElse(null);
    }

    private static String requiredText(ReviewInputs.Text input, String field) {
        String text = input == null ? null : strip(input.text());
        if (text == null) {
            throw Refusal.badRequest(List.of(Reason.of("review.textRequired").at(field)));
        }
        if (text.length() > MAX_TEXT) {
            throw Refusal.badRequest(List.of(Reason.of("review.tooLong", MAX_TEXT).at(field)));
        }
        return text;
    }

    private static String target(long applicationId) {
        return "application:" + applicationId;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
