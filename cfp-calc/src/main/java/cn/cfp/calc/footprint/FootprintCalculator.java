package cn.cfp.calc.footprint;

import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.matrix.Solution;
import cn.cfp.calc.matrix.SparseSolver;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.Origin;
import cn.cfp.calc.model.Process;
import cn.cfp.calc.model.Stage;
import cn.cfp.calc.quality.DqrRating;
import cn.cfp.calc.unit.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Calculates the footprint of an inventory (R-CALC-1): solves A·s = f for the scaling of every process, then
 * adds s_j × (activity × factor × GWP, direct emissions × GWP, mass balances) over all data.
 */
public final class FootprintCalculator {

    private FootprintCalculator() {
    }

    public static FootprintResult calculate(Inventory inventory) {
        return calculate(inventory, GwpSets.defaultSet());
    }

    public static FootprintResult calculate(Inventory inventory, GwpSet gwp) {
        CompiledSystem cs = new CompiledSystem(inventory, gwp, false);
        Solution sol = SparseSolver.solve(cs.a, cs.demand, j -> cs.columnName[j]);
        return summarize(cs, sol);
    }

    /** Receives the result of product {@code index} of a batch; may be called from several threads at once. */
    @FunctionalInterface
    public interface ResultSink {
        void accept(int index, FootprintResult result);
    }

    /**
     * Calculates many inventories (a batch re-computation, e.g. after a factor update) on {@code threads} threads
     * and returns the results in input order. Each result depends only on its own inventory, so the results are
     * identical for any thread count.
     */
    public static List<FootprintResult> calculateAll(List<Inventory> inventories, GwpSet gwp, int threads) {
        FootprintResult[] out = new FootprintResult[inventories.size()];
        calculateAll(inventories, gwp, threads, (i, r) -> out[i] = r);
        return java.util.Arrays.asList(out);
    }

