package cn.cfp.calc.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.calc.bench.BenchmarkSystem;
import cn.cfp.calc.bench.Family;
import cn.cfp.calc.bench.Generator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Gauss–Seidel sweep order (R-CALC-10). */
class SweepOrderTest {

    @Test
    void level_order_is_a_permutation_for_every_family() { // R-CALC-10
        for (Family f : Family.values()) {
            BenchmarkSystem s = Generator.generate(f, 3000);
            int[] order = Graphs.consumersFirstByLevel(s.a(), new int[] {0});
            assertThat(Arrays.stream(order).sorted().toArray()).as(f.name()).isEqualTo(java.util.stream.IntStream.range(0, 3000).toArray());
        }
    }

    @Test
    void acyclic_chain_is_solved_in_one_sweep_plus_the_check() { // R-CALC-10
        // 0 uses 1, 1 uses 2, ... listed in reverse so that index order is NOT consumers-first
        int n = 50;
        CscMatrix.Builder b = CscMatrix.builder(n, n);
        for (int j = 0; j < n; j++) {
            b.add(j, j, 1);
            if (j + 1 < n) {
                b.add(j + 1, j, -0.5);
            }
        }
        CscMatrix a = b.build();
        double[] f = new double[n];
        f[0] = 1;
        Solution s = new GaussSeidel(a, f).solve(f, null, 1e-12, 100);
        assertThat(s.iterations()).isLessThanOrEqualTo(2);
        assertThat(s.s()[n - 1]).isEqualTo(Math.pow(0.5, n - 1));
    }

    @Test
    void band_family_needs_few_sweeps_with_the_level_order() { // R-CALC-10, performance.md band family
        // the depth-first order needs 13 sweeps at n = 20,000, the level order 6; both give the same solution
        BenchmarkSystem s = Generator.generate(Family.BAND, 20000);
        Solution level = new GaussSeidel(s.a(), s.demand()).solve(s.demand(), null, 1e-12, 2000);
        Solution dfs = new GaussSeidel(s.a()).solve(s.demand(), null, 1e-12, 2000);
        assertThat(level.iterations()).isLessThanOrEqualTo(6);
        assertThat(dfs.iterations()).isGreaterThan(level.iterations());
        assertThat(level.residual()).isLessThanOrEqualTo(1e-12);
        double max = java.util.Arrays.stream(dfs.s()).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < 20000; i++) {
            assertThat(Math.abs(level.s()[i] - dfs.s()[i])).isLessThanOrEqualTo(1e-10 * max);
        }
    }
}
