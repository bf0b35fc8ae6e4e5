package cn.cfp.application;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the document-review loop (R-DOC-1; 000 §7.4; 003 ¶45–49; issue 8 item 11): another round only while the
 * documents have not passed, the scheme's rounds are not used up (then the body terminates [003 ¶47; decision D5]) and
 * the client has answered the last round's supplement request; a round's conclusion is complete (findings unless it
 * conforms; what to supplement, per checklist document, when it does not conform and another round may follow); the
 * client supplements only the documents asked for and submits once each of them has a new version.
 */
final class DocumentReviewPolicy {

    static final int MAX_TEXT = 4000;
    static final int MAX_REQUEST = 2000;

    private DocumentReviewPolicy() {
    }

    /** Whether the case's reviews so far leave room for another round. */
    static Verdict anotherRound(String reference, List<DocumentReviews.Review> done, int maxRounds) {
        if (done.stream().anyMatch(r -> r.conclusion() != DocumentReviewConclusion.DOES_NOT_CONFORM)) {
            return Verdict.refuse(Reason.of("application.review.passed", reference));
        }
        if (done.size() >= maxRounds) {
            return Verdict.refuse(Reason.of("application.review.terminationDue", reference, maxRounds));
        }
        if (!done.isEmpty()) {
            DocumentReviews.Review last = done.get(done.size() - 1);
            if (!last.requests().isEmpty() && last.supplement() == null) {
                return Verdict.refuse(Reason.of("application.review.awaitingSupplement", reference, last.round()));
            }
        }
        return Verdict.allow();
    }

    /**
     * Whether the round's conclusion is complete: a conclusion; findings unless it conforms; requests only for documents
     * of the checklist and not when it conforms; a round that does not conform and is not the last one says what the
     * client must supplement (else the client could not act).
     */
    static Verdict conclusion(DocumentReviewConclusion conclusion, String findings, String staffNote, Map<String, String> requests,
                              Set<String> checklistItems, boolean lastRound) {
        List<Reason> problems = new ArrayList<>();
        if (conclusion == null) {
            problems.add(Reason.of("application.review.conclusionRequired").at("conclusion"));
        }
        if (conclusion != null && conclusion != DocumentReviewConclusion.CONFORMS && (findings == null || findings.isBlank())) {
            problems.add(Reason.of("application.review.findingsRequired").at("findings"));
        }
        if (findings != null && findings.strip().length() > MAX_TEXT) {
            problems.add(Reason.of("application.review.tooLong", MAX_TEXT).at("findings"));
        }
        if (staffNote != null && staffNote.strip().length() > MAX_TEXT) {
            problems.add(Reason.of("application.review.tooLong", MAX_TEXT).at("staffNote"));
        }
        requests.forEach((item, text) -> {
            if (!checklistItems.contains(item)) {
                problems.add(Reason.of("application.review.unknownItem", item, checklistItems).at("request." + item));
            } else if (text == null || text.isBlank()) {
                problems.add(Reason.of("application.review.requestEmpty", item).at("request." + item));
            } else if (text.strip().length() > MAX_REQUEST) {
                problems.add(Reason.of("application.review.tooLong", MAX_REQUEST).at("request." + item));
            }
        });
        if (conclusion == DocumentReviewConclusion.CONFORMS && !requests.isEmpty()) {
            problems.add(Reason.of("application.review.requestsWhenConforming").at("requests"));
        }
        if (conclusion == DocumentReviewConclusion.DOES_NOT_CONFORM && !lastRound && requests.isEmpty()) {
            problems.add(Reason.of("application.review.requestsRequired").at("requests"));
        }
        return Verdict.of(problems);
    }

    /** Whether the client may upload a new version of {@code item} now: only of a document the open request names. */
    static Verdict mayUpload(String reference, Optional<DocumentReviews.Review> awaiting, String item) {
        if (awaiting.isEmpty()) {
            return Verdict.refuse(Reason.of("application.review.noSupplementRequested", reference));
        }
        if (awaiting.get().requests().stream().noneMatch(r -> r.item().equals(item))) {
            return Verdict.refuse(Reason.of("application.review.itemNotRequested", item, awaiting.get().round(),
                    awaiting.get().requests().stream().map(DocumentReviews.Request::item).toList()).at("file"));
        }
        return Verdict.allow();
    }

    /**
     * Whether the client's supplement is complete: every document the round asked for has a version newer than the
     * one the round reviewed ({@code current}: the application's document per checklist item now).
     */
    static Verdict supplementComplete(String reference, Optional<DocumentReviews.Review> awaiting, Map<String, Long> current,
                                      String note) {
        if (awaiting.isEmpty()) {
            return Verdict.refuse(Reason.of("application.review.noSupplementRequested", reference));
        }
        DocumentReviews.Review round = awaiting.get();
        List<Reason> problems = new ArrayList<>();
        for (DocumentReviews.Request r : round.requests()) {
            Long now = current.get(r.item());
            Long reviewed = round.files().stream().filter(f -> f.item().equals(r.item())).map(DocumentReviews.ReviewedFile::evidenceId)
                    .findFirst().orElse(null);
            if (now == null || now.equals(reviewed)) {
                problems.add(Reason.of("application.review.itemNotSupplemented", r.item(), round.round()).at("items"));
            }
        }
        if (note != null && note.strip().length() > MAX_TEXT) {
            problems.add(Reason.of("application.review.tooLong", MAX_TEXT).at("note"));
        }
        return Verdict.of(problems);
    }
}
