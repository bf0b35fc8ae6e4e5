package cn.cfp.scheme;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One row of a man-day table: counts in ({@code above}, {@code upTo}] ({@code upTo} null = no upper bound).
 * {@code caseByCase} rows have no fixed numbers (e.g. "> 100 by case" [004 App. A]).
 */
public record ManDayBand(int above, Integer upTo, Map<ManDayActivity, ManDayRange> manDays, boolean caseByCase,
                         LocalizedText note) implements Summarizable {

    public ManDayBand {
        manDays = manDays == null ? Map.of() : Map.copyOf(manDays);
    }

    public boolean covers(int count) {
        return count > above && (upTo == null || count <= upTo);
    }

    public String rangeText() {
        return upTo == null ? "> " + above : (above == 0 ? "≤ " + upTo : above + "–" + upTo);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner(", ");
        manDays.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> j.add(e.getKey().label(locale) + " " + e.getValue().text()));
        if (caseByCase) {
            j.add(Texts.pick(locale, "视情况确定", "case by case"));
        }
        return rangeText() + ": " + j;
    }
}
