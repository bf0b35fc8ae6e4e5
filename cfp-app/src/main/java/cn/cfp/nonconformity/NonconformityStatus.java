package cn.cfp.nonconformity;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** Where one nonconformity stands. Only {@link #CLOSED} is not open. */
public enum NonconformityStatus implements Localized {
    /** Raised by the team, not yet issued to the client. */
    RAISED("已提出", "raised"),
    /** Issued to the client in a list; awaiting the client's answer. */
    ISSUED("已下发", "issued"),
    /** The client answered (correction, corrective action, evidence); awaiting the team's verification. */
    ANSWERED("已回复", "answered"),
    /** Verified effective by the team and closed. */
    CLOSED("已关闭", "closed");

    private final String zh;
    private final String en;

    NonconformityStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public boolean open() {
        return this != CLOSED;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
