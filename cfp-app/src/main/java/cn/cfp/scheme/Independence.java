package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/** The independence rules of a scheme [R-PER-3]. */
public record Independence(List<IndependenceRequirement> rules) implements Summarizable {

    public Independence {
        rules = List.copyOf(rules);
    }

    public boolean requires(IndependenceRule rule) {
        return rules.stream().anyMatch(r -> r.rule() == rule);
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(rules, r -> r.text().in(locale), "; ");
    }
}
