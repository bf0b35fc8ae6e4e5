package cn.cfp.calc.unit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The units the engine knows, by symbol (case-sensitive first, then case-insensitive aliases). */
public final class Units {

    private static final Map<String, Unit> BY_SYMBOL;
    private static final Map<String, Unit> BY_LOWER;

    public static final Unit KG;
    public static final Unit MJ;
    public static final Unit KWH;
    public static final Unit TKM;

    static {
        Map<String, Unit> m = new LinkedHashMap<>();
        // mass, base kg
        add(m, Dimension.MASS, 1, "kg");
        add(m, Dimension.MASS, 1e-3, "g");
        add(m, Dimension.MASS, 1e-6, "mg");
        add(m, Dimension.MASS, 1e3, "t", "tonne");
        add(m, Dimension.MASS, 0.45359237, "lb");
        // energy, base MJ
        add(m, Dimension.ENERGY, 1, "MJ");
        add(m, Dimension.ENERGY, 1e-6, "J");
        add(m, Dimension.ENERGY, 1e-3, "kJ");
        add(m, Dimension.ENERGY, 1e3, "GJ");
        add(m, Dimension.ENERGY, 1e6, "TJ");
        add(m, Dimension.ENERGY, 0.0036, "Wh");
        add(m, Dimension.ENERGY, 3.6, "kWh", "度");
        add(m, Dimension.ENERGY, 3600, "MWh");
        add(m, Dimension.ENERGY, 3.6e6, "GWh");
        // volume, base m3
        add(m, Dimension.VOLUME, 1, "m3", "m³");
        add(m, Dimension.VOLUME, 1e-3, "L", "l");
        add(m, Dimension.VOLUME, 1e-6, "mL", "ml");
        add(m, Dimension.VOLUME, 1e-6, "cm3");
        // distance, base km
        add(m, Dimension.DISTANCE, 1, "km");
        add(m, Dimension.DISTANCE, 1e-3, "m");
        add(m, Dimension.DISTANCE, 1.609344, "mi");
        // transport work, base tkm
        add(m, Dimension.TRANSPORT, 1, "tkm", "t*km", "t·km");
        add(m, Dimension.TRANSPORT, 1e-3, "kgkm", "kg*km");
        // area, base m2
        add(m, Dimension.AREA, 1, "m2", "m²");
        add(m, Dimension.AREA, 1e-4, "cm2");
        add(m, Dimension.AREA, 1e-6, "mm2");
        add(m, Dimension.AREA, 1e4, "ha");
        add(m, Dimension.AREA, 1e6, "km2");
        // pieces, base p
        add(m, Dimension.PIECES, 1, "p", "pcs", "piece", "item", "unit", "个", "件", "台");
        // time, base h
        add(m, Dimension.TIME, 1, "h");
        add(m, Dimension.TIME, 1.0 / 3600, "s");
        add(m, Dimension.TIME, 1.0 / 60, "min");
        add(m, Dimension.TIME, 24, "d", "day");
        add(m, Dimension.TIME, 8760, "a", "yr", "year");
        // area x time, base m2*a
        add(m, Dimension.AREA_TIME, 1, "m2*a", "m2a");
        // money, base CNY (no exchange rates: other currencies are not convertible)
        add(m, Dimension.MONEY, 1, "CNY", "RMB", "元");
        add(m, Dimension.MONEY, 1e4, "万元");
        BY_SYMBOL = Collections.unmodifiableMap(m);
        Map<String, Unit> lower = new LinkedHashMap<>();
        m.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), v));
        BY_LOWER = Collections.unmodifiableMap(lower);
        KG = m.get("kg");
        MJ = m.get("MJ");
        KWH = m.get("kWh");
        TKM = m.get("tkm");
    }

    private Units() {
    }

    private static void add(Map<String, Unit> m, Dimension d, double toBase, String symbol, String... aliases) {
        Unit u = new Unit(symbol, d, toBase);
        m.put(symbol, u);
        for (String a : aliases) {
            m.put(a, u);
        }
    }

    /** The unit with this symbol, or empty. Exact match first ("m" is metre, "M" unknown), then case-insensitive. */
    public static Optional<Unit> find(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String s = symbol.trim();
        Unit u = BY_SYMBOL.get(s);
        if (u == null) {
            u = BY_LOWER.get(s.toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.ofNullable(u);
    }

    /** The unit with this symbol; unknown symbols are refused with the list of known ones. */
    public static Unit of(String symbol) {
        return find(symbol).orElseThrow(() -> new IllegalArgumentException(
                "unknown unit '" + symbol + "'; known units: " + String.join(", ", BY_SYMBOL.keySet())));
    }

    public static Map<String, Unit> all() {
        return BY_SYMBOL;
    }
}
