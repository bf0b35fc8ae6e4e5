package cn.cfp.verification;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.footprint.InventoryMonteCarlo;
import cn.cfp.calc.footprint.MonteCarloResult;
import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.io.InventoryImportException;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.calc.io.ResultWriters;
import cn.cfp.calc.label.LabelRounding;
import cn.cfp.calc.model.EmissionFactor;
import cn.cfp.calc.model.Emission;
import cn.cfp.calc.model.GasAmount;
import cn.cfp.calc.model.Input;
import cn.cfp.calc.model.InvalidInventoryException;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.Process;
import cn.cfp.calc.model.Rules;
import cn.cfp.calc.unit.Quantity;
import cn.cfp.scheme.CutOffRule;
import cn.cfp.scheme.DataPriority;
import cn.cfp.scheme.RoundingBand;
import cn.cfp.scheme.Scheme;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place the platform calls the calculation engine (cfp-calc) as a library [R-VER-3]: parses a submission,
 * applies the scheme's parameters (cut-off %, secondary-data penalty, maximum DQR, the label rounding table only where
 * the scheme has one — CICC-ZY/GZ-20 [004 §10.6]), applies the verifier's corrections on a copy, calculates, runs the
 * seeded Monte Carlo, and formats numbers exactly as {@code ./cfp calc} prints them.
 */
public final class FootprintAdapter {

    /** The engine's version, recorded with every stored result (the cfp-calc artifact version). */
    public static final String ENGINE_VERSION = "cfp-calc 0.1.0-SNAPSHOT";

    /** Rows of each per-process / per-datum list kept in a stored result. */
    public static final int STORED_ROWS = 1000;

    /** Monte Carlo threads: results do not depend on the count (cfp-calc R-CALC-9). */
    static final int THREADS = 2;

    private FootprintAdapter() {
    }

    /** Upload formats. */
    public enum Format { XLSX, JSON }

    public static Format format(String filename) {
        String f = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        return f.endsWith(".xlsx") ? Format.XLSX : f.endsWith(".json") ? Format.JSON : null;
    }

    /**
     * Parses an inventory; the engine's errors (for a workbook each one with sheet, row and column) are in the
     * exception's message ({@link InventoryImportException#errors()} for a workbook).
     */
    public static Inventory parse(Format format, byte[] bytes, String source) {
        try {
            return format == Format.XLSX ? InventoryWorkbook.read(new ByteArrayInputStream(bytes), source)
                    : InventoryJson.read(new ByteArrayInputStream(bytes), source);
        } catch (IOException e) {
            throw new InventoryImportException(source, List.of("the file cannot be read: " + e.getMessage()));
        }
    }

    /** The engine's rules for a scheme: the scheme's values where it states them, the inventory's own otherwise. */
    public static Rules rules(Scheme scheme, Rules own) {
        CutOffRule cut = scheme.cutOff().value();
        DataPriority dp = scheme.dataPriority().value();
        double cutOff = cut != null && cut.maxPercent() != null ? cut.maxPercent().doubleValue() : own.cutOffPercent();
        double penalty = dp != null && dp.penaltyPercent() != null ? dp.penaltyPercent().doubleValue() / 100 : own.secondaryDataPenalty();
        Double maxDqr = dp != null && dp.maximumDqr() != null ? Double.valueOf(dp.maximumDqr().doubleValue()) : own.maximumDqr();
        return new Rules(cutOff, penalty, maxDqr, labelRounding(scheme));
    }

    /** The scheme's label rounding table for the engine, or null where the scheme has none. */
    static LabelRounding labelRounding(Scheme scheme) {
        cn.cfp.scheme.LabelRounding t = scheme.labelRounding().value();
        if (t == null) {
            return null;
        }
        List<LabelRounding.Band> bands = new ArrayList<>();
        boolean extend = false;
        for (RoundingBand b : t.bands()) {
            if (b.stepGrams() == null) {
                extend = true; // the open last row: "by the same principle" [004 §10.6]
            } else {
                bands.add(new LabelRounding.Band(b.aboveGrams(), b.upToGrams(), b.stepGrams()));
            }
        }
        return new LabelRounding(scheme.documentNumber() + " " + scheme.labelRounding().cite(), bands, extend);
    }

