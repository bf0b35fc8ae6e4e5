package cn.cfp.calc.footprint;

import cn.cfp.calc.uncertainty.Statistics;
import java.util.List;

/**
 * R-CALC-9: Monte Carlo of the total footprint (kg CO2e per functional unit).
 *
 * @param contributions share of the result variance per uncertain datum: squared Pearson correlation of the datum's
 *                      ln-multiplier with the result, normalised to 100 % (first-order, for roughly linear models)
 */
public record MonteCarloResult(String gwpSet, long seed, int iterations, int threads, double deterministicKgCo2e,
                               Statistics statistics, List<VarianceShare> contributions) {

    public record VarianceShare(String datum, double percent) {
    }
}
