package cn.cfp.calc.bench;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.model.Inventory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The 400-line product inventory (performance.md): one full calculation. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class InventoryBenchmark {

    Inventory inventory;
    final GwpSet gwp = GwpSets.ar6();

    @Setup(Level.Trial)
    public void setUp() {
        inventory = SyntheticInventory.create(400, 42);
    }

    /** Total, stages, gases, per-process and per-datum contributions, DQR, penalty, cut-off, label. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public FootprintResult singleCalculation400Lines() {
        return FootprintCalculator.calculate(inventory, gwp);
    }
}
