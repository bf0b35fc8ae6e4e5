package cn.cfp.calc.matrix;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse column (CSC) form.
 *
 * <ul>
 *   <li>{@code colPtr} has {@code cols + 1} entries; the non-zeros of column {@code j} are at positions
 *       {@code colPtr[j] .. colPtr[j+1]-1} of the two other arrays, {@code colPtr[cols] == nnz}.</li>
 *   <li>{@code rowIdx[k]} is the row of the k-th stored value; rows are strictly increasing within a column
 *       (duplicates are summed when the matrix is built).</li>
 *   <li>{@code values[k]} is the value at ({@code rowIdx[k]}, column of k).</li>
 * </ul>
 * In the footprint engine the matrix is the technology matrix A (rows: products, columns: processes),
 * A[j][j] = reference output of process j, A[i][j] = −(amount of product i consumed by process j).
 */
public final class CscMatrix {

    private final int rows;
    private final int cols;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final double[] values;

    CscMatrix(int rows, int cols, int[] colPtr, int[] rowIdx, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.values = values;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nnz() {
        return colPtr[cols];
    }

    /** Column pointers (not copied: do not modify). */
    public int[] colPtr() {
        return colPtr;
    }

    /** Row indices (not copied: do not modify). */
    public int[] rowIdx() {
        return rowIdx;
    }

    /** Values (not copied: do not modify). */
    public double[] values() {
        return values;
    }

    public double get(int i, int j) {
        int k = Arrays.binarySearch(rowIdx, colPtr[j], colPtr[j + 1], i);
        return k >= 0 ? values[k] : 0.0;
    }

    /** A copy sharing the structure, with other values (same length as {@link #values()}). */
    public CscMatrix withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("expected " + values.length + " values, got " + newValues.length);
        }
        return new CscMatrix(rows, cols, colPtr, rowIdx, newValues);
    }

    /** y = A·x. */
    public double[] multiply(double[] x) {
        double[] y = new double[rows];
        for (int j = 0; j < cols; j++) {
            double xj = x[j];
            if (xj == 0) {
                continue;
            }
            for (int k = colPtr[j]; k < colPtr[j + 1]; k++) {
                y[rowIdx[k]] += values[k] * xj;
            }
        }
        return y;
    }

    /** ‖A·x − b‖₂ / ‖b‖₂ (or the absolute norm when b = 0). */
    public double relativeResidual(double[] x, double[] b) {
        double[] ax = multiply(x);
        double num = 0;
        double den = 0;
        for (int i = 0; i < rows; i++) {
            double d = ax[i] - b[i];
            num += d * d;
            den += b[i] * b[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    public static Builder builder(int rows, int cols) {
        return new Builder(rows, cols);
    }

    /** Collects (row, col, value) triplets; duplicates are summed. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private int[] r = new int[16];
        private int[] c = new int[16];
        private double[] v = new double[16];
        private int size;

        Builder(int rows, int cols) {
            if (rows < 0 || cols < 0) {
                throw new IllegalArgumentException("matrix size must not be negative");
            }
            this.rows = rows;
            this.cols = cols;
        }

        public Builder add(int row, int col, double value) {
            if (row < 0 || row >= rows || col < 0 || col >= cols) {
                throw new IndexOutOfBoundsException("entry (" + row + ", " + col + ") outside " + rows + " x " + cols);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("entry (" + row + ", " + col + ") is not a finite number: " + value);
            }
            if (size == r.length) {
                r = Arrays.copyOf(r, size * 2);
                c = Arrays.copyOf(c, size * 2);
                v = Arrays.copyOf(v, size * 2);
            }
            r[size] = row;
            c[size] = col;
            v[size] = value;
            size++;
            return this;
        }

        public CscMatrix build() {
            int[] count = new int[cols + 1];
            for (int k = 0; k < size; k++) {
                count[c[k] + 1]++;
            }
            for (int j = 0; j < cols; j++) {
                count[j + 1] += count[j];
            }
            int[] next = Arrays.copyOf(count, cols);
            int[] ri = new int[size];
            double[] vv = new double[size];
            for (int k = 0; k < size; k++) {
                int p = next[c[k]]++;
                ri[p] = r[k];
                vv[p] = v[k];
            }
            // sort rows within each column (insertion sort: columns are short) and sum duplicates
            int[] colPtr = new int[cols + 1];
            int out = 0;
            for (int j = 0; j < cols; j++) {
                int lo = count[j];
                int hi = count[j + 1];
                for (int a = lo + 1; a < hi; a++) {
                    int key = ri[a];
                    double val = vv[a];
                    int b = a - 1;
                    while (b >= lo && ri[b] > key) {
                        ri[b + 1] = ri[b];
                        vv[b + 1] = vv[b];
                        b--;
                    }
                    ri[b + 1] = key;
                    vv[b + 1] = val;
                }
                colPtr[j] = out;
                for (int a = lo; a < hi; a++) {
                    if (out > colPtr[j] && ri[out - 1] == ri[a]) {
                        vv[out - 1] += vv[a];
                    } else {
                        ri[out] = ri[a];
                        vv[out] = vv[a];
                        out++;
                    }
                }
            }
            colPtr[cols] = out;
            return new CscMatrix(rows, cols, colPtr, Arrays.copyOf(ri, out), Arrays.copyOf(vv, out));
        }
    }
}
