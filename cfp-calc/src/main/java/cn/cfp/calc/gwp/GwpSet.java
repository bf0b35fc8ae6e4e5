package cn.cfp.calc.gwp;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One set of 100-year global warming potentials (R-CALC-3). Gas ids are those of {@code gwp100.csv};
 * plain {@code CH4} is resolved to fossil or non-fossil methane by the caller's origin.
 */
public final class GwpSet {

    private final String name;
    private final String source;
    private final Map<String, Double> byId;
    private final Map<String, String> idByAlias;

    GwpSet(String name, String source, Map<String, Double> byId, Map<String, String> idByAlias) {
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        this.byId = Map.copyOf(byId);
        this.idByAlias = Map.copyOf(idByAlias);
    }

    /** "AR6" or "AR5". */
    public String name() {
        return name;
    }

    /** Bibliographic source of the values. */
    public String source() {
        return source;
    }

    public Set<String> gases() {
        return byId.keySet();
    }

    /**
     * The canonical gas id for a name or alias; plain "CH4" (or "methane") resolves to fossil methane when
     * {@code fossil} is true, else to non-fossil methane.
     */
    public String canonical(String gas, boolean fossil) {
        if (gas == null || gas.isBlank()) {
            throw new IllegalArgumentException("gas name is missing");
        }
        String key = gas.trim().toLowerCase(Locale.ROOT);
        if (key.equals("ch4") || key.equals("methane") || key.equals("甲烷")) {
            return fossil ? "CH4-fossil" : "CH4-non-fossil";
        }
        String id = idByAlias.get(key);
        if (id == null) {
            throw new IllegalArgumentException("unknown greenhouse gas '" + gas + "' (GWP set " + name
                    + " knows: CH4, " + String.join(", ", new java.util.TreeSet<>(byId.keySet())) + ")");
        }
        return id;
    }

    /** kg CO2e per kg of the gas. */
    public double gwp(String gas, boolean fossil) {
        return byId.get(canonical(gas, fossil));
    }

    @Override
    public String toString() {
        return name;
    }
}
