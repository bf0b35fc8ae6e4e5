package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/** An ordered list of steps: the certification mode's elements or the certification flow. */
public record ProcedureSteps(List<Step> steps) implements Summarizable {

    public ProcedureSteps {
        steps = List.copyOf(steps);
    }

    public boolean contains(String key) {
        return steps.stream().anyMatch(s -> s.key().equals(key));
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(steps, s -> s.in(locale), " → ");
    }
}
