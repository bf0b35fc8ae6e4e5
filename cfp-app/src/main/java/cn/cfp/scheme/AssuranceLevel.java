package cn.cfp.scheme;

import java.util.Locale;

/** Verification assurance levels [004 §7]. */
public enum AssuranceLevel {
    REASONABLE("合理保证", "reasonable"), LIMITED("有限保证", "limited");

    private final String zh;
    private final String en;

    AssuranceLevel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return LocalizedText.english(locale) ? en : zh;
    }
}
