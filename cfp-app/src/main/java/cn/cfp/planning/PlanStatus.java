package cn.cfp.planning;

/**
 * Where a plan stands: DRAFT → TEAM_PROPOSED (the client is told names and roles) → (OBJECTED → TEAM_PROPOSED)
 * → APPROVED → SENT. Changing an approved plan withdraws the approval (APPROVED → TEAM_PROPOSED).
 */
public enum PlanStatus {
    DRAFT, TEAM_PROPOSED, OBJECTED, APPROVED, SENT;

    public String zh() {
        return switch (this) {
            case DRAFT -> "草稿";
            case TEAM_PROPOSED -> "已告知检查组";
            case OBJECTED -> "委托方有异议";
            case APPROVED -> "已批准";
            case SENT -> "已发送委托方";
        };
    }
}
