package cn.cfp.planning;

import cn.cfp.shared.Localized;
import java.util.Locale;

/**
 * The client's answer to a revision of the on-site plan [001 §9.6.2 "发给受核查方确认"; 003 ¶36 "与认证委托方商定";
 * 004 §9.4.3 "交申请组织进行确认"]: it confirms it, or asks for a change (with its reason), which the planner answers with
 * a new revision.
 */
public enum ClientAnswer implements Localized {
    CONFIRMED("已确认", "confirmed"),
    CHANGE_REQUESTED("要求变更", "change requested");

    private final String zh;
    private final String en;

    ClientAnswer(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
