package cn.cfp.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Never duplicated, never reused, also under concurrency [R-CERT-2, decision D2]: 32 threads preparing local numbers at
 * the same instant get 32 different numbers from the counter; 32 threads entering the same CNCA number for 32 different
 * requests leave it with exactly one, the other 31 refused with 409 in words. {@code prepare} needs no case, so these
 * requests carry plain application ids far above the test cases'.
 */
@CfpIntegrationTest
class NumberingConcurrencyTest {

    static final AtomicLong IDS = new AtomicLong(7_000_000);
    static final Actor PM = new Actor(9_999, "pm", "pm", Set.of(Role.PROJECT_MANAGER), null);

    @Autowired
    Numbers numbers;
    @Autowired
    Clock clock;

    <T> List<Future<T>> atOnce(int n, java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                out.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return work.apply(k);
                }));
            }
            start.countDown();
            for (Future<T> f : out) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // read by the caller
                }
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    CertificateNumbers.NumberRequest local(long app, String scheme, LocalDate on) {
        return new CertificateNumbers.NumberRequest(app, "TEST-" + app, scheme, null, on, Map.of("产品名称", "餐桌 T-" + app));
    }

    @Test
    void thirty_two_threads_preparing_local_numbers_at_once_get_32_different_numbers_R_CERT_2() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long first = IDS.getAndAdd(100);
        List<Future<CertificateNumbers.NumberView>> done = atOnce(32, k -> numbers.prepare(local(first + k, "CEC-FURNITURE", today)));
        Set<String> seen = new HashSet<>();
        Set<Integer> serials = new HashSet<>();
        for (Future<CertificateNumbers.NumberView> f : done) {
            CertificateNumbers.NumberView v = f.get();
            assertThat(v.state()).isEqualTo(CertificateNumbers.State.ALLOCATED);
            assertThat(v.provisionalReference()).isNull();
            assertThat(v.number()).matches("CEC-CFP-" + today.getYear() + "-\\d{5}");
            seen.add(v.number());
            serials.add(Integer.parseInt(v.number().substring(v.number().length() - 5)));
            assertThat(numbers.number(v.applicationId())).contains(v.number());
        }
        assertThat(seen).hasSize(32); // 0 duplicates
        // no gap: the counter moves only with a stored number, so the 32 serials are consecutive
        int min = serials.stream().min(Integer::compare).orElseThrow();
        int max = serials.stream().max(Integer::compare).orElseThrow();
        assertThat(max - min).isEqualTo(31);
        // idempotent per application: a second call returns what the first made
        CertificateNumbers.NumberView again = numbers.prepare(local(first, "CEC-FURNITURE", today));
        assertThat(again.number()).isEqualTo(done.get(0).get().number());
        // another scheme counts on its own
        CertificateNumbers.NumberView cicc = numbers.prepare(local(first + 40, "CICC-ZY-GZ-20", today));
        assertThat(cicc.number()).startsWith("CICC-CFP-" + today.getYear() + "-");
        // another year starts again at 00001
        CertificateNumbers.NumberView next = numbers.prepare(local(first + 41, "CEC-FURNITURE", today.plusYears(3)));
        assertThat(next.number()).isEqualTo("CEC-CFP-" + today.plusYears(3).getYear() + "-00001");
    }

    @Test
    void the_same_application_prepared_from_32_threads_gets_one_number() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long app = IDS.getAndAdd(100);
        List<Future<CertificateNumbers.NumberView>> done = atOnce(32, k -> numbers.prepare(local(app, "CICC-ZY-GZ-20", today)));
        Set<String> seen = new HashSet<>();
        for (Future<CertificateNumbers.NumberView> f : done) {
            seen.add(f.get().number());
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void thirty_two_threads_entering_the_same_confirmed_number_for_different_requests_one_wins_the_others_get_409() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long first = IDS.getAndAdd(100);
        for (int k = 0; k < 32; k++) {
            CertificateNumbers.NumberView v = numbers.prepare(new CertificateNumbers.NumberRequest(first + k, "TEST-" + (first + k),
                    "CNCA-CFP-00", "101", today, Map.of("产品名称", "电机")));
            assertThat(v.state()).isEqualTo(CertificateNumbers.State.REQUESTED);
            assertThat(v.provisionalReference()).matches("REQ-\\d{4}-\\d{5}");
            assertThat(v.number()).isNull();
            numbers.recordSubmission(PM, first + k, today, "国家认监委信息平台", null);
        }
        String number = "CFP-0123-" + today.getYear() + "-101-" + String.format("%04d", (int) (first % 10000));
        List<Future<NumberRecord>> done = atOnce(32, k -> numbers.confirm(PM, first + k, number));
        int won = 0;
        List<Refusal> refused = new ArrayList<>();
        for (Future<NumberRecord> f : done) {
            try {
                NumberRecord r = f.get();
                assertThat(r.number()).isEqualTo(number);
                assertThat(r.state()).isEqualTo(CertificateNumbers.State.CONFIRMED);
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                refused.add((Refusal) e.getCause());
            }
        }
        assertThat(won).isEqualTo(1);
        assertThat(refused).hasSize(31);
        for (Refusal r : refused) {
            assertThat(r.status()).isEqualTo(409);
            assertThat(Messages.codes(r)).containsExactly("numbering.duplicate");
            assertThat(Messages.english(r).get(0)).contains(number).contains("already belongs to case TEST-");
        }
        long holders = 0;
        for (int k = 0; k < 32; k++) {
            if (numbers.number(first + k).isPresent()) {
                holders++;
            }
        }
        assertThat(holders).isEqualTo(1);
    }
}
