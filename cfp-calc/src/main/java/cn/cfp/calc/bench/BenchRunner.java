package cn.cfp.calc.bench;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.matrix.CscMatrix;
import cn.cfp.calc.matrix.GaussSeidel;
import cn.cfp.calc.matrix.Solution;
import cn.cfp.calc.matrix.SparseSolver;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.uncertainty.ParallelRunner;
import cn.cfp.calc.uncertainty.SplitMix64;
import cn.cfp.calc.uncertainty.Statistics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The scaling benchmark behind {@code cfp bench}: wall-clock timings with warm-up, printed with the residual. */
public final class BenchRunner {

    private final PrintStream out;

    public BenchRunner(PrintStream out) {
        this.out = out;
    }

    /** Generate, solve {@code repeats} times (after {@code repeats} warm-up solves), print the median time and the verified residual. */
    public void solve(Family family, int n, int repeats) {
        long t0 = System.nanoTime();
        BenchmarkSystem sys = Generator.generate(family, n);
        long gen = System.nanoTime() - t0;
        double[] f = sys.demand();
        double[] h = sys.intensity();
        Solution sol = SparseSolver.solve(sys.a(), f);
        for (int w = 1; w < repeats; w++) {
            sol = SparseSolver.solve(sys.a(), f); // warm-up: as many solves as timed ones
        }
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            sol = SparseSolver.solve(sys.a(), f);
            times[r] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(times);
        double footprint = 0;
        for (int j = 0; j < n; j++) {
            footprint += h[j] * sol.s()[j];
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "%-6s n=%-7d nnz=%-8d generate %8.1f ms | solve median %9.2f ms (min %8.2f, %d runs) "
                        + "| %s %d sweeps | residual %.2e | footprint %.6f kgCO2e | heap used %d MB%n",
                family, n, sys.a().nnz(), gen / 1e6, times[repeats / 2], times[0], repeats, sol.method(),
                sol.iterations(), sol.residual(), footprint, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Monte Carlo: lognormal GSD 1.2 on every input (off-diagonal of A) and every emission (B). */
    public Statistics monteCarlo(Family family, int n, int iterations, long seed, int threads) {
        BenchmarkSystem sys = Generator.generate(family, n);
        double[] f = sys.demand();
        Solution base = SparseSolver.solve(sys.a(), f);
        double sigma = Math.log(1.2);
        long t0 = System.nanoTime();
        double[] results = ParallelRunner.run(iterations, seed, threads, () -> new ParallelRunner.Worker() {
            final GaussSeidel gs = new GaussSeidel(sys.a(), f);
            final double[] values = new double[sys.a().nnz()];
            final int[] rowIdx = sys.a().rowIdx();
            final int[] colPtr = sys.a().colPtr();
            final double[] a0 = sys.a().values();

            @Override
            public double run(int iteration, SplitMix64 rng) {
                for (int j = 0; j < n; j++) {
                    for (int k = colPtr[j]; k < colPtr[j + 1]; k++) {
                        values[k] = rowIdx[k] == j ? a0[k] : a0[k] * StrictMath.exp(sigma * rng.nextGaussian());
                    }
                }
                gs.setValues(values);
                Solution s = gs.solve(f, base.s(), SparseSolver.TOLERANCE, 2000);
                if (s == null) {
                    s = SparseSolver.solve(sys.a().withValues(values.clone()), f);
                }
                double total = 0;
                for (int k = 0; k < sys.bValue().length; k++) {
                    total += s.s()[sys.bProcess()[k]] * sys.bValue()[k] * sys.gwp()[sys.bGas()[k]]
                            * StrictMath.exp(sigma * rng.nextGaussian());
                }
                return total;
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        Statistics st = Statistics.of(results);
        out.printf(Locale.ROOT, "MC %-6s n=%d iterations=%d threads=%d seed=%d: %.2f s | mean %.6f sd %.6f "
                        + "p2.5 %.6f p50 %.6f p97.5 %.6f%n", family, n, iterations, threads, seed, secs, st.mean(),
                st.sd(), st.p2_5(), st.p50(), st.p97_5());
        return st;
    }

    /** The 400-line inventory: one calculation (total, stages, contributions, DQR) and a batch of many products. */
    public void inventory(int lines, int products, int threads) {
        Inventory inv = SyntheticInventory.create(lines, 42);
        FootprintResult r = null;
        for (int w = 0; w < 2000; w++) {
            r = FootprintCalculator.calculate(inv, GwpSets.ar6());
        }
        int reps = 2000;
        double[] t = new double[reps];
        for (int k = 0; k < reps; k++) {
            long s = System.nanoTime();
            r = FootprintCalculator.calculate(inv, GwpSets.ar6());
            t[k] = (System.nanoTime() - s) / 1e3;
        }
        Arrays.sort(t);
        out.printf(Locale.ROOT, "inventory %d lines (%d processes): one calculation median %.1f µs (p90 %.1f µs) | "
                        + "total %.4f kgCO2e, %d contributions, DQR %.3f%n", lines, inv.processes().size(), t[reps / 2],
                t[reps * 9 / 10], r.totalKgCo2e(), r.contributions().size(), r.quality().weightedDqr());
        Inventory[] distinct = new Inventory[Math.min(products, 1000)];
        for (int k = 0; k < distinct.length; k++) {
            distinct[k] = SyntheticInventory.create(lines, 1000 + k);
        }
        List<Inventory> batch = new ArrayList<>(products);
        for (int k = 0; k < products; k++) {
            batch.add(distinct[k % distinct.length]);
        }
        double[] totals = new double[products];
        FootprintCalculator.calculateAll(batch, GwpSets.ar6(), threads,
                (i, x) -> totals[i] = x.totalKgCo2e()); // warm-up: one full batch (JIT)
        for (int th : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
            long s = System.nanoTime();
            FootprintCalculator.calculateAll(batch, GwpSets.ar6(), th, (i, x) -> totals[i] = x.totalKgCo2e());
            double secs = (System.nanoTime() - s) / 1e9;
            double sum = 0;
            for (double x : totals) {
                sum += x;
            }
            out.printf(Locale.ROOT, "%d products of %d lines (%d distinct inventories, every one fully re-computed with "
                    + "all breakdowns, totals kept, %d thread%s): %.3f s (checksum %.6f)%n", products, lines,
                    distinct.length, th, th == 1 ? "" : "s", secs, sum);
        }
    }

    static CscMatrix matrix(BenchmarkSystem s) {
        return s.a();
    }
}
