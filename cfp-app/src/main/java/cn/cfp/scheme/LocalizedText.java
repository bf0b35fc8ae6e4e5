package cn.cfp.scheme;

import cn.cfp.shared.Localized;
import java.util.Locale;
import java.util.Objects;

/**
 * A text in Chinese (authoritative, as in the seeds) and English (our translation).
 * English may be missing; then the Chinese text is shown.
 */
public record LocalizedText(String zh, String en) implements Localized {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The text for the locale: English when the language is {@code en} and an English text exists, otherwise Chinese. */
    public String in(Locale locale) {
        return english(locale) && en != null && !en.isBlank() ? en : zh;
    }

    @Override
    public String label(Locale locale) {
        return in(locale);
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    @Override
    public String toString() {
        return en == null ? zh : zh + " / " + en;
    }
}
