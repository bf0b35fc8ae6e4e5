package cn.cfp.planning;

/** Strategic analysis of the verification's complexity [003 ¶39–40]: when it cannot be determined, it is high. */
public enum Complexity implements cn.cfp.shared.Localized {
    LOW("低", "low"), MEDIUM("中", "medium"), HIGH("高", "high"), UNCLEAR("无法清晰确定", "cannot be determined");

    public static final String CITE = "003 ¶40";

    private final String zh;
    private final String en;

    Complexity(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** "在无法清晰确定复杂程度的情况下，应视为高复杂程度" [003 ¶40]. */
    public Complexity effective() {
        return this == UNCLEAR ? HIGH : this;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The name in the reader's language (issue 8 item 12: no Chinese on English pages, no raw codes). */
    @Override
    public String label(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en() : zh();
    }
}
