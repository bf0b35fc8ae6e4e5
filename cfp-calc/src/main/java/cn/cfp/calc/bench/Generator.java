package cn.cfp.calc.bench;

import cn.cfp.calc.matrix.CscMatrix;
import cn.cfp.calc.uncertainty.SplitMix64;

/**
 * Generates the benchmark systems of docs/spec performance.md with SplitMix64 (state 42 by default).
 *
 * <p>RANDOM and BAND follow the spec exactly: for each process j: A[j][j] = 1; m = 5 + nextInt(6) inputs; m times
 * draw a supplier i (RANDOM: nextInt(n); BAND: (j + 1 + nextInt(100)) mod n), redrawing while i == j or i was
 * already drawn for this column; A[i][j] = −(0.001 + 0.089 · nextDouble()). Then, after all of A, for each j and
 * each gas f of (CO2, CH4, N2O, HFC-134a, SF6): r = nextDouble(); if r &lt; p_f, B[f][j] = lo_f + (hi_f − lo_f) ·
 * nextDouble().
 *
 * <p>LCA (our definition; the spec only sketches it): H = max(10, n / 100) hub processes (energy, transport,
 * chemicals…) are the last H indices. For each process j: A[j][j] = 1; m = 5 + nextInt(6) inputs; each draw takes
 * r = nextDouble(): r &lt; 0.30 → a hub, n − H + nextInt(H); 0.30 ≤ r &lt; 0.32 → a back-edge to a downstream
 * process nextInt(j) (creates loops; when j = 0, a hub instead); otherwise an upstream process
 * j + 1 + nextInt(min(200, n − H − j − 1)) when such exists, else a hub. Hubs therefore supply each other and
 * everything, product processes form a mostly upstream graph with 2 % loop-closing edges. Redraw while i == j or
 * i was already drawn (at most 100 tries, then the input is skipped). Coefficients and emissions as above.
 */
public final class Generator {

    static final double[] P = {1, 0.5, 0.3, 0.05, 0.02};
    static final double[] LO = {0.1, 1e-3, 1e-4, 1e-6, 1e-7};
    static final double[] HI = {10, 0.1, 1e-2, 1e-4, 1e-5};
    /** AR6 GWP of CO2, CH4 (fossil), N2O, HFC-134a, SF6 as used in performance.md. */
    public static final double[] GWP = {1, 29.8, 273, 1530, 25200};
    public static final String[] GASES = {"CO2", "CH4", "N2O", "HFC-134a", "SF6"};

    private Generator() {
    }

    public static BenchmarkSystem generate(Family family, int n) {
        return generate(family, n, 42);
    }

    public static BenchmarkSystem generate(Family family, int n, long seed) {
        if (n < 12) {
            throw new IllegalArgumentException("benchmark systems need at least 12 processes, got " + n);
        }
        SplitMix64 rng = new SplitMix64(seed);
        int hubs = Math.max(10, n / 100);
        CscMatrix.Builder b = CscMatrix.builder(n, n);
        int[] drawn = new int[16];
        for (int j = 0; j < n; j++) {
            b.add(j, j, 1.0);
            int m = 5 + rng.nextInt(6);
            int count = 0;
            for (int k = 0; k < m; k++) {
                int i = -1;
                for (int tries = 0; tries < 100; tries++) {
                    int cand = switch (family) {
                        case RANDOM -> rng.nextInt(n);
                        case BAND -> (j + 1 + rng.nextInt(100)) % n;
                        case LCA -> lcaSupplier(rng, j, n, hubs);
                    };
                    if (cand != j && !contains(drawn, count, cand)) {
                        i = cand;
                        break;
                    }
                    if (family != Family.LCA) {
                        tries = 0; // the spec redraws without limit
                    }
                }
                if (i < 0) {
                    continue;
                }
                drawn[count++] = i;
                b.add(i, j, -(0.001 + 0.089 * rng.nextDouble()));
            }
        }
        CscMatrix a = b.build();
        int cap = n * 2;
        int[] g = new int[cap];
        int[] pr = new int[cap];
        double[] v = new double[cap];
        int size = 0;
        for (int j = 0; j < n; j++) {
            for (int f = 0; f < 5; f++) {
                double r = rng.nextDouble();
                if (r < P[f]) {
                    if (size == g.length) {
                        g = java.util.Arrays.copyOf(g, size * 2);
                        pr = java.util.Arrays.copyOf(pr, size * 2);
                        v = java.util.Arrays.copyOf(v, size * 2);
                    }
                    g[size] = f;
                    pr[size] = j;
                    v[size] = LO[f] + (HI[f] - LO[f]) * rng.nextDouble();
                    size++;
                }
            }
        }
        return new BenchmarkSystem(family, n, a, java.util.Arrays.copyOf(g, size), java.util.Arrays.copyOf(pr, size),
                java.util.Arrays.copyOf(v, size), GWP.clone());
    }

    private static int lcaSupplier(SplitMix64 rng, int j, int n, int hubs) {
        double r = rng.nextDouble();
        if (r < 0.30) {
            return n - hubs + rng.nextInt(hubs);
        }
        if (r < 0.32) {
            return j > 0 ? rng.nextInt(j) : n - hubs + rng.nextInt(hubs);
        }
        int room = Math.min(200, n - hubs - j - 1);
        if (room > 0) {
            return j + 1 + rng.nextInt(room);
        }
        return n - hubs + rng.nextInt(hubs);
    }

    private static boolean contains(int[] a, int len, int v) {
        for (int k = 0; k < len; k++) {
            if (a[k] == v) {
                return true;
            }
        }
        return false;
    }
}
