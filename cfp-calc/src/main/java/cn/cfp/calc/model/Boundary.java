package cn.cfp.calc.model;

/** System boundary (R-CALC-2). */
public enum Boundary {
    CRADLE_TO_GATE, CRADLE_TO_GRAVE;

    /** Cradle-to-gate stops at the factory gate: no distribution, use or end of life. */
    public boolean includes(Stage stage) {
        return this == CRADLE_TO_GRAVE || stage.ordinal() <= Stage.PRODUCTION.ordinal();
    }
}
