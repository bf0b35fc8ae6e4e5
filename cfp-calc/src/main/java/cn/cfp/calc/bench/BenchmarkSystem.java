package cn.cfp.calc.bench;

import cn.cfp.calc.matrix.CscMatrix;

/**
 * A generated benchmark system: technology matrix A, emissions B (gas × process, stored per entry),
 * GWP per gas, demand = one unit of process 0.
 *
 * @param bGas     gas index of each emission entry
 * @param bProcess process (column) of each emission entry
 * @param bValue   kg of gas per unit of the process
 */
public record BenchmarkSystem(Family family, int n, CscMatrix a, int[] bGas, int[] bProcess, double[] bValue,
                              double[] gwp) {

    /** Characterised intensity per process: h[j] = Σ_f B[f][j] · GWP_f. */
    public double[] intensity() {
        double[] h = new double[n];
        for (int k = 0; k < bValue.length; k++) {
            h[bProcess[k]] += bValue[k] * gwp[bGas[k]];
        }
        return h;
    }

    public double[] demand() {
        double[] f = new double[n];
        f[0] = 1;
        return f;
    }
}
