package cn.cfp.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot of open cases behind the clock dashboard: read once per period, refreshed by one reader while the
 * others keep the previous one, and never served once a change on this node has invalidated it (the R-PLAN-5 clock dashboard).
 */
class OpenCasesTest {

    /** A clock the test moves by hand (10:00 in China, far from midnight, unless a test crosses it on purpose). */
    static final class HandClock extends Clock {
        volatile Instant now = CertificationCaseTest.D0.atTime(10, 0).atZone(CertificationCaseTest.CHINA).toInstant();

        @Override
        public ZoneId getZone() {
            return CertificationCaseTest.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A repository whose open cases the test sets, counting loads; a load can be held until the test lets it go. */
    static final class Repository extends CaseRepository {
        final AtomicInteger loads = new AtomicInteger();
        volatile int open = 1;
        volatile CountDownLatch hold = new CountDownLatch(0);

        Repository() {
            super(null, null, null);
        }

        @Override
        List<CertificationCase> findOpen() {
            loads.incrementAndGet();
            int n = open;
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<CertificationCase> cases = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cases.add(CertificationCaseTest.open("CNCA-CFP-00", Map.of()));
            }
            return cases;
        }
    }

    final HandClock clock = new HandClock();
    final Repository repository = new Repository();
    final OpenCases openCases = new OpenCases(repository, clock, Duration.ofSeconds(2));

    @AfterEach
    void release() {
        repository.hold.countDown();
    }

    @Test
    void readers_within_the_period_share_one_load() {
        assertThat(openCases.all()).hasSize(1);
        clock.now = clock.now.plusMillis(1500);
        assertThat(openCases.all()).hasSize(1);
        assertThat(repository.loads).hasValue(1);
    }

    @Test
    void past_its_age_one_reader_refreshes_while_the_others_keep_reading_the_previous_snapshot() throws Exception {
        assertThat(openCases.all()).hasSize(1);
        clock.now = clock.now.plusSeconds(3);
        repository.open = 2;
        repository.hold = new CountDownLatch(1);
        CompletableFuture<Integer> refreshing = CompletableFuture.supplyAsync(() -> openCases.all().size());
        awaitSecondLoad();
        // the refresh is held: another reader is answered at once, from the snapshot it replaces
        CompletableFuture<Integer> meanwhile = CompletableFuture.supplyAsync(() -> openCases.all().size());
        assertThat(meanwhile.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        repository.hold.countDown();
        assertThat(refreshing.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(openCases.all()).hasSize(2);
        assertThat(repository.loads).hasValue(2);
    }

    @Test
    void after_a_change_on_this_node_no_reader_gets_the_old_snapshot() throws Exception {
        assertThat(openCases.all()).hasSize(1);
        openCases.changed();
        aReaderDuringTheNextLoadWaitsForIt("a reader after the change waits for the new snapshot");
        assertThat(repository.loads).as("the waiting reader took the load it waited for").hasValue(2);
    }

    @Test
    void a_change_committed_while_loading_is_not_hidden_by_that_load() throws Exception {
        openCases.all();
        openCases.changed();
        repository.hold = new CountDownLatch(1);
        CompletableFuture<Integer> loading = CompletableFuture.supplyAsync(() -> openCases.all().size());
        awaitSecondLoad();
        openCases.changed(); // committed while the load runs: what it read may predate it
        repository.open = 3;
        repository.hold.countDown();
        loading.get(5, TimeUnit.SECONDS);
        assertThat(openCases.all()).hasSize(3);
        assertThat(repository.loads).hasValue(3);
    }

    @Test
    void a_snapshot_from_yesterday_is_never_served_clocks_count_days() throws Exception {
        openCases.all();
        clock.now = clock.now.plus(Duration.ofDays(1));
        aReaderDuringTheNextLoadWaitsForIt("yesterday's clocks are not today's: the reader waits for today's load");
    }

    /**
     * Two open cases from now on; a first reader's load is held, and a second reader arriving meanwhile must wait for it
     * (not be served the one-case snapshot); both then read the two cases.
     */
    private void aReaderDuringTheNextLoadWaitsForIt(String why) throws Exception {
        repository.open = 2;
        repository.hold = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> openCases.all().size());
        awaitSecondLoad();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> openCases.all().size());
        Thread.sleep(300);
        assertThat(second).as(why).isNotDone();
        repository.hold.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    private void awaitSecondLoad() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (repository.loads.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(repository.loads).hasValueGreaterThanOrEqualTo(2);
    }
}
