package cn.cfp.reporting;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** What a fee is charged per (收费依据). */
public enum FeeBasis implements Localized {
    PER_APPLICATION("每次申请", "per application"),
    PER_MAN_DAY("每人日", "per man-day"),
    PER_CERTIFICATE("每张证书", "per certificate"),
    PER_UNIT("每认证单元", "per certification unit"),
    PER_YEAR("每年", "per year");

    private final String zh;
    private final String en;

    FeeBasis(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
