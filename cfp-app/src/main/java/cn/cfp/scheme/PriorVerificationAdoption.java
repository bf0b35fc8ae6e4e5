package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Conditions to adopt a prior PCF verification [R-APP-5, R-VER-5] and what an adoption does to the case: it either
 * takes a stage out of the route ({@code waives}) or keeps the stage and simplifies it ({@code simplifies}) — 003 ¶38
 * "可做适当简化": the verification plan becomes a consistency check of the adopted statement against the product, and
 * the on-site verification defaults to none but may still be planned (003 ¶63, ¶67, ¶69 "可不进行现场核查").
 * Exactly one of the two is set.
 */
public record PriorVerificationAdoption(Boolean identicalProductRequired, LocalizedText acceptedBodies,
                                        Integer maxAgeMonths, LocalizedText description, Stage waives,
                                        Stage simplifies) implements Summarizable {

    public PriorVerificationAdoption {
        if ((waives == null) == (simplifies == null)) {
            throw new IllegalArgumentException("exactly one of waives and simplifies is set");
        }
    }

    /** The stage the adoption concerns, whether it waives or simplifies it. */
    public Stage stage() {
        return waives != null ? waives : simplifies;
    }

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
        j.add(simplifies != null
                ? Texts.pick(locale, "采信后核查简化为一致性核查", "adoption simplifies the verification to a consistency check")
                : Texts.pick(locale, "采信后不再核查", "adoption replaces the verification"));
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