    /** The GWP set: the engine's default (IPCC AR6 100-year, R-CALC-3); no shipped scheme states another. */
    public static GwpSet gwp(Scheme scheme) {
        return GwpSets.defaultSet();
    }

    /** The inventory with the corrections applied, on a copy (the client's version is never changed). */
    public static Inventory corrected(Inventory inv, List<Correction> corrections) {
        if (corrections.isEmpty()) {
            return inv;
        }
        List<Process> processes = new ArrayList<>(inv.processes());
        List<EmissionFactor> factors = new ArrayList<>(inv.factors());
        for (Correction c : corrections) {
            if (c.kind() == Correction.Kind.FACTOR) {
                int i = indexOfFactor(factors, c.factorId());
                EmissionFactor f = factors.get(i);
                int g = indexOfGas(f, c.gas());
                List<GasAmount> gases = new ArrayList<>(f.gases());
                GasAmount old = gases.get(g);
                gases.set(g, new GasAmount(old.gas(), c.correctedValue(), old.origin()));
                factors.set(i, new EmissionFactor(f.id(), f.name(), f.flow(), f.unit(), gases, f.source(), f.version(), f.year(),
                        f.region(), f.type(), f.database(), f.quality(), f.uncertainty()));
            } else {
                int p = indexOfProcess(processes, c.processId());
                processes.set(p, withActivity(processes.get(p), c.item(), c.correctedValue()));
            }
        }
        return new Inventory(inv.name(), inv.product(), inv.functionalUnit(), inv.boundary(), inv.periodFrom(), inv.periodTo(),
                processes, factors, inv.rules());
    }

    /** The value a correction replaces, read from the client's version; refused in words when it does not exist. */
    public static double original(Inventory inv, Correction c) {
        if (c.kind() == Correction.Kind.FACTOR) {
            EmissionFactor f = inv.factors().get(indexOfFactor(inv.factors(), c.factorId()));
            return f.gases().get(indexOfGas(f, c.gas())).amount();
        }
        Process p = inv.processes().get(indexOfProcess(inv.processes(), c.processId()));
        for (Input in : p.inputs()) {
            if (in.name().equals(c.item())) {
                return in.amount().amount();
            }
        }
        for (Emission e : p.emissions()) {
            if (e.name().equals(c.item())) {
                return e.amount().amount();
            }
        }
        throw new IllegalArgumentException("process '" + p.id() + "' has no input or emission named '" + c.item() + "'");
    }

    private static Process withActivity(Process p, String item, double value) {
        List<Input> inputs = new ArrayList<>(p.inputs());
        List<Emission> emissions = new ArrayList<>(p.emissions());
        boolean found = false;
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            if (in.name().equals(item)) {
                inputs.set(i, new Input(in.name(), new Quantity(value, in.amount().unit()), in.provider(), in.providerOutput(),
                        in.factor(), in.flow(), in.stage(), in.excluded(), in.exclusionReason(), in.quality(), in.uncertainty()));
                found = true;
            }
        }
        for (int i = 0; i < emissions.size() && !found; i++) {
            Emission e = emissions.get(i);
            if (e.name().equals(item)) {
                emissions.set(i, new Emission(e.name(), e.gas(), new Quantity(value, e.amount().unit()), e.origin(), e.removal(),
                        e.stage(), e.primary(), e.quality(), e.uncertainty()));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("process '" + p.id() + "' has no input or emission named '" + item + "'");
        }
        return new Process(p.id(), p.name(), p.stage(), p.outputs(), p.allocation(), inputs, emissions, p.massBalances(), p.location());
    }

    private static int indexOfProcess(List<Process> ps, String id) {
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the inventory has no process '" + id + "'");
    }

