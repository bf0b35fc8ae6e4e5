package cn.cfp.calc.bench;

import cn.cfp.calc.matrix.GaussSeidel;
import cn.cfp.calc.matrix.Solution;
import cn.cfp.calc.matrix.SparseSolver;
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

/** Solve A·s = f with the verified residual for the LCA-like family of performance.md (R-CALC-10). */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SolverBenchmark {

    @Param({"5000", "100000"})
    public int n;

    /** LCA: the performance targets; BAND: the family of the openLCA anchor that missed 10× (run with -p n=20000). */
    @Param({"LCA"})
    public String family;

    BenchmarkSystem system;

    @Setup(Level.Trial)
    public void setUp() {
        system = Generator.generate(Family.valueOf(family), n);
    }

    /** A single solve as {@code cfp calc} does it: depth-first order prepared, sweeps, verified residual. */
    @Benchmark
    public Solution solve() {
        return SparseSolver.solve(system.a(), system.demand());
    }

    /** The same with the level sweep order (what Monte Carlo uses, prepared once per run). */
    @Benchmark
    public Solution solveLevelOrder() {
        return new GaussSeidel(system.a(), system.demand()).solve(system.demand(), null, SparseSolver.TOLERANCE, 2000);
    }
}
