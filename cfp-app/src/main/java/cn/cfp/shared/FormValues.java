package cn.cfp.shared;

import java.util.Arrays;
import java.util.List;

/**
 * Values a page controller reads from a form by hand ({@code @RequestParam Map}): a value that is not one of the
 * choices the form offered (a tampered or stale form) is refused in words at its field, never a 500.
 */
public final class FormValues {

    private FormValues() {
    }

    /** The enum constant named by a form value; refused with the choices there are. */
    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.strip())) {
                    return e;
                }
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw Refusal.badRequest(List.of(Reason.of("web.param.invalid", field, quote(value), Reason.of("web.type.choice", names))
                .at(field)));
    }

    /** At most this many characters of a value a person sent are quoted back. */
    static final int QUOTE = 60;

    /**
     * A value a person sent, as a refusal quotes it back: control characters blanked and at most {@link #QUOTE}
     * characters, so a refusal never repeats a huge or garbled input.
     */
    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        String s = value.replaceAll("\\p{Cntrl}", " ");
        return s.length() > QUOTE ? s.substring(0, QUOTE) + "…" : s;
    }
}
