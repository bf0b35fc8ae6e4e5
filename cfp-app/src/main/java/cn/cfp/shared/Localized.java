package cn.cfp.shared;

import java.util.Locale;

/**
 * Something with a text in Chinese and English (a scheme label, an enum constant's name). A {@link Reason}'s arguments
 * that implement it are shown in the reader's language.
 */
public interface Localized {

    String label(Locale locale);
}
