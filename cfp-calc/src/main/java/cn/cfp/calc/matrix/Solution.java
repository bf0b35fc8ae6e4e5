package cn.cfp.calc.matrix;

/**
 * The solution of A·s = f and how it was obtained.
 *
 * @param s          scaling vector
 * @param method     "gauss-seidel" or "direct-lu"
 * @param iterations Gauss–Seidel sweeps (0 for the direct method)
 * @param residual   verified ‖A·s − f‖₂ / ‖f‖₂
 */
public record Solution(double[] s, String method, int iterations, double residual) {
}
