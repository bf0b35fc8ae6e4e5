package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Emission-factor and database priority [R-CALC-4], and the conservative penalty for non-site data [R-CALC-7].
 */
public record DataPriority(List<LocalizedText> factorOrder, List<LocalizedText> databaseOrder,
                           Boolean secondaryDataPenalty, LocalizedText description) implements Summarizable {

    public DataPriority {
        factorOrder = factorOrder == null ? List.of() : List.copyOf(factorOrder);
        databaseOrder = databaseOrder == null ? List.of() : List.copyOf(databaseOrder);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (!factorOrder.isEmpty()) {
            j.add(Texts.join(factorOrder, t -> t.in(locale), " > "));
        }
        if (!databaseOrder.isEmpty()) {
            j.add(Texts.pick(locale, "数据库：", "DB: ") + Texts.join(databaseOrder, t -> t.in(locale), " > "));
        }
        if (Boolean.TRUE.equals(secondaryDataPenalty)) {
            j.add(Texts.pick(locale, "非实景数据保守性惩罚", "conservative penalty for non-site data"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
