package cn.cfp.evaluation;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evaluations of one case (aggregate): the rounds of the stage-1 and the claim-evaluation loops, the start of stage
 * 2 and the consistency check of an adopted verification. Guards its own transitions (a refused one throws and changes
 * nothing); rounds, the stage-2 start and the check are only ever added, a round's supplement set once. Saved with a
 * version check ({@link EvaluationRepository}).
 *
 * <pre>
 * claim round n DOES_NOT_CONFORM (n &lt; max) --client supplements--> round n+1
 * claim round n CONFORMS / BASICALLY_CONFORMS --> on-site verification allowed
 * claim round max DOES_NOT_CONFORM --> termination due (the manager terminates)
 * stage-1 round NOT_PROCEED --> another round (after the client's supplement, if one was asked) or termination
 * stage-1 round PROCEED --> the stage completes
 * </pre>
 */
final class Evaluation {

    private final Long id;
    private final long applicationId;
    private final int version;
    private final List<Round> rounds;
    private final int persistedRounds;
    private final Set<Integer> supplemented = new TreeSet<>();
    private Stage2Start stage2;
    private final boolean stage2Persisted;
    private ConsistencyCheck consistency;
    private final boolean consistencyPersisted;

    Evaluation(Long id, long applicationId, int version, List<Round> rounds, Stage2Start stage2, ConsistencyCheck consistency) {
        this.id = id;
        this.applicationId = applicationId;
        this.version = version;
        this.rounds = new ArrayList<>(rounds);
        this.persistedRounds = rounds.size();
        this.stage2 = stage2;
        this.stage2Persisted = stage2 != null;
        this.consistency = consistency;
        this.consistencyPersisted = consistency != null;
    }

    static Evaluation empty(long applicationId) {
        return new Evaluation(null, applicationId, 0, List.of(), null, null);
    }

    // ---------------------------------------------------------------- reads

    Long id() {
        return id;
    }

    long applicationId() {
        return applicationId;
    }

    int version() {
        return version;
    }

    List<Round> rounds(EvaluationKind kind) {
        return rounds.stream().filter(r -> r.kind() == kind).toList();
    }

    Optional<Round> last(EvaluationKind kind) {
        List<Round> l = rounds(kind);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
    }

    Optional<Stage2Start> stage2() {
        return Optional.ofNullable(stage2);
    }

    Optional<ConsistencyCheck> consistency() {
        return Optional.ofNullable(consistency);
    }

    /** The claim evaluation passed (its last round conforms or basically conforms). */
    boolean claimPassed() {
        return last(EvaluationKind.CLAIM).map(r -> ClaimConclusion.valueOf(r.conclusion()).passes()).orElse(false);
    }

    /** The last round of {@code kind} asked the client for a supplement it has not given and another round may follow. */
    Optional<Round> awaitingSupplement(EvaluationKind kind, int maxRounds) {
        return last(kind).filter(r -> r.request() != null && r.supplement() == null && failed(r) && r.round() < maxRounds);
    }

    /** Every claim round failed and the scheme's rounds are used up: the manager terminates [003 ¶60; decision D5]. */
    boolean claimTerminationDue(int maxRounds) {
        List<Round> l = rounds(EvaluationKind.CLAIM);
        return l.size() >= maxRounds && l.stream().allMatch(Evaluation::failed);
    }

    static boolean failed(Round r) {
        return r.kind() == EvaluationKind.STAGE1 ? Stage1Decision.valueOf(r.conclusion()) == Stage1Decision.NOT_PROCEED
                : !ClaimConclusion.valueOf(r.conclusion()).passes();
    }

    int nextRound(EvaluationKind kind) {
        return rounds(kind).size() + 1;
    }

    // ---------------------------------------------------------------- transitions

    /** Whether another round of {@code kind} may be recorded now. */
    Verdict anotherRound(EvaluationKind kind, String reference, int maxRounds) {
        List<Round> l = rounds(kind);
        if (l.stream().anyMatch(r -> !failed(r))) {
            return Verdict.refuse(Reason.of("evaluation.round.passed", reference));
        }
        if (l.size() >= maxRounds) {
            return Verdict.refuse(Reason.of("evaluation.round.terminationDue", reference, maxRounds));
        }
        Optional<Round> awaiting = awaitingSupplement(kind, maxRounds);
        if (awaiting.isPresent()) {
            return Verdict.refuse(Reason.of("evaluation.round.awaitingSupplement", reference, awaiting.get().round()));
        }
        return Verdict.allow();
    }

    void add(Round r, String reference, int maxRounds) {
        anotherRound(r.kind(), reference, maxRounds).orRefuse(409);
        if (r.round() != nextRound(r.kind())) {
            throw Refusal.conflict("shared.staleWrite", "evaluation " + applicationId);
        }
        rounds.add(r);
    }

    /** The client's supplement to the open request of {@code kind}. */
    Round supplement(EvaluationKind kind, Round.Supplement s, String reference, int maxRounds) {
        Round open = awaitingSupplement(kind, maxRounds)
                .orElseThrow(() -> Refusal.conflict("evaluation.supplement.notRequested", reference));
        Round done = open.withSupplement(s);
        int index = rounds.indexOf(open);
        rounds.set(index, done);
        supplemented.add(index);
        return done;
    }

    void startStage2(Stage2Start s, String reference) {
        if (stage2 != null) {
            throw Refusal.conflict("evaluation.stage2.alreadyStarted", reference, stage2.on());
        }
        stage2 = s;
    }

    void checkConsistency(ConsistencyCheck c, String reference) {
        if (consistency != null) {
            throw Refusal.conflict("evaluation.consistency.already", reference, consistency.on());
        }
        consistency = c;
    }

    // ---------------------------------------------------------------- persistence support

    List<Round> newRounds() {
        return List.copyOf(rounds.subList(persistedRounds, rounds.size()));
    }

    List<Round> supplementedRounds() {
        return supplemented.stream().filter(i -> i < persistedRounds).map(rounds::get).toList();
    }

    boolean stage2New() {
        return stage2 != null && !stage2Persisted;
    }

    boolean consistencyNew() {
        return consistency != null && !consistencyPersisted;
    }
}
