package cn.cfp.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open cases, read at most once per {@code cfp.cases.open-cache} (default 2 s) for the views that need all of them
 * (the clock dashboard, "my work"): deriving a thousand clocks is cheap, loading a thousand histories for every request
 * is not. A change to a case saved on this node drops the snapshot at once; another node's change is seen within the
 * period. Transitions never use the snapshot — they load the case fresh and save it with its version check.
 */
@Component
class OpenCases {

    /** An open case with its clock as of the snapshot. */
    record Ranked(CertificationCase c, CaseClock clock) {
    }

    /** The open cases, least time remaining first (then by reference). */
    private record Snapshot(Instant at, List<Ranked> ranked) {
    }

    private final CaseRepository repository;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;
    private final AtomicLong changes = new AtomicLong();

    OpenCases(CaseRepository repository, Clock clock, @Value("${cfp.cases.open-cache:2s}") Duration maxAge) {
        this.repository = repository;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    List<CertificationCase> all() {
        return byRisk().stream().map(Ranked::c).toList();
    }

    /**
     * The open cases with their clocks, the least time remaining first. One reader loads a stale snapshot; the others
     * arriving meanwhile wait for it instead of each loading the same thousand histories.
     */
    List<Ranked> byRisk() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s.ranked();
        }
        synchronized (this) {
            s = snapshot;
            if (fresh(s)) {
                return s.ranked();
            }
            long generation = changes.get();
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            s = new Snapshot(now, repository.findOpen().stream().map(c -> new Ranked(c, c.clock(today)))
                    .sorted(Comparator.comparingInt((Ranked r) -> r.clock().remaining()).thenComparing(r -> r.c().reference()))
                    .toList());
            if (changes.get() == generation) { // a change committed while loading: the next reader loads again
                snapshot = s;
            }
            return s.ranked();
        }
    }

    private boolean fresh(Snapshot s) {
        Instant now = clock.instant();
        return s != null && s.at().plus(maxAge).isAfter(now) && !s.at().isAfter(now);
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
