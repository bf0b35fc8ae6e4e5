package cn.cfp.scheme;

import java.util.Locale;

/**
 * One document of the application checklist [R-APP-1].
 *
 * @param question for {@link Kind#CONDITIONAL} items the question that decides whether the item applies ("适用时")
 */
public record ChecklistItem(String id, LocalizedText name, Kind kind, LocalizedText question, String cite) {

    public enum Kind {
        REQUIRED, CONDITIONAL, OPTIONAL;

        public String label(Locale locale) {
            return switch (this) {
                case REQUIRED -> Texts.pick(locale, "必需", "required");
                case CONDITIONAL -> Texts.pick(locale, "适用时", "conditional");
                case OPTIONAL -> Texts.pick(locale, "如有", "optional");
            };
        }
    }
}
