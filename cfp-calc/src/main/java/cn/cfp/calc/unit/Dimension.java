package cn.cfp.calc.unit;

/** Physical dimension of a unit; amounts convert only within one dimension. */
public enum Dimension {
    MASS("kg"), ENERGY("MJ"), VOLUME("m3"), DISTANCE("km"), TRANSPORT("tkm"), AREA("m2"),
    PIECES("p"), TIME("h"), AREA_TIME("m2*a"), MONEY("CNY");

    private final String baseSymbol;

    Dimension(String baseSymbol) {
        this.baseSymbol = baseSymbol;
    }

    /** Symbol of the base unit that every other unit of this dimension converts through. */
    public String baseSymbol() {
        return baseSymbol;
    }
}
