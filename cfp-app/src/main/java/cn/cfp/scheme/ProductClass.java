package cn.cfp.scheme;

import cn.cfp.shared.Localized;
import java.util.Locale;
import java.util.Objects;

/**
 * A product class a scheme lists for its products (产品类别/认证领域): a CEC Table 1 material class [002 §4] or a CGC
 * certification field PV11–PV17 [003 ¶14 step 1]. A scheme with classes offers them on the application form and an
 * application's product records one of them ({@link #value()}); each names the field of competence (专业领域) the team
 * is judged in [R-PER-1, R-PLAN-2].
 *
 * @param code  the class's code as the rules write it (e.g. {@code PV13}); null when the rules name the class only, then
 *              its Chinese name is what a product records
 * @param field the field of competence a member needs for products of this class (e.g. {@code FURNITURE}); null = the code
 */
public record ProductClass(String code, String zh, String en, String field) implements Localized {

    public ProductClass {
        Objects.requireNonNull(zh, "zh");
    }

    /** A class named only (no code, no field of its own). */
    public static ProductClass named(String zh, String en) {
        return new ProductClass(null, zh, en, null);
    }

    /** What an application's product records for this class: its code, else its Chinese name. */
    public String value() {
        return code != null ? code : zh;
    }

    /** The field of competence of this class, or null when the scheme names none. */
    public String competenceField() {
        return field != null ? field : code;
    }

    /** True when this text names the class: its code or English name (any case) or its Chinese name. */
    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.strip();
        return t.equals(zh) || code != null && code.equalsIgnoreCase(t) || en != null && en.equalsIgnoreCase(t);
    }

    /** The class as shown: its code (if any) and its name in the reader's language. */
    public String in(Locale locale) {
        String name = LocalizedText.english(locale) && en != null && !en.isBlank() ? en : zh;
        return code == null ? name : code + " " + name;
    }

    @Override
    public String label(Locale locale) {
        return in(locale);
    }

    @Override
    public String toString() {
        return (code == null ? "" : code + " ") + (en == null ? zh : zh + " / " + en);
    }
}
