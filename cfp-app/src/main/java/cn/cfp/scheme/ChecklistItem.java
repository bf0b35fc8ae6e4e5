package cn.cfp.scheme;

import java.util.Locale;

/**
 * One document of the application checklist [R-APP-1].
 *
 * @param question   for {@link Kind#CONDITIONAL} items the question that decides whether the item applies ("适用时")
 * @param answeredBy for a conditional item the system can decide from the application's parties: the fact that decides
 *                   it (the client is not asked) [corrections B-6]; null: the client answers the question
 */
public record ChecklistItem(String id, LocalizedText name, Kind kind, LocalizedText question, String cite, AnsweredBy answeredBy) {

    public ChecklistItem(String id, LocalizedText name, Kind kind, LocalizedText question, String cite) {
        this(id, name, kind, question, cite, null);
    }

    /** Facts of the application's parties that decide a conditional item. */
    public enum AnsweredBy {
        /** applicant, manufacturer and factory are not one and the same organisation [000 §7.1.2(3); R-PTY-3]. */
        PARTIES_DIFFER
    }

    /** This item as it applies: a required item with the same id, cite and name. */
    public ChecklistItem asRequired() {
        return new ChecklistItem(id, name, Kind.REQUIRED, null, cite, answeredBy);
    }

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
