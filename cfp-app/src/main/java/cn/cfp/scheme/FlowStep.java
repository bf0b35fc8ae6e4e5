package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/**
 * A step of a scheme's certification flow as the seed names it, with the canonical {@link Stage}s it consists of.
 *
 * @param key      the seed's step key (stable for display and history)
 * @param name     the seed's wording
 * @param stages   the canonical stages, in order
 * @param together the stages may be worked in any order or at once (e.g. CNCA's on-site visit: inspection and PCF
 *                 verification, 000 §7.6.1); otherwise they follow one another
 */
public record FlowStep(String key, LocalizedText name, List<Stage> stages, boolean together) {

    public FlowStep {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a flow step needs a stage");
        }
    }

    public String in(Locale locale) {
        return name.in(locale);
    }
}
