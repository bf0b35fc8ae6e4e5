package cn.cfp.calc.bench;

import cn.cfp.calc.model.Boundary;
import cn.cfp.calc.model.DataQuality;
import cn.cfp.calc.model.DqrScores;
import cn.cfp.calc.model.Emission;
import cn.cfp.calc.model.EmissionFactor;
import cn.cfp.calc.model.FactorType;
import cn.cfp.calc.model.FunctionalUnit;
import cn.cfp.calc.model.GasAmount;
import cn.cfp.calc.model.Input;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.Origin;
import cn.cfp.calc.model.Output;
import cn.cfp.calc.model.PedigreeScores;
import cn.cfp.calc.model.Process;
import cn.cfp.calc.model.Rules;
import cn.cfp.calc.model.Stage;
import cn.cfp.calc.uncertainty.SplitMix64;
import cn.cfp.calc.unit.Quantity;
import cn.cfp.calc.unit.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic-size product inventory for timing: {@code lines} inventory lines spread over 40 processes (a bill of
 * materials tree: each process uses up to 3 sub-assemblies from later processes plus purchased materials and
 * energy with secondary factors), 60 emission factors with DQR and pedigree scores, direct emissions, seeded.
 */
public final class SyntheticInventory {

    private SyntheticInventory() {
    }

    public static Inventory create(int lines, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int np = 40;
        int nf = 60;
        List<EmissionFactor> factors = new ArrayList<>();
        FactorType[] types = FactorType.values();
        for (int f = 0; f < nf; f++) {
            factors.add(new EmissionFactor("f" + f, "factor " + f, null, f % 3 == 0 ? Units.KWH : Units.KG,
                    List.of(new GasAmount("CO2", 0.1 + 5 * rng.nextDouble(), Origin.FOSSIL),
                            new GasAmount("CH4", 0.001 * rng.nextDouble(), Origin.FOSSIL)),
                    "synthetic", "1", 2023, "CN", types[rng.nextInt(types.length)], null,
                    new DataQuality(new DqrScores(1 + rng.nextInt(3), 1 + rng.nextInt(3), 1 + rng.nextInt(3), 2),
                            new PedigreeScores(2, 2, 2, 1, 3), 0.0006), null));
        }
        List<List<Input>> inputs = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            inputs.add(new ArrayList<>());
        }
        for (int line = 0; line < lines; line++) {
            int p = line % np;
            if (line < np * 3 && p < np - 1 && line / np < 3) {
                int sub = p + 1 + rng.nextInt(Math.min(5, np - p - 1));
                inputs.get(p).add(new Input("part " + line, new Quantity(0.2 + 0.4 * rng.nextDouble(), Units.of("p")),
                        "p" + sub, null, null, null, null, false, null, null, null));
                continue;
            }
            int f = rng.nextInt(nf);
            inputs.get(p).add(new Input("material " + line, new Quantity(0.01 + 2 * rng.nextDouble(),
                    factors.get(f).unit()), null, null, "f" + f, null, null, false, null, null, null));
        }
        List<Process> processes = new ArrayList<>();
        Stage[] stages = {Stage.PRODUCTION, Stage.RAW_MATERIAL_ACQUISITION, Stage.RAW_MATERIAL_TRANSPORT};
        for (int p = 0; p < np; p++) {
            processes.add(new Process("p" + p, "process " + p, p == 0 ? Stage.PRODUCTION : stages[p % 3],
                    List.of(new Output("part", new Quantity(1, Units.of("p")), null, null)), null, inputs.get(p),
                    List.of(new Emission("process CO2", "CO2", new Quantity(0.1 * rng.nextDouble(), Units.KG),
                            Origin.FOSSIL, false, null, true, null, null)), List.of(), null));
        }
        return new Inventory("synthetic " + lines + " lines", "product", new FunctionalUnit("1 product",
                new Quantity(1, Units.of("p")), "p0", null, new Quantity(10, Units.KG)), Boundary.CRADLE_TO_GATE,
                null, null, processes, factors, new Rules(5, 0.1, null));
    }
}
