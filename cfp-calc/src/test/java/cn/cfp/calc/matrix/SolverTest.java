package cn.cfp.calc.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.calc.bench.Family;
import cn.cfp.calc.bench.Generator;
import cn.cfp.calc.uncertainty.SplitMix64;
import org.junit.jupiter.api.Test;

class SolverTest {

    @Test
    void splitmix64_matches_the_reference_sequence() { // performance.md generator
        SplitMix64 r = new SplitMix64(0);
        assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    }

    @Test
    void loops_solved_iteratively_equal_the_direct_solution() { // R-CALC-10
        for (Family f : Family.values()) {
            CscMatrix a = Generator.generate(f, 1500).a();
            double[] rhs = new double[a.rows()];
            SplitMix64 r = new SplitMix64(7);
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = r.nextDouble();
            }
            Solution it = new GaussSeidel(a).solve(rhs, null, 1e-12, 2000);
            Solution direct = DirectSolver.solve(a, rhs, i -> "#" + i);
            assertThat(it).isNotNull();
            assertThat(it.residual()).isLessThanOrEqualTo(1e-12);
            assertThat(direct.residual()).isLessThanOrEqualTo(1e-12);
            for (int i = 0; i < rhs.length; i++) {
                assertThat(Math.abs(it.s()[i] - direct.s()[i])).isLessThanOrEqualTo(1e-9 * Math.abs(direct.s()[i]) + 1e-15);
            }
        }
    }

    @Test
    void solution_is_linear_in_demand() { // R-CALC-10
        CscMatrix a = Generator.generate(Family.LCA, 2000).a();
        double[] f = new double[a.rows()];
        f[0] = 1;
        double[] f3 = new double[a.rows()];
        f3[0] = 3;
        double[] s1 = SparseSolver.solve(a, f).s();
        double[] s3 = SparseSolver.solve(a, f3).s();
        for (int i = 0; i < s1.length; i++) {
            assertThat(Math.abs(s3[i] - 3 * s1[i])).isLessThanOrEqualTo(1e-9 * Math.abs(3 * s1[i]) + 1e-15);
        }
    }

    @Test
    void a_loop_that_only_circulates_is_a_singular_system_naming_its_processes() { // R-CALC-10
        CscMatrix a = CscMatrix.builder(3, 3).add(0, 0, 1).add(1, 0, -1).add(1, 1, 1).add(2, 1, -1).add(2, 2, 1)
                .add(1, 2, -1).build();
        String[] names = {"assembly", "smelting", "recycling"};
        assertThatThrownBy(() -> SparseSolver.solve(a, new double[] {1, 0, 0}, i -> names[i]))
                .isInstanceOf(SingularSystemException.class)
                .hasMessageContaining("smelting").hasMessageContaining("recycling");
    }

    @Test
    void an_ill_converging_loop_falls_back_to_the_direct_solver() { // R-CALC-10
        // x needs 0.999 y, y needs 1.0 x: spectral radius 0.999, too slow for the sweeps
        CscMatrix a = CscMatrix.builder(2, 2).add(0, 0, 1).add(1, 0, -0.999).add(1, 1, 1).add(0, 1, -1.0).build();
        Solution s = SparseSolver.solve(a, new double[] {1, 0});
        assertThat(s.method()).isEqualTo("direct-lu");
        assertThat(s.s()[0]).isCloseTo(1000.0, org.assertj.core.api.Assertions.within(1e-8));
    }
}
