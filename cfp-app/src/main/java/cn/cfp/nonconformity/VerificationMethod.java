package cn.cfp.nonconformity;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** How the team verified a client's answer: in writing, or on site (001 §9.6.5 "书面验证，必要时现场验证"; 004 §9.7). */
public enum VerificationMethod implements Localized {
    WRITTEN("书面验证", "written"),
    ON_SITE("现场验证", "on site");

    private final String zh;
    private final String en;

    VerificationMethod(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
