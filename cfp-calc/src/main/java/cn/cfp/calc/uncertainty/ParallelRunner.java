package cn.cfp.calc.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs iterations 0..n−1 on a fixed number of threads. Each iteration draws from its own stream
 * {@link SplitMix64#forIteration(long, long)} and writes its own slot, so the results do not depend on the
 * number of threads or on scheduling.
 */
public final class ParallelRunner {

    /** One worker's state (e.g. its own solver copy); created once per thread. */
    public interface Worker {
        double run(int iteration, SplitMix64 rng);
    }

    private ParallelRunner() {
    }

    public static double[] run(int iterations, long seed, int threads, java.util.function.Supplier<Worker> workers) {
        if (iterations < 1) {
            throw new IllegalArgumentException("Monte Carlo needs at least 1 iteration, got " + iterations);
        }
        double[] out = new double[iterations];
        int t = Math.max(1, Math.min(threads, iterations));
        if (t == 1) {
            Worker w = workers.get();
            for (int i = 0; i < iterations; i++) {
                out[i] = w.run(i, SplitMix64.forIteration(seed, i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "cfp-monte-carlo");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int k = 0; k < t; k++) {
                final int first = k;
                fs.add(pool.submit(() -> {
                    Worker w = workers.get();
                    for (int i = first; i < iterations; i += t) {
                        out[i] = w.run(i, SplitMix64.forIteration(seed, i));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
