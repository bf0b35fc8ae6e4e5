package cn.cfp.reporting;

import java.math.BigDecimal;
import java.util.Locale;

/** One line of the fee schedule: the item's name (zh/en), what it is charged per, the amount in CNY, a note. */
public record FeeItem(String nameZh, String nameEn, FeeBasis basis, BigDecimal amountCny, String noteZh, String noteEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public String note(Locale locale) {
        return "en".equals(locale.getLanguage()) ? noteEn : noteZh;
    }
}
