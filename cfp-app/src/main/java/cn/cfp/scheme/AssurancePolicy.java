package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Assurance levels offered and whether a materiality threshold is set [R-PLAN-4]. */
public record AssurancePolicy(List<AssuranceLevel> levels, Boolean materialityThresholdRequired,
                              LocalizedText description) implements Summarizable {

    public AssurancePolicy {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (!levels.isEmpty()) {
            j.add(Texts.join(levels, l -> l.label(locale), " / "));
        }
        if (Boolean.TRUE.equals(materialityThresholdRequired)) {
            j.add(Texts.pick(locale, "实质性阈值", "materiality threshold"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
