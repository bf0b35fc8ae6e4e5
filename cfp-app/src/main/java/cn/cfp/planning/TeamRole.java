package cn.cfp.planning;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** A member's role in an inspection/verification team. */
public enum TeamRole implements Localized {
    LEADER("组长", "team leader", true),
    INSPECTOR("检查员", "inspector", true),
    VERIFIER("核查员", "verifier", true),
    /** Supports the team; does not act as verifier and, where the scheme says so, is not counted [001 §9.3.2]. */
    TECHNICAL_EXPERT("技术专家", "technical expert", false),
    /** Takes part under supervision; not counted [004 §9.1]. */
    TRAINEE("实习人员", "trainee", false);

    private final String zh;
    private final String en;
    private final boolean counted;

    TeamRole(String zh, String en, boolean counted) {
        this.zh = zh;
        this.en = en;
        this.counted = counted;
    }

    /** True for the roles that make up the team's inspectors/verifiers (检（核）查员); experts and trainees do not. */
    public boolean counted() {
        return counted;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
