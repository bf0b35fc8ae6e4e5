package cn.cfp.scheme;

import java.util.Locale;
import java.util.Optional;

/**
 * One scheme parameter value together with where it comes from.
 *
 * @param value         the value, or {@code null} when the seed does not state it (then {@code note} says so)
 * @param cite          seed id and clause, e.g. {@code "000 §7.3.3"} or {@code "003 ¶29"}; {@code null} only when value is null
 * @param note          an explanation (unreadable OCR, delegation to a document not in the seed, interpretation); may be null
 * @param inherited     true when the value was not stated in this scheme and comes from the scheme it extends
 * @param definedIn     code of the scheme whose file states this value (this scheme's own code unless inherited)
 */
public record Cited<T>(T value, String cite, LocalizedText note, boolean inherited, String definedIn) {

    /** True when a value is stated (here or in a base scheme). */
    public boolean stated() {
        return value != null;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    /** The value, or an exception naming the missing parameter. */
    public T require(String parameter) {
        if (value == null) {
            throw new IllegalStateException("Scheme " + definedIn + " does not state '" + parameter + "'"
                    + (note == null ? "" : ": " + note.en()));
        }
        return value;
    }

    /** A copy marked as inherited by a scheme that extends {@link #definedIn()}; the heir's own note (why it is silent) wins. */
    public Cited<T> inheritedBy(LocalizedText heirNote) {
        return new Cited<>(value, cite, heirNote != null ? heirNote : note, true, definedIn);
    }

    public String noteIn(Locale locale) {
        return note == null ? null : note.in(locale);
    }
}
