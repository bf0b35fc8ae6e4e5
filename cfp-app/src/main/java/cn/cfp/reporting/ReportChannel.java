package cn.cfp.reporting;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** How a report reached CNCA: no seed prescribes one ("按有关规定" [000 §11.1]), so the person says which. */
public enum ReportChannel implements Localized {
    /** CNCA's certification and accreditation information platform (全国认证认可信息公共服务平台). */
    CNCA_PLATFORM("认证认可信息平台", "CNCA information platform"),
    EMAIL("电子邮件", "e-mail"),
    LETTER("书面函件", "letter"),
    OTHER("其他", "other");

    private final String zh;
    private final String en;

    ReportChannel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
