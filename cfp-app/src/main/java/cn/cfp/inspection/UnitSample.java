package cn.cfp.inspection;

import java.time.Instant;
import java.util.List;

/** The products/batches the enterprise confirmed as conforming for a unit and the sample drawn from them [000 §7.5.3]. */
public record UnitSample(long unitId, List<String> confirmed, Integer sampleSize, List<String> sample, String drawnBy,
                         Instant drawnAt, int version) {

    public UnitSample {
        confirmed = List.copyOf(confirmed);
        sample = sample == null ? List.of() : List.copyOf(sample);
    }
}
