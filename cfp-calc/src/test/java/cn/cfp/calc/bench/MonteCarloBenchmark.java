package cn.cfp.calc.bench;

import cn.cfp.calc.uncertainty.Statistics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monte Carlo, 1,000 iterations, lognormal GSD 1.2 on every input and emission, seeded (R-CALC-9); one operation
 * is the whole run (generation of the system included, about 0.1 s of it).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MonteCarloBenchmark {

    @Param({"5000"})
    public int n;

    @Param({"LCA"})
    public String family;

    @Param({"2"})
    public int threads;

    @Benchmark
    public Statistics monteCarlo1000() {
        return new BenchRunner(new PrintStream(OutputStream.nullOutputStream()))
                .monteCarlo(Family.valueOf(family), n, 1000, 42, threads);
    }
}
