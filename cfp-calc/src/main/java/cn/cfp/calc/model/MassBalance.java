package cn.cfp.calc.model;

import java.util.List;

/**
 * Mass-balance method (R-CALC-1): CO2 = (carbon in − carbon out) × 44/12, per reference output of the process.
 * A negative balance (carbon stored) is a removal.
 */
public record MassBalance(String name, List<CarbonFlow> carbonIn, List<CarbonFlow> carbonOut, Origin origin,
                          Stage stage, DataQuality quality, Uncertainty uncertainty) {

    public MassBalance {
        name = Check.text(name, "mass balance name");
        carbonIn = Check.list(carbonIn);
        carbonOut = Check.list(carbonOut);
        origin = origin == null ? Origin.FOSSIL : origin;
        quality = quality == null ? DataQuality.NONE : quality;
    }
}
