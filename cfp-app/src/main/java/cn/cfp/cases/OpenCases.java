package cn.cfp.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open cases, read at most once per {@code cfp.cases.open-cache} (default 2 s) for the views that need all of them
 * (the clock dashboard, "my work"): deriving a thousand clocks is cheap, loading a thousand histories for every request
 * is not. A change to a case saved on this node drops the snapshot at once; another node's change is seen within the
 * period (plus the time of one load). Transitions never use the snapshot — they load the case fresh and save it with its version check.
 */
@Component
class OpenCases {

    /** An open case with its clock as of the snapshot. */
    record Ranked(CertificationCase c, CaseClock clock) {
    }

    /** The open cases, least time remaining first (then by reference), as loaded at {@code at}. */
    private record Snapshot(Instant at, long generation, List<Ranked> ranked) {
    }

    private final CaseRepository repository;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock loading = new ReentrantLock();

    OpenCases(CaseRepository repository, Clock clock, @Value("${cfp.cases.open-cache:2s}") Duration maxAge) {
        this.repository = repository;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    List<CertificationCase> all() {
        return byRisk().stream().map(Ranked::c).toList();
    }

    /**
     * The open cases with their clocks, the least time remaining first. A snapshot past its age is refreshed by one
     * reader while the others keep reading it (it is still the latest committed state this node knows of). A snapshot
     * that a change on this node invalidated, or one from an earlier day, is never served: readers wait for one load
     * instead of each loading the same thousand histories.
     */
    List<Ranked> byRisk() {
        Snapshot s = snapshot;
        if (current(s)) {
            if (young(s) || !loading.tryLock()) {
                return s.ranked();
            }
        } else {
            loading.lock();
        }
        try {
            s = snapshot;
            if (current(s) && young(s)) {
                return s.ranked();
            }
            return load().ranked();
        } finally {
            loading.unlock();
        }
    }

    private Snapshot load() {
        long generation = changes.get();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Snapshot s = new Snapshot(now, generation, repository.findOpen().stream().map(c -> new Ranked(c, c.clock(today)))
                .sorted(Comparator.comparingInt((Ranked r) -> r.clock().remaining()).thenComparing(r -> r.c().reference()))
                .toList());
        if (changes.get() == generation) { // a change committed while loading: the next reader loads again
            snapshot = s;
        }
        return s;
    }

    /**
     * No change on this node since it was loaded, and it was loaded today (clocks count days). The generation is
     * checked here too: a change can commit between a load's check and its store, and that snapshot must not be served.
     */
    private boolean current(Snapshot s) {
        Instant now = clock.instant();
        return s != null && s.generation() == changes.get() && !s.at().isAfter(now)
                && LocalDate.ofInstant(s.at(), clock.getZone()).equals(LocalDate.ofInstant(now, clock.getZone()));
    }

    private boolean young(Snapshot s) {
        return s.at().plus(maxAge).isAfter(clock.instant());
    }

    /**
     * A case changed on this node: once the change is committed (or rolled back) the next reader loads afresh, and a
     * load that was running meanwhile is not kept.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true, classes = {
            CaseEvents.CaseOpened.class, CaseEvents.StageCompleted.class, CaseEvents.ManagerAssigned.class,
            CaseEvents.TeamAssigned.class, CaseEvents.ClockPaused.class, CaseEvents.ClockResumed.class,
            CaseEvents.ClockExtended.class, CaseEvents.Concluded.class, CaseEvents.Terminated.class})
    void changed() {
        changes.incrementAndGet();
        snapshot = null;
    }
}
