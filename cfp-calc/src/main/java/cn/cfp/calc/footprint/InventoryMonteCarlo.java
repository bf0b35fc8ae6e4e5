package cn.cfp.calc.footprint;

import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.matrix.GaussSeidel;
import cn.cfp.calc.matrix.Solution;
import cn.cfp.calc.matrix.SparseSolver;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.uncertainty.Distributions;
import cn.cfp.calc.uncertainty.ParallelRunner;
import cn.cfp.calc.uncertainty.SplitMix64;
import cn.cfp.calc.uncertainty.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded, reproducible Monte Carlo of an inventory (R-CALC-9). Every datum with a distribution (given, or lognormal
 * from its pedigree scores) is drawn in each iteration from the iteration's own stream, in a fixed order; the
 * result therefore depends only on (inventory, GWP set, seed, iterations) — not on the number of threads.
 */
public final class InventoryMonteCarlo {

    private InventoryMonteCarlo() {
    }

    public static MonteCarloResult run(Inventory inventory, GwpSet gwp, int iterations, long seed, int threads) {
        CompiledSystem cs = new CompiledSystem(inventory, gwp);
        Solution base = SparseSolver.solve(cs.a, cs.demand, j -> cs.columnName[j]);
        double deterministic = FootprintCalculator.summarize(cs, base).totalKgCo2e();
        int np = cs.params.size();
        boolean track = (long) np * iterations <= 20_000_000L;
        double[][] lnDraws = track ? new double[np][iterations] : null;
        double[] results = ParallelRunner.run(iterations, seed, threads, () -> new IterationWorker(cs, base, lnDraws));
        Statistics stats = Statistics.of(results);
        List<MonteCarloResult.VarianceShare> shares = new ArrayList<>();
        if (track && np > 0) {
            double[] r2 = new double[np];
            double sum = 0;
            for (int p = 0; p < np; p++) {
                double c = correlation(lnDraws[p], results);
                r2[p] = c * c;
                sum += r2[p];
            }
            for (int p = 0; p < np; p++) {
                if (sum > 0) {
                    shares.add(new MonteCarloResult.VarianceShare(cs.params.get(p).name(), r2[p] / sum * 100));
                }
            }
            shares.sort((x, y) -> Double.compare(y.percent(), x.percent()));
        }
        return new MonteCarloResult(gwp.name(), seed, iterations, threads, deterministic, stats, shares);
    }

    static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static final class IterationWorker implements ParallelRunner.Worker {
        private final CompiledSystem cs;
        private final Solution base;
        private final double[][] lnDraws;
        private final GaussSeidel gs;
        private final double[] mult;
        private final double[] values;

        IterationWorker(CompiledSystem cs, Solution base, double[][] lnDraws) {
            this.cs = cs;
            this.base = base;
            this.lnDraws = lnDraws;
            this.gs = new GaussSeidel(cs.a, cs.demand);
            this.mult = new double[cs.params.size()];
            this.values = new double[cs.a.nnz()];
        }

        @Override
        public double run(int iteration, SplitMix64 rng) {
            for (int p = 0; p < mult.length; p++) {
                Param pa = cs.params.get(p);
                mult[p] = Distributions.multiplier(pa.uncertainty(), pa.value(), rng);
                if (lnDraws != null) {
                    lnDraws[p][iteration] = mult[p] > 0 ? Math.log(mult[p]) : mult[p];
                }
            }
            java.util.Arrays.fill(values, 0);
            for (int t = 0; t < cs.aPos.length; t++) {
                values[cs.aPos[t]] += cs.aValue[t] * (cs.aParam[t] >= 0 ? mult[cs.aParam[t]] : 1);
            }
            gs.setValues(values);
            Solution sol = gs.solve(cs.demand, base.s(), SparseSolver.TOLERANCE, 2000);
            if (sol == null) {
                sol = SparseSolver.solve(cs.a.withValues(values.clone()), cs.demand, j -> cs.columnName[j]);
            }
            double[] s = sol.s();
            double total = 0;
            for (int i = 0; i < cs.itemCo2e.length; i++) {
                double m = (cs.itemParam[i] >= 0 ? mult[cs.itemParam[i]] : 1)
                        * (cs.itemParam2[i] >= 0 ? mult[cs.itemParam2[i]] : 1);
                total += s[cs.itemColumn[i]] * cs.itemCo2e[i] * m;
            }
            return total;
        }
    }
}
