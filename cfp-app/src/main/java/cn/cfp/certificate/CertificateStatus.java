package cn.cfp.certificate;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** Where a certificate stands [back-half §7]: valid, or one of the states the public must be told of in red. */
public enum CertificateStatus implements Localized {
    VALID("有效", "valid"),
    SUSPENDED("暂停", "suspended"),
    REVOKED("撤销", "revoked"),
    CANCELLED("注销", "cancelled"),
    EXPIRED("过期失效", "expired"),
    /** Validity ended by the 5 %/10 % rule (认证结果即时失效 / 证书时效终止) [decision D3]. */
    ENDED("证书时效终止", "validity ended");

    private final String zh;
    private final String en;

    CertificateStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
