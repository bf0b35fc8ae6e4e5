package cn.cfp.report;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** The verification conclusion a report states [001 §9.6.7 5) a]. */
public enum ReportConclusion implements Localized {
    POSITIVE("肯定的核查结论", "positive conclusion"),
    NEGATIVE("否定的核查结论", "negative conclusion");

    private final String zh;
    private final String en;

    ReportConclusion(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
