package cn.cfp.calc.footprint;

import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.label.LabelRounding;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, double[]> gas = new LinkedHashMap<>();
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
            double[] g = gas.computeIfAbsent(cs.termGas[t], k -> new double[2]);
            g[0] += sj * cs.termGasAmount[t];
            g[1] += ce;
        }
        List<FootprintResult.GasShare> gases = new ArrayList<>();
        final double tot = total;
        gas.forEach((k, g) -> gases.add(new FootprintResult.GasShare(k, g[0], g[1], pct(g[1], tot))));
        gases.sort(Comparator.comparingDouble((FootprintResult.GasShare g) -> -Math.abs(g.kgCo2e())));
        // processes and data
        List<FootprintResult.Contribution> procs = new ArrayList<>();
        for (int p = 0; p < ps.size(); p++) {
            if (process[p] != 0) {
                Process pr = ps.get(p);
                procs.add(new FootprintResult.Contribution(pr.name(), null, "process", pr.stage().name(), process[p],
                        pct(process[p], total), null, true, null));
            }
        }
        procs.sort(BY_MAGNITUDE);
        List<FootprintResult.Contribution> data = new ArrayList<>();
        for (int d = 0; d < datumValue.length; d++) {
            if (datumValue[d] == 0) {
                continue;
            }
            CompiledSystem.Datum dt = cs.datums.get(d);
            data.add(new FootprintResult.Contribution(ps.get(dt.process()).name(), dt.name(), dt.kind(),
                    dt.stage().name(), datumValue[d], pct(datumValue[d], total), dt.factor(), dt.primary(),
                    dt.quality().dqr() == null ? null : dt.quality().dqr().dqr()));
        }
        data.sort(BY_MAGNITUDE);
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
                LabelRounding.roundKg(total),
                new FootprintResult.SolverInfo(sol.method(), sol.iterations(), sol.residual(), cs.n));
    }

    private static final Comparator<FootprintResult.Contribution> BY_MAGNITUDE =
            Comparator.comparingDouble((FootprintResult.Contribution c) -> -Math.abs(c.kgCo2e()));

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static double pct(double v, double total) {
        return total == 0 ? 0 : v / total * 100;
    }
}
