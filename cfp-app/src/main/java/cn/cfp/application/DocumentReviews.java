package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.scheme.Stage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document review (R-DOC-1; 000 §7.4; 003 ¶45–49): conforms / basically conforms (items verified on site) / does not
 * conform (supplement and review again). Only while the case is at its document-review stage; a passing round
 * completes the stage in the same transaction. After {@link #MAX_FAILED_ROUNDS} failed rounds the body must terminate:
 * a further review is refused until it does.
 */
@Service
public class DocumentReviews {

    /** The seeds say "persistent failure" without a number; the body's procedure fixes three rounds [decision D5]. */
    public static final int MAX_FAILED_ROUNDS = 3;

    public record Review(int round, DocumentReviewConclusion conclusion, String findings, String reviewer, LocalDate on) {
    }

    private final Applications applications;
    private final ApplicationRepository repository;
    private final Cases cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocumentReviews(Applications applications, ApplicationRepository repository, Cases cases, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.repository = repository;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Review> of(long applicationId) {
        return repository.reviews(applicationId);
    }

    /** True when the failed rounds have reached the limit and the case must be terminated. */
    @Transactional(readOnly = true)
    public boolean terminationDue(long applicationId) {
        List<Review> reviews = of(applicationId);
        return reviews.size() >= MAX_FAILED_ROUNDS
                && reviews.stream().allMatch(r -> r.conclusion() == DocumentReviewConclusion.DOES_NOT_CONFORM);
    }

    @Transactional
    public Review conclude(Actor staff, long applicationId, DocumentReviewConclusion conclusion, String findings) {
        Application a = applications.load(applicationId);
        cases.requireAt(applicationId, Stage.DOCUMENT_REVIEW);
        List<Review> done = of(applicationId);
        DocumentReviewPolicy.anotherRound(a.reference(), done).orRefuse(409);
        DocumentReviewPolicy.conclusion(conclusion, findings).orRefuse(400);
        Review review = new Review(done.size() + 1, conclusion, findings == null || findings.isBlank() ? null : findings.strip(),
                staff.username(), LocalDate.now(clock));
        repository.insertReview(applicationId, review);
        a.note("DOCUMENT_REVIEW_" + conclusion.name(), review.findings(), staff, clock);
        applications.save(a);
        if (conclusion != DocumentReviewConclusion.DOES_NOT_CONFORM) {
            cases.complete(applicationId, Stage.DOCUMENT_REVIEW, staff, conclusion.name() + " (round " + review.round() + ")");
        }
        audit.record(staff.username(), "DOCUMENT_REVIEW", Applications.target(a.reference()),
                Map.of("round", review.round(), "conclusion", conclusion.name(), "findings", String.valueOf(review.findings())));
        events.publishEvent(new ApplicationEvents.DocumentReviewed(applicationId, a.reference(), review.round(), conclusion));
        return review;
    }
}
