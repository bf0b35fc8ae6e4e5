package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Man-day rules of a scheme [R-PLAN-3]: fixed minima/ranges, tables by a counted driver, and limits.
 *
 * @param basis                        what one computation covers (per site, per unit, per project)
 * @param maxReductionPercent          largest allowed reduction of the table time, e.g. 30 [004 §9.4]
 * @param docReviewMaxPercentOfTotal   document check share cap, e.g. 20 [004 §9.3]
 */
public record ManDayTable(Basis basis, List<ManDayRule> rules, List<ManDayBandTable> tables,
                          BigDecimal maxReductionPercent, BigDecimal docReviewMaxPercentOfTotal,
                          LocalizedText description) implements Summarizable {

    public enum Basis {
        PER_SITE("每个生产场所", "per site"), PER_UNIT("每个认证单元", "per certification unit"),
        PER_PROJECT("每个项目", "per project");

        private final String zh;
        private final String en;

        Basis(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(Locale locale) {
            return LocalizedText.english(locale) ? en : zh;
        }
    }

    public ManDayTable {
        rules = rules == null ? List.of() : List.copyOf(rules);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public Optional<ManDayRule> rule(ManDayActivity activity) {
        return rules.stream().filter(r -> r.activity() == activity).findFirst();
    }

    public Optional<ManDayBandTable> table(ManDayBandTable.Driver driver) {
        return tables.stream().filter(t -> t.driver() == driver).findFirst();
    }

    /** The bands of every table with this driver that cover {@code count}. */
    public List<ManDayBand> bandsFor(ManDayBandTable.Driver driver, int count) {
        return tables.stream().filter(t -> t.driver() == driver).flatMap(t -> t.bandFor(count).stream()).toList();
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        rules.forEach(r -> j.add(r.summary(locale)));
        tables.forEach(t -> j.add(t.summary(locale)));
        if (maxReductionPercent != null) {
            j.add(Texts.pick(locale, "减少 ≤ " + Texts.num(maxReductionPercent) + "%",
                    "reduction ≤ " + Texts.num(maxReductionPercent) + " %"));
        }
        if (docReviewMaxPercentOfTotal != null) {
            j.add(Texts.pick(locale, "文件审定 ≤ 总人天 " + Texts.num(docReviewMaxPercentOfTotal) + "%",
                    "document check ≤ " + Texts.num(docReviewMaxPercentOfTotal) + " % of total"));
        }
        if (basis != null) {
            j.add(basis.label(locale));
        }
        return j.toString();
    }
}
