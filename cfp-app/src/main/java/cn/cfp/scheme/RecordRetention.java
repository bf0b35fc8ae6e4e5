package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/** Record retention rules of a scheme [R-REC-2]. */
public record RecordRetention(List<RetentionRule> rules) implements Summarizable {

    public RecordRetention {
        rules = List.copyOf(rules);
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(rules, r -> r.summary(locale), "; ");
    }
}
