package cn.cfp.planning;

/**
 * Where a plan stands: DRAFT → TEAM_PROPOSED (the client is told names and roles) → (OBJECTED → TEAM_PROPOSED)
 * → APPROVED → SENT → VISIT_STARTED. Changing an approved plan withdraws the approval (APPROVED → TEAM_PROPOSED). While
 * SENT the client confirms each revision of the on-site plan or asks for a change, and the planner may send revisions;
 * the visit starts only when the scheme's confirmation rule allows it ({@link ClientConfirmationPolicy}).
 */
public enum PlanStatus {
    DRAFT, TEAM_PROPOSED, OBJECTED, APPROVED, SENT, VISIT_STARTED;

    /** The plan has reached the client (sent, or the visit under way). */
    public boolean sent() {
        return this == SENT || this == VISIT_STARTED;
    }

    public String zh() {
        return switch (this) {
            case DRAFT -> "草稿";
            case TEAM_PROPOSED -> "已告知检查组";
            case OBJECTED -> "委托方有异议";
            case APPROVED -> "已批准";
            case SENT -> "已发送委托方";
            case VISIT_STARTED -> "现场已开始";
        };
    }
}
