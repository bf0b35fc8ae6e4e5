package cn.cfp.calc.matrix;

import java.util.function.IntFunction;

/**
 * Solves A·s = f (R-CALC-10): Gauss–Seidel sweeps in consumers-first order with a verified residual
 * ‖A·s − f‖₂/‖f‖₂ ≤ {@link #TOLERANCE}; if the sweeps stagnate or diverge, the direct block-triangular LU of
 * {@link DirectSolver} decides (and reports a singular system by naming its processes).
 */
public final class SparseSolver {

    /** Verified relative residual required of every solution. */
    public static final double TOLERANCE = 1e-12;
    static final int MAX_SWEEPS = 2000;

    private SparseSolver() {
    }

    public static Solution solve(CscMatrix a, double[] f, IntFunction<String> names) {
        Solution it = new GaussSeidel(a).solve(f, null, TOLERANCE, MAX_SWEEPS);
        if (it != null) {
            return it;
        }
        Solution direct = DirectSolver.solve(a, f, names);
        if (!(direct.residual() <= 1e-9)) {
            throw new SingularSystemException("the system is numerically singular: the best solution leaves a "
                    + "relative residual of " + direct.residual() + "; check loops between processes");
        }
        return direct;
    }

    public static Solution solve(CscMatrix a, double[] f) {
        return solve(a, f, i -> "#" + i);
    }
}
