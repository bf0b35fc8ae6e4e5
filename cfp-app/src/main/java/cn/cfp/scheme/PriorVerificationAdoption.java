package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/** Conditions to adopt a prior PCF verification [R-APP-5, R-VER-5]; an adoption takes {@code waives} out of the case's route. */
public record PriorVerificationAdoption(Boolean identicalProductRequired, LocalizedText acceptedBodies,
                                        Integer maxAgeMonths, LocalizedText description, Stage waives) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (Boolean.TRUE.equals(identicalProductRequired)) {
            j.add(Texts.pick(locale, "产品完全一致", "identical product"));
        }
        Texts.add(j, Texts.text(acceptedBodies, locale));
        if (maxAgeMonths != null) {
            j.add(Texts.pick(locale, "核查陈述签发于申请前 " + maxAgeMonths + " 个月内",
                    "statement ≤ " + maxAgeMonths + " months before the application"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
