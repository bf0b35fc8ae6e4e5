package cn.cfp.calc.label;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.calc.label.PeriodComparison.Verdict;
import org.junit.jupiter.api.Test;

class PeriodComparisonTest {

    @Test
    void planned_change_of_five_percent_or_more_lasting_over_three_months_invalidates() { // R-CALC-11
        assertThat(PeriodComparison.compare(100, 105, true, 4).verdict()).isEqualTo(Verdict.CERTIFICATE_INVALID);
        assertThat(PeriodComparison.compare(100, 104.99, true, 12).verdict()).isEqualTo(Verdict.INCREASE_WITHIN_LIMIT);
        assertThat(PeriodComparison.compare(100, 105, true, 3).verdict())
                .isEqualTo(Verdict.INCREASE_AT_OR_ABOVE_LIMIT_NOT_YET_LASTING);
    }

    @Test
    void unplanned_change_of_ten_percent_or_more_lasting_over_three_months_invalidates() { // R-CALC-11
        assertThat(PeriodComparison.compare(100, 110, false, 4).verdict()).isEqualTo(Verdict.CERTIFICATE_INVALID);
        assertThat(PeriodComparison.compare(100, 109.9, false, 4).verdict()).isEqualTo(Verdict.INCREASE_WITHIN_LIMIT);
        assertThat(PeriodComparison.compare(100, 107, false, 12).verdict()).isEqualTo(Verdict.INCREASE_WITHIN_LIMIT);
        assertThat(PeriodComparison.compare(1.1, 1.21, false, 4).verdict()).isEqualTo(Verdict.CERTIFICATE_INVALID);
    }

    @Test
    void a_decrease_is_reported_as_such() { // R-CALC-11
        var o = PeriodComparison.compare(100, 90, false, 6);
        assertThat(o.verdict()).isEqualTo(Verdict.DECREASED);
        assertThat(o.changePercent()).isEqualTo(-10.0);
    }
}
