package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/** Unit(s) of the footprint result, e.g. kgCO2e per functional unit [R-CALC-1]. */
public record ResultUnit(List<String> units, LocalizedText per) implements Summarizable {

    public ResultUnit {
        units = List.copyOf(units);
    }

    @Override
    public String summary(Locale locale) {
        return String.join(" / ", units) + (per == null ? "" : " " + per.in(locale));
    }
}
