package cn.cfp.planning;

/** The assessed risk of one factor. */
public enum RiskRating implements cn.cfp.shared.Localized {
    LOW, MEDIUM, HIGH;

    public String zh() {
        return switch (this) {
            case LOW -> "低";
            case MEDIUM -> "中";
            case HIGH -> "高";
        };
    }

    public String en() {
        return switch (this) {
            case LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH -> "high";
        };
    }

    /** The name in the reader's language (issue 8 item 12: no Chinese on English pages, no raw codes). */
    @Override
    public String label(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en() : zh();
    }
}
