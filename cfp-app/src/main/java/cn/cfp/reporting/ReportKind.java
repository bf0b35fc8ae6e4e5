package cn.cfp.reporting;

import cn.cfp.certificate.CertificateStatus;
import cn.cfp.shared.Localized;
import java.util.Locale;

/** What is reported to CNCA [decision D5]: each issuance, change and status change of a certificate. */
public enum ReportKind implements Localized {
    ISSUE("发证", "issue"),
    /** A new version of an issued number (换证: same number, version + 1). */
    CHANGE("变更", "change"),
    SUSPENSION("暂停", "suspension"),
    RESTORATION("恢复", "restoration"),
    REVOCATION("撤销", "revocation"),
    CANCELLATION("注销", "cancellation"),
    EXPIRY("过期失效", "expiry"),
    /** Validity ended by the 5 %/10 % rule [decision D3]. */
    ENDED("证书时效终止", "validity ended");

    private final String zh;
    private final String en;

    ReportKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The report a status change makes: back to VALID is a restoration. */
    public static ReportKind of(CertificateStatus status) {
        return switch (status) {
            case VALID -> RESTORATION;
            case SUSPENDED -> SUSPENSION;
            case REVOKED -> REVOCATION;
            case CANCELLED -> CANCELLATION;
            case EXPIRED -> EXPIRY;
            case ENDED -> ENDED;
        };
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
