package cn.cfp.personnel;

import java.util.Locale;

/**
 * Competence levels of CGC-R52003 ¶12 (downward compatible: a higher level includes the lower ones):
 * 了解 (attended training), 掌握 (training and a passed exam), 熟练具备 (≥ 3 projects, no exam needed).
 */
public enum CompetenceLevel {
    AWARE("了解", "aware"), PROFICIENT("掌握", "proficient"), EXPERT("熟练具备", "expert");

    /** Projects that make a person 熟练具备 [003 ¶12]. */
    public static final int EXPERT_MIN_PROJECTS = 3;

    private final String zh;
    private final String en;

    CompetenceLevel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public boolean atLeast(CompetenceLevel other) {
        return ordinal() >= other.ordinal();
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
