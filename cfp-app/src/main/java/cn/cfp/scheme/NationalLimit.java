package cn.cfp.scheme;

import java.util.Locale;

/**
 * A national limit of the base scheme that binds a CFP-label body scheme [decision D1]: the body's own value, the base
 * value and the effective value the platform applies, with both clauses. A body may be stricter than the base, never
 * looser, unless its file records a {@link Deviation} (reason, decided by, date), which the scheme pages display.
 *
 * @param kind       how the base value binds
 * @param bodyValue  the value the body's file states (null: not stated / left to a document not in the seed)
 * @param bodyCite   the body's clause
 * @param baseValue  the base scheme's value
 * @param baseCite   the base scheme's clause
 * @param effective  the value the platform applies (also the scheme's {@link Cited#value()})
 * @param deviation  an accepted looser body value, or null
 */
public record NationalLimit(Kind kind, Object bodyValue, String bodyCite, Object baseValue, String baseCite, Object effective,
                            Deviation deviation) {

    /** How a base value binds a CFP-label body scheme (YAML key {@code nationalLimit} on the base file's entry). */
    public enum Kind {
        /** a maximum: the body may state less, never more; a body that states nothing gets the base value [000 §9.1.1, §9.1.5]. */
        AT_MOST,
        /** a minimum: the body may state more, never less [000 §9.1.6]. */
        AT_LEAST,
        /** the base value applies; the body's value is shown as its practice (D1 renewal) [000 §9.1.1]. */
        BASE,
        /** both apply: the base rules plus the body's own (D1 team) [000 §7.3.2]. */
        BOTH
    }

    /** A looser body value accepted on purpose: why, by whom, when. */
    public record Deviation(LocalizedText reason, String decidedBy, String date) {
        public String summary(Locale locale) {
            return Texts.pick(locale, "偏离国家规则：", "deviation from the national rule: ") + reason.in(locale)
                    + " (" + decidedBy + ", " + date + ")";
        }
    }

    /** True when the effective value differs from what the body's file states (the national value was applied). */
    public boolean applied() {
        return deviation == null && !java.util.Objects.equals(bodyValue, effective);
    }
}
