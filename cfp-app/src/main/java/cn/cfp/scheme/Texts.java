package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/** Small helpers to render summaries in Chinese or English. */
final class Texts {

    private Texts() {
    }

    static boolean en(Locale locale) {
        return LocalizedText.english(locale);
    }

    static String pick(Locale locale, String zh, String en) {
        return en(locale) ? en : zh;
    }

    static String num(BigDecimal n) {
        return n == null ? "?" : n.stripTrailingZeros().toPlainString();
    }

    static <T> String join(List<T> items, Function<T, String> f, String sep) {
        StringJoiner j = new StringJoiner(sep);
        items.forEach(i -> j.add(f.apply(i)));
        return j.toString();
    }

    /** Appends "; part" when part is non-empty. */
    static void add(StringJoiner j, String part) {
        if (part != null && !part.isBlank()) {
            j.add(part);
        }
    }

    static String text(LocalizedText t, Locale locale) {
        return t == null ? null : t.in(locale);
    }
}
