package cn.cfp.scheme;

import java.util.Locale;

/**
 * What happens to a datum whose quality fails the scheme's minimum: it may not be used in the verification
 * [000 §7.6.2], or the certification result is fail [003 ¶22].
 */
public enum DataQualityFailure {
    UNUSABLE("不得用于核查（须替换或更正）", "may not be used in the verification (replace or correct it)"),
    FAIL("认证结果为不通过", "the certification result is fail");

    private final String zh;
    private final String en;

    DataQualityFailure(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return Texts.pick(locale, zh, en);
    }
}
