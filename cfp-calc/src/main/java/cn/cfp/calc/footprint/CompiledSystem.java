package cn.cfp.calc.footprint;

import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.matrix.CscMatrix;
import cn.cfp.calc.model.CarbonFlow;
import cn.cfp.calc.model.DataQuality;
import cn.cfp.calc.model.Emission;
import cn.cfp.calc.model.EmissionFactor;
import cn.cfp.calc.model.GasAmount;
import cn.cfp.calc.model.Input;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.MassBalance;
import cn.cfp.calc.model.Output;
import cn.cfp.calc.model.Process;
import cn.cfp.calc.model.Stage;
import cn.cfp.calc.model.Uncertainty;
import cn.cfp.calc.quality.Pedigree;
import cn.cfp.calc.unit.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory turned into numbers: technology matrix A (one column per process output, i.e. after allocation),
 * demand f, and the "items" — each datum that emits or removes, per column, in kg CO2e per reference output.
 */
final class CompiledSystem {

    static final double CO2_PER_C = 44.0 / 12.0;

    final Inventory inventory;
    final GwpSet gwp;
    final int n;
    final String[] columnName;
    final int[] columnProcess;
    final double[] demand;
    final int fuColumn;

    // technology matrix as triplets (param = index into params or -1) and its CSC form
    final int[] aRow;
    final int[] aCol;
    final double[] aValue;
    final int[] aParam;
    final CscMatrix a;
    final int[] aPos; // CSC position of each triplet

    // datums: one per input / emission / mass balance of a process that carries an emission
    final List<Datum> datums = new ArrayList<>();
    // items: datum × column
    final int[] itemDatum;
    final int[] itemColumn;
    final double[] itemCo2e;
    final int[] itemParam;
    final int[] itemParam2;
    // gas terms: item × gas
    final int[] termItem;
    final String[] termGas;
    final int[] termGasIndex;  // index into gasNames
    final String[] gasNames;   // distinct gases in order of first appearance
    final int[] termOrigin;
    final double[] termGasAmount;
    final double[] termCo2e;
    // excluded inputs (cut-off)
    final List<String> excludedName = new ArrayList<>();
    final List<Integer> excludedColumn = new ArrayList<>();
    final List<Double> excludedKg = new ArrayList<>();

    final List<Param> params = new ArrayList<>();
    final List<FactorChoice> choices = new ArrayList<>();
    final List<String> unusable = new ArrayList<>();

    /** A datum that contributes emissions. */
    record Datum(int process, String name, String kind, Stage stage, boolean primary, String factor,
                 DataQuality quality) {
    }

    private final boolean withParams;

    CompiledSystem(Inventory inv, GwpSet gwp) {
        this(inv, gwp, true);
    }