    /**
     * As {@link #calculateAll(List, GwpSet, int)} but hands each result to {@code sink} instead of keeping them all
     * (10,000 full results of a 400-line inventory hold a few hundred MB). The sink may be called concurrently;
     * what it does with result {@code index} must not depend on the order of calls (e.g. store it at its index).
     */
    public static void calculateAll(List<Inventory> inventories, GwpSet gwp, int threads, ResultSink sink) {
        int n = inventories.size();
        int t = Math.max(1, Math.min(threads, n));
        if (t == 1) {
            for (int i = 0; i < n; i++) {
                sink.accept(i, calculate(inventories.get(i), gwp));
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        final int chunk = 16;
        Runnable work = () -> {
            try {
                for (int start; (start = next.getAndAdd(chunk)) < n && failure.get() == null; ) {
                    for (int i = start; i < Math.min(n, start + chunk); i++) {
                        sink.accept(i, calculate(inventories.get(i), gwp));
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread[] pool = new Thread[t - 1];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = new Thread(work, "cfp-batch-" + k);
            pool[k].setDaemon(true);
            pool[k].start();
        }
        work.run();
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("batch calculation interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    static FootprintResult summarize(CompiledSystem cs, Solution sol) {
        Inventory inv = cs.inventory;
        double[] s = sol.s();
        int items = cs.itemDatum.length;
        double[] datumValue = new double[cs.datums.size()];
        double total = 0;
        for (int i = 0; i < items; i++) {
            double v = s[cs.itemColumn[i]] * cs.itemCo2e[i];
            datumValue[cs.itemDatum[i]] += v;
            total += v;
        }
        // stages
        double[] stage = new double[Stage.values().length];
        List<Process> ps = inv.processes();
        double[] process = new double[ps.size()];
        double secondary = 0;
        double dqrWeighted = 0;
        double dqrWeight = 0;
        double absTotal = 0;
        for (int d = 0; d < datumValue.length; d++) {
            CompiledSystem.Datum dt = cs.datums.get(d);
            double v = datumValue[d];
            stage[dt.stage().ordinal()] += v;
            process[dt.process()] += v;
            if (!dt.primary() && v > 0) {
                secondary += v;
            }
            absTotal += Math.abs(v);
            if (dt.quality().dqr() != null) {
                dqrWeighted += Math.abs(v) * dt.quality().dqr().dqr();
                dqrWeight += Math.abs(v);
            }
        }
        List<FootprintResult.StageShare> stages = new ArrayList<>();
        for (Stage st : Stage.values()) {
            if (inv.boundary().includes(st)) {
                stages.add(new FootprintResult.StageShare(st.name(), stage[st.ordinal()], pct(stage[st.ordinal()], total)));
            }
        }
        // origins and gases
        double[] origin = new double[Origin.values().length];
        double bioEm = 0;
        double bioRem = 0;
        String[] gasName = cs.gasNames;
        double[] gasKg = new double[gasName.length];
        double[] gasCe = new double[gasName.length];
        for (int t = 0; t < cs.termItem.length; t++) {
            double sj = s[cs.itemColumn[cs.termItem[t]]];
            double ce = sj * cs.termCo2e[t];
            origin[cs.termOrigin[t]] += ce;
            if (cs.termOrigin[t] == Origin.BIOGENIC.ordinal()) {
                if (ce >= 0) {
                    bioEm += ce;
                } else {
                    bioRem += ce;
                }
            }
            int g = cs.termGasIndex[t];
            gasKg[g] += sj * cs.termGasAmount[t];
            gasCe[g] += ce;
        }
        List<FootprintResult.GasShare> gases = new ArrayList<>(gasName.length);
        for (int g = 0; g < gasName.length; g++) {
            gases.add(new FootprintResult.GasShare(gasName[g], gasKg[g], gasCe[g], pct(gasCe[g], total)));
        }
        gases.sort(Comparator.comparingDouble((FootprintResult.GasShare g) -> -Math.abs(g.kgCo2e())));
        // processes and data
        List<FootprintResult.Contribution> procs = new ArrayList<>();
        for (int p : byMagnitude(process)) {
            if (process[p] != 0) {
                Process pr = ps.get(p);
                procs.add(new FootprintResult.Contribution(pr.name(), null, "process", pr.stage().name(), process[p],
                        pct(process[p], total), null, true, null));
            }
        }
        List<FootprintResult.Contribution> data = new ArrayList<>(datumValue.length);
        for (int d : byMagnitude(datumValue)) {
            if (datumValue[d] == 0) {
                continue;
            }
            CompiledSystem.Datum dt = cs.datums.get(d);
            data.add(new FootprintResult.Contribution(ps.get(dt.process()).name(), dt.name(), dt.kind(),
                    dt.stage().name(), datumValue[d], pct(datumValue[d], total), dt.factor(), dt.primary(),
                    dt.quality().dqr() == null ? null : dt.quality().dqr().dqr()));
        }
        // penalty (R-CALC-7)
        double rate = inv.rules().secondaryDataPenalty();
        FootprintResult.Penalty penalty = new FootprintResult.Penalty(rate, secondary, rate * secondary,
                total + rate * secondary);
        // cut-off (R-CALC-5)
        double excluded = 0;
        List<String> excludedNames = new ArrayList<>();
        for (int e = 0; e < cs.excludedKg.size(); e++) {
            double kg = s[cs.excludedColumn.get(e)] * cs.excludedKg.get(e);
            if (kg != 0) {
                excluded += kg;
                excludedNames.add(cs.excludedName.get(e) + ": " + CompiledSystem.round3(kg) + " kg");
            }
        }
        double limit = inv.rules().cutOffPercent();
        Double productKg = inv.functionalUnit().productMass() == null ? null
                : inv.functionalUnit().productMass().in(Units.KG) * inv.functionalUnit().amount().amount();
        FootprintResult.CutOff cutOff;
        if (productKg == null) {
            cutOff = new FootprintResult.CutOff(limit, null, excluded, null, excluded == 0, excludedNames,
                    excluded == 0 ? "no input excluded" : "excluded inputs present but the product mass is not given: "
                            + "the cut-off rule cannot be checked");
        } else {
            double p = excluded / productKg * 100;
            boolean ok = p <= limit + 1e-9;
            cutOff = new FootprintResult.CutOff(limit, productKg, excluded, p, ok, excludedNames,
                    (ok ? "within" : "EXCEEDS") + " the cut-off limit of " + limit + " % of product mass");
        }
        // quality (R-CALC-6)
        Double wDqr = dqrWeight > 0 ? dqrWeighted / dqrWeight : null;
        Double max = inv.rules().maximumDqr();
        FootprintResult.Quality quality = new FootprintResult.Quality(wDqr, wDqr == null ? null : DqrRating.of(wDqr).name(),
                absTotal == 0 ? 0 : dqrWeight / absTotal * 100, max, List.copyOf(cs.unusable),
                cs.unusable.isEmpty() && (max == null || wDqr == null || wDqr <= max + 1e-12));
        var fu = inv.functionalUnit();
        return new FootprintResult(inv.name(), inv.product(), fu.description(), fu.amount().amount(),
                fu.amount().unit().symbol(), inv.boundary().name(), str(inv.periodFrom()), str(inv.periodTo()),
                cs.gwp.name(), cs.gwp.source(), total, stages,
                new FootprintResult.OriginSplit(origin[0], origin[1], origin[2], bioEm, bioRem), gases, procs, data,
                List.copyOf(cs.choices), penalty, cutOff, quality,
                inv.rules().labelRounding() == null ? null : inv.rules().labelRounding().roundKg(total),
                new FootprintResult.SolverInfo(sol.method(), sol.iterations(), sol.residual(), cs.n));
    }

    /**
     * Indices of {@code v} by decreasing magnitude; equal magnitudes keep their index order (a stable merge sort
     * on primitive keys — the same order as a stable sort of the contributions, without boxing or comparators).
     */
    static int[] byMagnitude(double[] v) {
        int n = v.length;
        int[] idx = new int[n];
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            key[i] = Math.abs(v[i]);
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (!(key[idx[mid - 1]] < key[idx[mid]])) {
                    continue; // already in order
                }
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi) {
                    tmp[o++] = key[idx[b]] > key[idx[a]] ? idx[b++] : idx[a++];
                }
                while (a < mid) {
                    tmp[o++] = idx[a++];
                }
                while (b < hi) {
                    tmp[o++] = idx[b++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
        return idx;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static double pct(double v, double total) {
        return total == 0 ? 0 : v / total * 100;
    }
}
