package cn.cfp.application;

import cn.cfp.access.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The document review of one application as a loop (R-DOC-1; 000 §7.4; 003 ¶45–49; issue 8 item 11): rounds, each
 * recording the document versions it reviewed and, when it does not conform, what the client must supplement; the
 * client's supplement to the last round; at most {@code maxRounds} rounds (scheme data, decision D5), after which the body
 * terminates. Guards its own transitions with {@link DocumentReviewPolicy}; an illegal one throws and changes nothing.
 *
 * <pre>
 * round n (does not conform, n &lt; max) --client uploads v+1 of each requested document, submits--> round n+1
 * round n (conforms / basically conforms) --> document review passed (the case's stage completes)
 * round max (does not conform) --> termination due
 * </pre>
 */
final class DocumentReviewLoop {

    private final String reference;
    private final int maxRounds;
    private final List<DocumentReviews.Review> rounds;
    private DocumentReviews.Review added;
    private DocumentReviews.Review supplemented;

    /** {@code maxRounds} null: the scheme states no number; rounds go on until the body terminates. */
    DocumentReviewLoop(String reference, Integer maxRounds, List<DocumentReviews.Review> rounds) {
        this.reference = reference;
        this.maxRounds = maxRounds == null ? Integer.MAX_VALUE : maxRounds;
        this.rounds = new ArrayList<>(rounds);
    }

    List<DocumentReviews.Review> rounds() {
        return List.copyOf(rounds);
    }

    /** The last round, when it asked the client for a supplement that has not been submitted yet and a next round may follow. */
    Optional<DocumentReviews.Review> awaitingSupplement() {
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        DocumentReviews.Review last = rounds.get(rounds.size() - 1);
        boolean open = last.conclusion() == DocumentReviewConclusion.DOES_NOT_CONFORM && !last.requests().isEmpty()
                && last.supplement() == null && last.round() < maxRounds;
        return open ? Optional.of(last) : Optional.empty();
    }

    /** True when every round so far failed and the scheme's rounds are used up: the body must terminate [003 ¶47; D5]. */
    boolean terminationDue() {
        return rounds.size() >= maxRounds && rounds.stream().allMatch(r -> r.conclusion() == DocumentReviewConclusion.DOES_NOT_CONFORM);
    }

    /**
     * Records the next round, which reviewed {@code reviewed} (the application's current document versions); refused
     * while the documents passed, the rounds are used up or the client has not answered the last request.
     */
    DocumentReviews.Review conclude(DocumentReviewConclusion conclusion, String findings, String staffNote, Map<String, String> requests,
                                    Set<String> checklistItems, List<DocumentReviews.ReviewedFile> reviewed, Actor reviewer,
                                    LocalDate today) {
        DocumentReviewPolicy.anotherRound(reference, rounds, maxRounds).orRefuse(409);
        Map<String, String> asked = requests == null ? Map.of() : requests;
        int round = rounds.size() + 1;
        DocumentReviewPolicy.conclusion(conclusion, findings, staffNote, asked, checklistItems, round >= maxRounds).orRefuse(400);
        Map<String, String> stripped = new LinkedHashMap<>();
        asked.forEach((item, text) -> stripped.put(item, text.strip()));
        DocumentReviews.Review review = new DocumentReviews.Review(round, conclusion, blankToNull(findings), blankToNull(staffNote),
                reviewer.username(), today, stripped.entrySet().stream().map(e -> new DocumentReviews.Request(e.getKey(), e.getValue())).toList(),
                reviewed, null);
        rounds.add(review);
        added = review;
        return review;
    }

    /** Refused unless the open supplement request names {@code item}. */
    void requireRequested(String item) {
        DocumentReviewPolicy.mayUpload(reference, awaitingSupplement(), item).orRefuse(409);
    }

    /**
     * The client submits its supplement to the open request once every requested document has a new version
     * ({@code current}: evidence id per checklist item now); the next round may then start.
     */
    DocumentReviews.Review submitSupplement(Map<String, Long> current, String note, Actor client, LocalDate today) {
        Optional<DocumentReviews.Review> open = awaitingSupplement();
        DocumentReviewPolicy.supplementComplete(reference, open, current, note).orRefuse(open.isEmpty() ? 409 : 400);
        DocumentReviews.Review r = open.orElseThrow();
        DocumentReviews.Review done = r.withSupplement(new DocumentReviews.Supplement(today, client.username(), blankToNull(note)));
        rounds.set(rounds.size() - 1, done);
        supplemented = done;
        return done;
    }

    // ---- persistence support

    Optional<DocumentReviews.Review> added() {
        return Optional.ofNullable(added);
    }

    Optional<DocumentReviews.Review> supplemented() {
        return Optional.ofNullable(supplemented);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
