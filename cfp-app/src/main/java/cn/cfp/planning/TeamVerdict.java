package cn.cfp.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The result of {@link TeamCompositionPolicy}: allowed (with notes), or refused listing every rule that failed. */
public sealed interface TeamVerdict {

    @JsonProperty("reasons")
    List<String> reasons();

    @JsonProperty("allowed")
    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** The team meets every rule; {@code notes} say what the scheme adds (e.g. an expert's time is not counted). */
    record Allowed(List<String> notes) implements TeamVerdict {
        public Allowed {
            notes = List.copyOf(notes);
        }

        @Override
        public List<String> reasons() {
            return List.of();
        }
    }

    /** Every failed rule, bilingual, each citing its clause. */
    record Refused(List<String> reasons) implements TeamVerdict {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
