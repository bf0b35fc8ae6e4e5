package cn.cfp.calc.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.calc.bench.SyntheticInventory;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch re-computation (performance.md: 10,000 products of 400 lines). */
class BatchCalculationTest {

    @Test
    void batch_results_are_in_input_order_and_identical_for_any_thread_count() { // R-CALC-1, performance.md
        List<Inventory> batch = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            batch.add(SyntheticInventory.create(400, 1000 + k % 20));
        }
        List<FootprintResult> one = FootprintCalculator.calculateAll(batch, GwpSets.ar6(), 1);
        List<FootprintResult> two = FootprintCalculator.calculateAll(batch, GwpSets.ar6(), 2);
        List<FootprintResult> three = FootprintCalculator.calculateAll(batch, GwpSets.ar6(), 3);
        assertThat(two).isEqualTo(one);
        assertThat(three).isEqualTo(one);
        for (int k = 0; k < batch.size(); k++) {
            assertThat(one.get(k)).isEqualTo(FootprintCalculator.calculate(batch.get(k), GwpSets.ar6()));
        }
    }

    @Test
    void contributions_are_sorted_by_magnitude_with_ties_in_listing_order() { // R-CALC-1
        FootprintResult r = FootprintCalculator.calculate(SyntheticInventory.create(400, 5), GwpSets.ar6());
        for (int i = 1; i < r.contributions().size(); i++) {
            assertThat(Math.abs(r.contributions().get(i - 1).kgCo2e()))
                    .isGreaterThanOrEqualTo(Math.abs(r.contributions().get(i).kgCo2e()));
        }
        double[] v = {1, -3, 2, 3, 0, -2, 3};
        assertThat(FootprintCalculator.byMagnitude(v)).containsExactly(1, 3, 6, 2, 5, 0, 4);
    }
}
