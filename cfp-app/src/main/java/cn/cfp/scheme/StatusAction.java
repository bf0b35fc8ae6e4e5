package cn.cfp.scheme;

import java.util.Locale;

/** What happens to a certificate or a certification when a rule is broken [R-LIFE-1]. */
public enum StatusAction {
    SUSPEND("暂停", "suspend"), REVOKE("撤销", "revoke"), FAIL("不通过", "fail"), REASSESS("重新认证", "re-certify");

    private final String zh;
    private final String en;

    StatusAction(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return LocalizedText.english(locale) ? en : zh;
    }
}
