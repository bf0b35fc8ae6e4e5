package cn.cfp.scheme;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "At least {@code min} member(s) holding any of {@code anyOf}", optionally full-time and of the product's field.
 */
public record QualificationRequirement(int min, Set<Qualification> anyOf, boolean fullTime, boolean ofField)
        implements Summarizable {

    public QualificationRequirement {
        anyOf = Set.copyOf(anyOf);
    }

    @Override
    public String summary(Locale locale) {
        String q = anyOf.stream().sorted().map(x -> x.label(locale))
                .collect(Collectors.joining(Texts.pick(locale, "或", " or ")));
        String extra = (fullTime ? Texts.pick(locale, "专职", "full-time ") : "")
                + (ofField ? Texts.pick(locale, "相应领域", "of the field ") : "");
        return Texts.pick(locale, "≥ " + min + " 名" + extra + q, "≥ " + min + " " + extra + q);
    }
}
