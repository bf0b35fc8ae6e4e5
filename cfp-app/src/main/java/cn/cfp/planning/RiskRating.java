package cn.cfp.planning;

/** The assessed risk of one factor. */
public enum RiskRating {
    LOW, MEDIUM, HIGH;

    public String zh() {
        return switch (this) {
            case LOW -> "低";
            case MEDIUM -> "中";
            case HIGH -> "高";
        };
    }
}
