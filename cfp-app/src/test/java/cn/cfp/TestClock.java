package cn.cfp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the test context (primary over the real one): a test moves time on — 100 days, 13 months — and
 * {@link #reset()} puts it back to now. Every bean that reads the time sees the move, so rules and derived state
 * (the 90-day clock, deadlines) are tested as they happen, never by editing dates in the database.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public TestClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves time on (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }

    public void advanceDays(long days) {
        advance(Duration.ofDays(days));
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(z, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
