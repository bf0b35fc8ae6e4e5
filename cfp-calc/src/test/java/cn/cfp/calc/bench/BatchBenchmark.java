package cn.cfp.calc.bench;

import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** 10,000 products with a 400-line inventory re-computed (performance.md), on 1 and 2 threads. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class BatchBenchmark {

    /** Threads of the batch re-computation (results identical for any count). */
    @Param({"1", "2"})
    public int threads;

    List<Inventory> batch;
    final GwpSet gwp = GwpSets.ar6();

    @Setup(Level.Trial)
    public void setUp() {
        Inventory[] distinct = new Inventory[1000];
        for (int k = 0; k < distinct.length; k++) {
            distinct[k] = SyntheticInventory.create(400, 1000 + k);
        }
        batch = new ArrayList<>(10_000);
        for (int k = 0; k < 10_000; k++) {
            batch.add(distinct[k % distinct.length]);
        }
    }

    /** 10,000 products of 400 lines, each fully re-computed with all breakdowns (1,000 distinct inventories, no
     * result cache); the totals are kept. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public double[] batch10000Products() {
        double[] totals = new double[batch.size()];
        FootprintCalculator.calculateAll(batch, gwp, threads, (i, r) -> totals[i] = r.totalKgCo2e());
        return totals;
    }
}
