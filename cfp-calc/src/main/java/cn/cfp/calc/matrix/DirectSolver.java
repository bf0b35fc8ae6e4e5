package cn.cfp.calc.matrix;

import java.util.function.IntFunction;

/**
 * Direct solution of A·s = f: the matrix is permuted to block-triangular form (strongly connected components of
 * the supply graph, consumers first — the fill-reducing ordering that makes an acyclic supply chain triangular,
 * with no fill at all), then each component is solved in turn: single processes by division, loops by dense LU
 * with partial pivoting. A zero pivot means the loop has no unique solution: the error names its processes.
 */
public final class DirectSolver {

    /** Largest loop (strongly connected block) solved densely: 4,000² doubles = 128 MB. */
    static final int MAX_DENSE_BLOCK = 4000;

    private DirectSolver() {
    }

    public static Solution solve(CscMatrix a, double[] f, IntFunction<String> names) {
        if (a.rows() != a.cols() || f.length != a.rows()) {
            throw new IllegalArgumentException("matrix " + a.rows() + " x " + a.cols() + " and demand of length "
                    + f.length + " do not match");
        }
        int n = a.cols();
        int[][] btf = Graphs.componentsConsumersFirst(a);
        int[] starts = btf[0];
        int[] nodes = btf[1];
        // CSR copy: row i lists (column j, value)
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        double[] v = a.values();
        int[] rowPtr = new int[n + 1];
        for (int k = 0; k < a.nnz(); k++) {
            rowPtr[ri[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        int[] next = java.util.Arrays.copyOf(rowPtr, n);
        int[] colIdx = new int[a.nnz()];
        double[] rv = new double[a.nnz()];
        for (int j = 0; j < n; j++) {
            for (int k = cp[j]; k < cp[j + 1]; k++) {
                int p = next[ri[k]]++;
                colIdx[p] = j;
                rv[p] = v[k];
            }
        }
        double[] s = new double[n];
        boolean[] done = new boolean[n];
        int[] local = new int[n];
        java.util.Arrays.fill(local, -1);
        double scale = 0;
        for (double x : v) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int c = 0; c + 1 < starts.length; c++) {
            int lo = starts[c];
            int hi = starts[c + 1];
            int m = hi - lo;
            if (m == 1) {
                int i = nodes[lo];
                double sum = f[i];
                double d = 0;
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    if (colIdx[p] == i) {
                        d = v == null ? 0 : rv[p];
                    } else {
                        sum -= rv[p] * s[colIdx[p]];
                    }
                }
                if (Math.abs(d) <= 1e-300 || Math.abs(d) <= 1e-14 * scale) {
                    throw new SingularSystemException("the system has no unique solution: process '" + names.apply(i)
                            + "' has a zero reference output (diagonal entry " + d + ")");
                }
                s[i] = sum / d;
                done[i] = true;
                continue;
            }
            if (m > MAX_DENSE_BLOCK) {
                throw new IllegalStateException("the direct solver cannot factor a loop of " + m
                        + " mutually dependent processes (limit " + MAX_DENSE_BLOCK + ") and the iterative solver did "
                        + "not converge; check the loop that contains process '" + names.apply(nodes[lo]) + "'");
            }
            for (int q = 0; q < m; q++) {
                local[nodes[lo + q]] = q;
            }
            double[][] b = new double[m][m];
            double[] rhs = new double[m];
            for (int q = 0; q < m; q++) {
                int i = nodes[lo + q];
                double sum = f[i];
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int j = colIdx[p];
                    int lj = local[j];
                    if (lj >= 0) {
                        b[q][lj] += rv[p];
                    } else {
                        sum -= rv[p] * s[j];
                    }
                }
                rhs[q] = sum;
            }
            double[] x = denseSolve(b, rhs, scale, q -> names.apply(nodes[lo + q]), m);
            for (int q = 0; q < m; q++) {
                int i = nodes[lo + q];
                s[i] = x[q];
                done[i] = true;
                local[i] = -1;
            }
        }
        double res = a.relativeResidual(s, f);
        return new Solution(s, "direct-lu", 0, res);
    }

    private static double[] denseSolve(double[][] b, double[] rhs, double scale, IntFunction<String> names, int m) {
        int[] perm = new int[m];
        for (int q = 0; q < m; q++) {
            perm[q] = q;
        }
        for (int k = 0; k < m; k++) {
            int piv = k;
            double best = Math.abs(b[k][k]);
            for (int r = k + 1; r < m; r++) {
                double val = Math.abs(b[r][k]);
                if (val > best) {
                    best = val;
                    piv = r;
                }
            }
            if (best <= 1e-12 * scale) {
                StringBuilder who = new StringBuilder();
                for (int q = 0; q < Math.min(m, 10); q++) {
                    who.append(q == 0 ? "" : ", ").append('\'').append(names.apply(q)).append('\'');
                }
                if (m > 10) {
                    who.append(", … (").append(m).append(" processes)");
                }
                throw new SingularSystemException("the system has no unique solution (singular matrix): the loop of "
                        + "processes " + who + " produces no net output — each consumes as much as it supplies. "
                        + "Check the amounts exchanged inside this loop.");
            }
            if (piv != k) {
                double[] t = b[k];
                b[k] = b[piv];
                b[piv] = t;
                double tr = rhs[k];
                rhs[k] = rhs[piv];
                rhs[piv] = tr;
            }
            double[] rowK = b[k];
            double d = rowK[k];
            for (int r = k + 1; r < m; r++) {
                double[] row = b[r];
                double factor = row[k] / d;
                if (factor != 0) {
                    row[k] = 0;
                    for (int c = k + 1; c < m; c++) {
                        row[c] -= factor * rowK[c];
                    }
                    rhs[r] -= factor * rhs[k];
                }
            }
        }
        double[] x = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            double sum = rhs[k];
            double[] row = b[k];
            for (int c = k + 1; c < m; c++) {
                sum -= row[c] * x[c];
            }
            x[k] = sum / row[k];
        }
        return x;
    }
}
