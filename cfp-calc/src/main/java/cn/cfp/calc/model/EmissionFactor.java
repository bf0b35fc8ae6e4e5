package cn.cfp.calc.model;

import cn.cfp.calc.unit.Unit;
import java.util.List;

/**
 * An emission factor: kg of each gas per {@code unit} of activity (R-CALC-1, R-CALC-4).
 *
 * @param flow the flow it serves (e.g. "electricity"); an input naming the flow lets the priority rule choose
 */
public record EmissionFactor(String id, String name, String flow, Unit unit, List<GasAmount> gases, String source,
                             String version, Integer year, String region, FactorType type, DatabaseTier database,
                             DataQuality quality, Uncertainty uncertainty) {

    public EmissionFactor {
        id = Check.text(id, "emission factor id");
        String what = "emission factor '" + id + "'";
        name = name == null || name.isBlank() ? id : name.trim();
        Check.notNull(unit, what + ": unit");
        gases = Check.list(gases);
        if (gases.isEmpty()) {
            throw new InvalidInventoryException(what + ": no gas amounts (give co2e or gases)");
        }
        type = Check.notNull(type, what + ": type (MEASURED, SUPPLIER, REGIONAL, NATIONAL or INTERNATIONAL)");
        database = database == null ? DatabaseTier.OTHER : database;
        quality = quality == null ? DataQuality.NONE : quality;
    }
}
