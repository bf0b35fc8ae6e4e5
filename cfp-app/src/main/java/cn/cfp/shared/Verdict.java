package cn.cfp.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The one result of every rule that can refuse (the named policies): allowed, possibly with notes, or refused with every
 * reason that applies — never just the first. Modelled on ddd-by-examples/library's {@code PlacingOnHoldPolicy}
 * results.
 */
public sealed interface Verdict {

    /** Every reason the rule refused for; empty when allowed. */
    @JsonProperty("reasons")
    List<Reason> reasons();

    /** What the rule notes while allowing (e.g. "an expert's time is not counted"); empty when refused. */
    @JsonProperty("notes")
    List<Reason> notes();

    @JsonProperty("allowed")
    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed(List<Reason> notes) implements Verdict {
        public Allowed {
            notes = List.copyOf(notes);
        }

        @Override
        public List<Reason> reasons() {
            return List.of();
        }
    }

    record Refused(List<Reason> reasons) implements Verdict {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }

        @Override
        public List<Reason> notes() {
            return List.of();
        }
    }

    static Verdict allow() {
        return new Allowed(List.of());
    }

    static Verdict allow(List<Reason> notes) {
        return new Allowed(notes);
    }

    static Verdict refuse(Reason... reasons) {
        return new Refused(List.of(reasons));
    }

    /** Allowed when {@code problems} is empty, otherwise refused with all of them. */
    static Verdict of(List<Reason> problems) {
        return problems.isEmpty() ? allow() : new Refused(problems);
    }

    /** Both rules together: refused with the reasons of either, or allowed with the notes of both. */
    default Verdict and(Verdict other) {
        if (allowed() && other.allowed()) {
            List<Reason> notes = new ArrayList<>(notes());
            notes.addAll(other.notes());
            return allow(notes);
        }
        List<Reason> reasons = new ArrayList<>(reasons());
        reasons.addAll(other.reasons());
        return new Refused(reasons);
    }

    /** Throws a {@link Refusal} with the given HTTP status and every reason when refused. */
    default void orRefuse(int status) {
        if (this instanceof Refused r) {
            throw new Refusal(status, r.reasons());
        }
    }
}
