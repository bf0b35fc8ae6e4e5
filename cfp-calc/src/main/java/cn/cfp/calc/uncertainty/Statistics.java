package cn.cfp.calc.uncertainty;

import java.util.Arrays;

/**
 * Summary of Monte Carlo results: mean, sample standard deviation and percentiles 2.5, 5, 50, 95, 97.5
 * (linear interpolation between order statistics, "type 7").
 */
public record Statistics(int iterations, double mean, double sd, double p2_5, double p5, double p50, double p95,
                         double p97_5) {

    public static Statistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no Monte Carlo results to summarize");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Statistics(n, mean, sd, pct(sorted, 2.5), pct(sorted, 5), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 97.5));
    }

    static double pct(double[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
