package cn.cfp.scheme;

import java.util.Locale;

/** A named element of a list (procedure step, mode element, decision outcome, NC class …); {@code key} is stable for code. */
public record Step(String key, LocalizedText name) {
    public String in(Locale locale) {
        return name.in(locale);
    }
}
