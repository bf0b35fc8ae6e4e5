package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Emission-factor and database priority [R-CALC-4], the conservative penalty for non-site data [R-CALC-7] and the
 * minimum data quality [R-CALC-6].
 *
 * @param penaltyPercent  the penalty rate on secondary-data emissions in %, where the scheme sets one (null: none stated)
 * @param maximumDqr      the worst acceptable DQR of a datum, where the scheme sets one (null: none stated)
 * @param qualityFailure  the consequence of a datum failing the minimum quality (null: not stated)
 */
public record DataPriority(List<LocalizedText> factorOrder, List<LocalizedText> databaseOrder,
                           Boolean secondaryDataPenalty, LocalizedText description, java.math.BigDecimal penaltyPercent,
                           java.math.BigDecimal maximumDqr, DataQualityFailure qualityFailure) implements Summarizable {

    public DataPriority(List<LocalizedText> factorOrder, List<LocalizedText> databaseOrder, Boolean secondaryDataPenalty,
                        LocalizedText description) {
        this(factorOrder, databaseOrder, secondaryDataPenalty, description, null, null, null);
    }

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
        if (penaltyPercent != null) {
            j.add(Texts.pick(locale, "惩罚比例 ", "penalty ") + Texts.num(penaltyPercent) + " %");
        }
        if (maximumDqr != null) {
            j.add("DQR ≤ " + Texts.num(maximumDqr));
        }
        if (qualityFailure != null) {
            j.add(Texts.pick(locale, "数据质量不满足最低要求：", "data below the minimum quality: ") + qualityFailure.label(locale));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
