package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/** A scheme's certification flow: the seed's steps in order, each mapped to canonical {@link Stage}s. */
public record Flow(List<FlowStep> steps) implements Summarizable {

    public Flow {
        steps = List.copyOf(steps);
    }

    public boolean contains(Stage stage) {
        return steps.stream().anyMatch(s -> s.stages().contains(stage));
    }

    /** Every canonical stage of the flow, in order. */
    public List<Stage> stages() {
        return steps.stream().flatMap(s -> s.stages().stream()).toList();
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(steps, s -> s.in(locale), " → ");
    }
}