    /** @param withParams false skips the Monte Carlo parameters (a plain calculation does not need them) */
    CompiledSystem(Inventory inv, GwpSet gwp, boolean withParams) {
        this.withParams = withParams;
        this.inventory = inv;
        this.gwp = gwp;
        List<Process> ps = inv.processes();
        Map<String, Integer> processIndex = new HashMap<>();
        int[] firstColumn = new int[ps.size()];
        int cols = 0;
        for (int p = 0; p < ps.size(); p++) {
            processIndex.put(ps.get(p).id(), p);
            firstColumn[p] = cols;
            cols += ps.get(p).outputs().size();
        }
        n = cols;
        columnName = new String[n];
        columnProcess = new int[n];
        Map<String, EmissionFactor> factorById = new HashMap<>();
        Map<String, List<EmissionFactor>> byFlow = new HashMap<>();
        for (EmissionFactor f : inv.factors()) {
            factorById.put(f.id(), f);
            if (f.flow() != null) {
                byFlow.computeIfAbsent(f.flow(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, Integer> factorParam = new HashMap<>();
        Map<String, FactorGases> factorGases = new HashMap<>();
        Double maxDqr = inv.rules().maximumDqr();

        int lines = 0;
        for (Process proc : ps) {
            lines += (proc.inputs().size() + proc.emissions().size() + proc.massBalances().size()) * proc.outputs().size();
        }
        Growing tri = new Growing(n + lines);
        Growing items = new Growing(lines);
        Growing terms = new Growing(2 * lines);
        List<String> gasList = new ArrayList<>(2 * lines);

        for (int p = 0; p < ps.size(); p++) {
            Process proc = ps.get(p);
            double[] share = shares(proc);
            String pw = "process '" + proc.name() + "'";
            for (int o = 0; o < proc.outputs().size(); o++) {
                int col = firstColumn[p] + o;
                Output out = proc.outputs().get(o);
                columnName[col] = proc.outputs().size() == 1 ? proc.name() : proc.name() + " / " + out.flow();
                columnProcess[col] = p;
                tri.add(col, col, out.amount().amount(), -1);
            }
            for (Input in : proc.inputs()) {
                if (in.excluded()) {
                    double kg = in.amount().in(Units.KG);
                    for (int o = 0; o < share.length; o++) {
                        excludedName.add(proc.name() + " / " + in.name()
                                + (in.exclusionReason() == null ? "" : " (" + in.exclusionReason() + ")"));
                        excludedColumn.add(firstColumn[p] + o);
                        excludedKg.add(kg * share[o]);
                    }
                    continue;
                }
                int inParam = withParams ? param(in.name() + " @ " + proc.name(), in.amount().amount(), in.uncertainty(), in.quality()) : -1;
                if (in.provider() != null) {
                    int q = processIndex.get(in.provider());
                    Process prov = ps.get(q);
                    String flow = in.providerOutput() != null ? in.providerOutput()
                            : prov.outputs().size() > 1 ? in.name() : null;
                    Output po = prov.output(flow);
                    int row = firstColumn[q] + prov.outputs().indexOf(po);
                    double amount = in.amount().in(po.amount().unit());
                    for (int o = 0; o < share.length; o++) {
                        tri.add(row, firstColumn[p] + o, -amount * share[o], inParam);
                    }
                    continue;
                }
                EmissionFactor f;
                if (in.factor() != null) {
                    f = factorById.get(in.factor());
                } else {
                    List<EmissionFactor> all = byFlow.get(in.flow());
                    List<EmissionFactor> usable = new ArrayList<>();
                    for (EmissionFactor c : all) {
                        if (maxDqr == null || c.quality().dqr() == null || c.quality().dqr().dqr() <= maxDqr + 1e-12) {
                            usable.add(c);
                        }
                    }
                    if (usable.isEmpty()) {
                        usable = all; // reported below as unusable
                    }
                    FactorChoice choice = FactorSelection.choose(proc.name(), in.name(), in.flow(), all, usable);
                    choices.add(choice);
                    f = factorById.get(choice.chosen());
                }
                DataQuality dq = hasAny(in.quality()) ? in.quality() : f.quality();
                Stage stage = in.stage() != null ? in.stage() : proc.stage();
                int datum = datums.size();
                datums.add(new Datum(p, in.name(), "input", stage, f.type().primary(), f.id(), dq));
                if (failsQuality(maxDqr, dq)) {
                    unusable.add(unusableText("input '" + in.name() + "' of " + pw + " (factor '" + f.id() + "')", maxDqr, dq));
                }
                final EmissionFactor ff = f;
                int fParam = !withParams ? -1 : factorParam.computeIfAbsent(f.id(),
                        k -> param("factor " + ff.id(), 1.0, ff.uncertainty(), ff.quality()));
                double activity = in.amount().in(f.unit());
                FactorGases fg = factorGases.computeIfAbsent(f.id(), k -> new FactorGases(ff, gwp));
                for (int o = 0; o < share.length; o++) {
                    int item = items.size;
                    double co2e = 0;
                    for (int g = 0; g < fg.gas.length; g++) {
                        double kg = activity * fg.amount[g] * share[o];
                        double ce = kg * fg.gwp[g];
                        terms.add(item, fg.origin[g], kg, ce);
                        gasList.add(fg.gas[g]);
                        co2e += ce;
                    }
                    items.add(datum, firstColumn[p] + o, co2e, inParam, fParam);
                }
            }
            for (Emission e : proc.emissions()) {
                Stage stage = e.stage() != null ? e.stage() : proc.stage();
                int datum = datums.size();
                datums.add(new Datum(p, e.name(), e.removal() ? "removal" : "emission", stage, e.primary(), null, e.quality()));
                if (failsQuality(maxDqr, e.quality())) {
                    unusable.add(unusableText("emission '" + e.name() + "' of " + pw, maxDqr, e.quality()));
                }
                double kgGas = e.amount().in(Units.KG) * (e.removal() ? -1 : 1);
                int eParam = withParams ? param(e.name() + " @ " + proc.name(), kgGas, e.uncertainty(), e.quality()) : -1;
                String gas = gwp.canonical(e.gas(), e.origin().fossil());
                double factor = gwp.gwp(e.gas(), e.origin().fossil());
                for (int o = 0; o < share.length; o++) {
                    int item = items.size;
                    terms.add(item, e.origin().ordinal(), kgGas * share[o], kgGas * share[o] * factor);
                    gasList.add(gas);
                    items.add(datum, firstColumn[p] + o, kgGas * share[o] * factor, eParam, -1);
                }
            }
            for (MassBalance mb : proc.massBalances()) {
                Stage stage = mb.stage() != null ? mb.stage() : proc.stage();
                double c = carbon(mb.carbonIn()) - carbon(mb.carbonOut());
                double co2 = c * CO2_PER_C;
                int datum = datums.size();
                datums.add(new Datum(p, mb.name(), "mass balance", stage, true, null, mb.quality()));
                if (failsQuality(maxDqr, mb.quality())) {
                    unusable.add(unusableText("mass balance '" + mb.name() + "' of " + pw, maxDqr, mb.quality()));
                }
                int mParam = withParams ? param(mb.name() + " @ " + proc.name(), co2, mb.uncertainty(), mb.quality()) : -1;
                for (int o = 0; o < share.length; o++) {
                    int item = items.size;
                    terms.add(item, mb.origin().ordinal(), co2 * share[o], co2 * share[o]);
                    gasList.add("CO2");
                    items.add(datum, firstColumn[p] + o, co2 * share[o], mParam, -1);
                }
            }
        }
        aRow = tri.ints(0);
        aCol = tri.ints(1);
        aValue = tri.doubles(0);
        aParam = tri.ints(2);
        CscMatrix.Builder b = CscMatrix.builder(n, n);
        for (int t = 0; t < aRow.length; t++) {
            b.add(aRow[t], aCol[t], aValue[t]);
        }
        a = b.build();
        aPos = new int[aRow.length];
        for (int t = 0; t < aRow.length; t++) {
            aPos[t] = java.util.Arrays.binarySearch(a.rowIdx(), a.colPtr()[aCol[t]], a.colPtr()[aCol[t] + 1], aRow[t]);
        }
        itemDatum = items.ints(0);
        itemColumn = items.ints(1);
        itemParam = items.ints(2);
        itemParam2 = items.ints(3);
        itemCo2e = items.doubles(0);
        termItem = terms.ints(0);
        termOrigin = terms.ints(1);
        termGasAmount = terms.doubles(0);
        termCo2e = terms.doubles(1);
        termGas = gasList.toArray(new String[0]);
        termGasIndex = new int[termGas.length];
        Map<String, Integer> gasIndex = new java.util.LinkedHashMap<>();
        for (int t = 0; t < termGas.length; t++) {
            Integer g = gasIndex.get(termGas[t]);
            if (g == null) {
                g = gasIndex.size();
                gasIndex.put(termGas[t], g);
            }
            termGasIndex[t] = g;
        }
        gasNames = gasIndex.keySet().toArray(new String[0]);

        Process ref = inv.process(inv.functionalUnit().process());
        int rp = processIndex.get(ref.id());
        Output refOut = ref.output(inv.functionalUnit().flow());
        fuColumn = firstColumn[rp] + ref.outputs().indexOf(refOut);
        demand = new double[n];
        demand[fuColumn] = inv.functionalUnit().amount().in(refOut.amount().unit());
    }

    private static boolean hasAny(DataQuality q) {
        return q.dqr() != null || q.pedigree() != null;
    }

    private static boolean failsQuality(Double maxDqr, DataQuality q) {
        return maxDqr != null && q.dqr() != null && q.dqr().dqr() > maxDqr + 1e-12;
    }

    private static String unusableText(String what, Double maxDqr, DataQuality q) {
        return what + ": DQR " + round3(q.dqr().dqr()) + " is worse than the required maximum " + maxDqr;
    }

    /** The gases of one emission factor resolved against the GWP set once per compilation (not once per use). */
    private static final class FactorGases {
        final String[] gas;
        final double[] amount;
        final double[] gwp;
        final int[] origin;

        FactorGases(EmissionFactor f, GwpSet set) {
            int k = f.gases().size();
            gas = new String[k];
            amount = new double[k];
            gwp = new double[k];
            origin = new int[k];
            for (int g = 0; g < k; g++) {
                GasAmount ga = f.gases().get(g);
                gas[g] = set.canonical(ga.gas(), ga.origin().fossil());
                amount[g] = ga.amount();
                gwp[g] = set.gwp(ga.gas(), ga.origin().fossil());
                origin[g] = ga.origin().ordinal();
            }
        }
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double carbon(List<CarbonFlow> flows) {
        double c = 0;
        for (CarbonFlow f : flows) {
            c += f.mass().in(Units.KG) * f.carbonFraction();
        }
        return c;
    }

    private int param(String name, double value, Uncertainty u, DataQuality q) {
        if (!withParams) {
            return -1;
        }
        Uncertainty eff = u;
        if (eff == null && q.pedigree() != null) {
            double basic = q.basicVariance() == null ? 0 : q.basicVariance();
            eff = Uncertainty.lognormal(Pedigree.gsd(q.pedigree(), basic));
        }
        if (eff == null) {
            return -1;
        }
        params.add(new Param(name, value, eff));
        return params.size() - 1;
    }

    /** Allocation shares (fractions summing to 1) of the outputs of a process (R-CALC-8). */
    static double[] shares(Process p) {
        List<Output> outs = p.outputs();
        double[] s = new double[outs.size()];
        if (outs.size() == 1) {
            s[0] = 1;
            return s;
        }
        double sum = 0;
        for (int o = 0; o < s.length; o++) {
            Output out = outs.get(o);
            if (out.allocationPercent() != null) {
                s[o] = out.allocationPercent() / 100.0;
            } else if (p.allocation() == cn.cfp.calc.model.AllocationMethod.MASS) {
                s[o] = out.amount().in(Units.KG);
            } else {
                s[o] = out.amount().amount() * out.price();
            }
            sum += s[o];
        }
        for (int o = 0; o < s.length; o++) {
            s[o] /= sum;
        }
        return s;
    }

    /** Column-oriented growable arrays of ints and doubles. */
    private static final class Growing {
        int size;
        int[][] i;
        double[][] d;

        Growing(int capacity) {
            int c = Math.max(16, capacity);
            i = new int[4][c];
            d = new double[2][c];
        }

        void add(int a, int b, double v, int c) {
            grow();
            i[0][size] = a;
            i[1][size] = b;
            i[2][size] = c;
            d[0][size] = v;
            size++;
        }

        void add(int a, int b, double v, int c, int e) {
            grow();
            i[0][size] = a;
            i[1][size] = b;
            i[2][size] = c;
            i[3][size] = e;
            d[0][size] = v;
            size++;
        }

        void add(int a, int b, double v, double w) {
            grow();
            i[0][size] = a;
            i[1][size] = b;
            d[0][size] = v;
            d[1][size] = w;
            size++;
        }

        private void grow() {
            if (size == i[0].length) {
                for (int k = 0; k < i.length; k++) {
                    i[k] = java.util.Arrays.copyOf(i[k], size * 2);
                }
                for (int k = 0; k < d.length; k++) {
                    d[k] = java.util.Arrays.copyOf(d[k], size * 2);
                }
            }
        }

        int[] ints(int k) {
            return java.util.Arrays.copyOf(i[k], size);
        }

        double[] doubles(int k) {
            return java.util.Arrays.copyOf(d[k], size);
        }
    }
}
