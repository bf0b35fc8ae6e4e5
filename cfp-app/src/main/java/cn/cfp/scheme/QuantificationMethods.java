package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Allowed quantification methods, and the preferred ones [R-CALC-1]. Empty = per the certification basis. */
public record QuantificationMethods(List<QuantificationMethod> methods, List<QuantificationMethod> preferred,
                                    LocalizedText description) implements Summarizable {

    public QuantificationMethods {
        methods = methods == null ? List.of() : List.copyOf(methods);
        preferred = preferred == null ? List.of() : List.copyOf(preferred);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (!methods.isEmpty()) {
            j.add(Texts.join(methods, m -> m.label(locale), ", "));
        }
        if (!preferred.isEmpty()) {
            j.add(Texts.pick(locale, "优先", "prefer ") + Texts.join(preferred, m -> m.label(locale), ", "));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
