package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document review as a loop (R-DOC-1; 000 §7.4; 003 ¶45–49; issue 8 item 11): conforms / basically conforms (items
 * verified on site) / does not conform — then the round says, per checklist document, what the client must supplement;
 * the client uploads new versions of those documents (through the evidence store, versioned and checked as every
 * upload) and submits the supplement; only then does the next round start, and it reviews the new versions (each round
 * records the versions it reviewed). Only while the case is at its document-review stage; a passing round completes the
 * stage in the same transaction. The scheme's {@code documentReviewRounds} (decision D5) is the number of rounds: when
 * the last one does not conform, no further round is possible and the body terminates the case. The reviewer's staff note
 * is never shown to the client ({@link #of(Actor, long)}).
 */
@Service
public class DocumentReviews {

    /**
     * One round. {@code staffNote} is for the body's staff only; {@code requests} is what the client must supplement;
     * {@code files} the document versions the round reviewed; {@code supplement} the client's answer to the requests.
     */
    public record Review(int round, DocumentReviewConclusion conclusion, String findings, String staffNote, String reviewer, LocalDate on,
                         List<Request> requests, List<ReviewedFile> files, Supplement supplement) {

        public Review {
            requests = List.copyOf(requests);
            files = List.copyOf(files);
        }

        /** The round as a client may see it: without the staff note. */
        public Review forClient() {
            return new Review(round, conclusion, findings, null, reviewer, on, requests, files, supplement);
        }

        Review withSupplement(Supplement s) {
            return new Review(round, conclusion, findings, staffNote, reviewer, on, requests, files, s);
        }

        /** The version of {@code item} this round reviewed, if it had one. */
        public Optional<ReviewedFile> file(String item) {
            return files.stream().filter(f -> f.item().equals(item)).findFirst();
        }
    }

    /** What the client must supplement for one checklist document, in the reviewer's words. */
    public record Request(String item, String request) {
    }

    /** A document version a round reviewed (copied from its immutable evidence record). */
    public record ReviewedFile(String item, long evidenceId, int version, String sha256) {
    }

    /** The client's supplement to a round's requests. */
    public record Supplement(LocalDate on, String by, String note) {
    }

    /** Where an application's document review stands for a reader. */
    public record Status(List<Review> rounds, Integer maxRounds, Optional<Review> awaitingSupplement, boolean terminationDue) {
    }

    private final Applications applications;
    private final ApplicationRepository repository;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocumentReviews(Applications applications, ApplicationRepository repository, Cases cases, SchemeCatalog schemes,
                    EvidenceStore evidence, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.repository = repository;
        this.cases = cases;
        this.schemes = schemes;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Every round with everything recorded (staff's view). */
    @Transactional(readOnly = true)
    public List<Review> of(long applicationId) {
        return repository.reviews(applicationId);
    }

    /** The rounds as {@code reader} may see them: a client never sees the reviewer's staff notes. */
    @Transactional(readOnly = true)
    public List<Review> of(Actor reader, long applicationId) {
        List<Review> all = of(applicationId);
        return reader.isStaff() ? all : all.stream().map(Review::forClient).toList();
    }

    /** The rounds (as {@code reader} may see them), the scheme's number of rounds, an open supplement request, termination due. */
    @Transactional(readOnly = true)
    public Status status(Actor reader, long applicationId) {
        Application a = applications.load(applicationId);
        DocumentReviewLoop loop = loop(a);
        boolean open = cases.ofApplication(applicationId).map(c -> c.isOpen()).orElse(false);
        Optional<Review> awaiting = open ? loop.awaitingSupplement() : Optional.empty();
        return new Status(of(reader, applicationId), maxRounds(a), reader.isStaff() ? awaiting : awaiting.map(Review::forClient),
                open && loop.terminationDue());
    }

    /** True when the failed rounds have used up the scheme's rounds and the case must be terminated. */
    @Transactional(readOnly = true)
    public boolean terminationDue(long applicationId) {
        return loop(applications.load(applicationId)).terminationDue();
    }

    /**
     * Records the next round (staff of the case): it reviewed the application's documents as they are now; a round
     * that does not conform names, per checklist item, what the client must supplement ({@code requests}: item id → text).
     */
    @Transactional
    public Review conclude(Actor staff, long applicationId, DocumentReviewConclusion conclusion, String findings, String staffNote,
                           Map<String, String> requests) {
        Application a = applications.load(applicationId);
        cases.requireAt(applicationId, Stage.DOCUMENT_REVIEW);
        DocumentReviewLoop loop = loop(a);
        List<ReviewedFile> reviewed = new ArrayList<>();
        a.documents().forEach((item, d) -> {
            if (d.evidenceId() != null) {
                EvidenceFile f = evidence.get(d.evidenceId());
                reviewed.add(new ReviewedFile(item, f.id(), f.version(), f.sha256()));
            }
        });
        Review review = loop.conclude(conclusion, findings, staffNote, requests, checklistIds(a), reviewed, staff, LocalDate.now(clock));
        repository.insertReview(applicationId, review);
        a.note("DOCUMENT_REVIEW_" + conclusion.name(), review.findings(), staff, clock);
        applications.save(a);
        if (conclusion != DocumentReviewConclusion.DOES_NOT_CONFORM) {
            cases.complete(applicationId, Stage.DOCUMENT_REVIEW, staff, conclusion.name() + " (round " + review.round() + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", review.round());
        details.put("conclusion", conclusion.name());
        details.put("findings", String.valueOf(review.findings()));
        details.put("requests", review.requests().stream().collect(Collectors.toMap(Request::item, Request::request, (x, y) -> x, LinkedHashMap::new)));
        details.put("reviewed", reviewed.stream().map(f -> f.item() + " v" + f.version() + " " + f.sha256()).toList());
        audit.record(staff.username(), "DOCUMENT_REVIEW", Applications.target(a.reference()), details);
        events.publishEvent(new ApplicationEvents.DocumentReviewed(applicationId, a.reference(), review.round(), conclusion));
        return review;
    }

    /**
     * The applicant uploads a new version of a document the open supplement request names: stored in the evidence store
     * under the checklist item's name (so it becomes the next version, size- and type-checked as every upload) and made the
     * application's current document of that item.
     */
    @Transactional
    public EvidenceFile supplementDocument(Actor client, long applicationId, String itemId, String filename, InputStream content) {
        Application a = applicantsOwn(client, applicationId);
        cases.requireAt(applicationId, Stage.DOCUMENT_REVIEW);
        loop(a).requireRequested(itemId);
        ChecklistItem item = applications.item(a, itemId);
        EvidenceFile file = evidence.store(client, a.applicantOrgId(), a.reference(), Applications.logicalName(item), filename, content);
        a.supplementDocument(itemId, file.id());
        applications.save(a);
        audit.record(client.username(), "DOCUMENT_SUPPLEMENT_UPLOADED", Applications.target(a.reference()),
                Map.of("item", itemId, "evidenceId", file.id(), "version", file.version(), "sha256", file.sha256()));
        return file;
    }

    /** The applicant submits its supplement: refused naming every requested document that has no new version yet. */
    @Transactional
    public Review submitSupplement(Actor client, long applicationId, String note) {
        Application a = applicantsOwn(client, applicationId);
        cases.requireAt(applicationId, Stage.DOCUMENT_REVIEW);
        DocumentReviewLoop loop = loop(a);
        Map<String, Long> current = new LinkedHashMap<>();
        a.documents().forEach((item, d) -> current.put(item, d.evidenceId()));
        Review done = loop.submitSupplement(current, note, client, LocalDate.now(clock));
        repository.recordSupplement(applicationId, done);
        a.note("DOCUMENT_SUPPLEMENT_SUBMITTED", done.supplement().note(), client, clock);
        applications.save(a);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", done.round());
        details.put("items", done.requests().stream().map(Request::item).toList());
        details.put("note", String.valueOf(done.supplement().note()));
        audit.record(client.username(), "DOCUMENT_SUPPLEMENT_SUBMITTED", Applications.target(a.reference()), details);
        events.publishEvent(new ApplicationEvents.DocumentSupplementSubmitted(applicationId, a.reference(), done.round()));
        return done;
    }

    private DocumentReviewLoop loop(Application a) {
        return new DocumentReviewLoop(a.reference(), maxRounds(a), repository.reviews(a.id()));
    }

    private Integer maxRounds(Application a) {
        return schemes.get(a.schemeCode()).documentReviewRounds().value();
    }

    private java.util.Set<String> checklistIds(Application a) {
        Scheme scheme = schemes.get(a.schemeCode());
        return Applications.checklist(scheme, a).stream().map(ChecklistItem::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Only a client of the applicant supplements the application's documents. */
    private Application applicantsOwn(Actor client, long applicationId) {
        if (!client.isClient()) {
            throw Refusal.forbidden("application.clientOnly");
        }
        Application a = applications.load(applicationId);
        if (client.organisationId() == null || client.organisationId() != a.applicantOrgId()) {
            throw Refusal.forbidden("application.onlyApplicant", a.reference());
        }
        return a;
    }
}