    private static int indexOfFactor(List<EmissionFactor> fs, String id) {
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the inventory has no emission factor '" + id + "'");
    }

    private static int indexOfGas(EmissionFactor f, String gas) {
        if (gas == null || gas.isBlank()) {
            if (f.gases().size() != 1) {
                throw new IllegalArgumentException("emission factor '" + f.id() + "' has " + f.gases().size() + " gases: name the gas");
            }
            return 0;
        }
        for (int i = 0; i < f.gases().size(); i++) {
            if (f.gases().get(i).gas().equalsIgnoreCase(gas.strip())) {
                return i;
            }
        }
        throw new IllegalArgumentException("emission factor '" + f.id() + "' has no gas '" + gas + "'");
    }

    /** The recalculation: the scheme's rules on the corrected copy. */
    public static Calculation calculate(Scheme scheme, Inventory submitted, List<Correction> corrections, Integer iterations, long seed) {
        Inventory inv = corrected(submitted, corrections);
        inv = inv.withRules(rules(scheme, inv.rules()));
        GwpSet gwp = gwp(scheme);
        FootprintResult r = FootprintCalculator.calculate(inv, gwp);
        MonteCarloResult mc = iterations == null ? null : InventoryMonteCarlo.run(inv, gwp, iterations, seed, THREADS);
        return new Calculation(r, mc, gwp.name());
    }

    /** A result and its Monte Carlo (null when not run). */
    public record Calculation(FootprintResult result, MonteCarloResult monteCarlo, String gwpSet) {

        /** The result as {@code ./cfp calc --json} writes it. */
        public String json() {
            return ResultWriters.json(result, monteCarlo);
        }

        /**
         * The result as stored with a recalculation: {@link #json()} with the per-process, per-datum and factor-choice
         * lists cut to their {@value #STORED_ROWS} largest entries (a 20,000-process model has some 60,000 data; the
         * total, stages, gases, origins, penalty, cut-off, quality and Monte Carlo are always complete).
         */
        public String storedJson() {
            FootprintResult r = result;
            if (r.processes().size() <= STORED_ROWS && r.contributions().size() <= STORED_ROWS
                    && r.factorChoices().size() <= STORED_ROWS) {
                return json();
            }
            FootprintResult cut = new FootprintResult(r.inventory(), r.product(), r.functionalUnit(), r.functionalUnitAmount(),
                    r.functionalUnitUnit(), r.boundary(), r.periodFrom(), r.periodTo(), r.gwpSet(), r.gwpSource(), r.totalKgCo2e(),
                    r.stages(), r.origins(), r.gases(), head(r.processes()), head(r.contributions()), head(r.factorChoices()),
                    r.penalty(), r.cutOff(), r.quality(), r.label(), r.solver());
            return ResultWriters.json(cut, monteCarlo);
        }

        private static <T> List<T> head(List<T> l) {
            return l.size() <= STORED_ROWS ? l : List.copyOf(l.subList(0, STORED_ROWS));
        }
    }

    /** A kg CO2e figure as {@code ./cfp calc} prints it (six decimals). */
    public static String kg(double kgCo2e) {
        return String.format(Locale.ROOT, "%.6f", kgCo2e);
    }

    /** A percentage as {@code ./cfp calc} prints it (two decimals). */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }

    /** The table {@code ./cfp calc} prints for this result. */
    public static String table(FootprintResult r, MonteCarloResult mc) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ResultWriters.table(r, mc, new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    /** (claim − recalculated) / recalculated in %, or null when the recalculated value is zero. */
    public static Double deviationPercent(BigDecimal claimedKg, double recalculatedKg) {
        return recalculatedKg == 0 ? null : (claimedKg.doubleValue() - recalculatedKg) / recalculatedKg * 100;
    }

    static boolean isEngineRefusal(RuntimeException e) {
        return e instanceof InvalidInventoryException || e instanceof IllegalArgumentException;
    }
}
