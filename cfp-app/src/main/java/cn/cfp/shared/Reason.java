package cn.cfp.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Why a rule refused (or what it notes): a message code with its arguments, resolved to the reader's language from the
 * message bundles ({@code i18n/reasons/*.properties}) only when shown. Arguments are values (numbers, dates, references),
 * {@link Localized} texts, nested reasons or lists of these; never pre-translated text.
 *
 * @param code  the bundle key, {@code <module>.<rule>} (e.g. {@code application.contractReviewMissing})
 * @param args  the message's arguments {0}, {1}, …
 * @param field the form field the reason is about (shown next to it on the page), or null
 */
public record Reason(String code, List<Object> args, String field) {

    public Reason {
        Objects.requireNonNull(code, "code");
        List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
        copy.replaceAll(a -> a == null ? "—" : a);
        args = Collections.unmodifiableList(copy);
    }

    public static Reason of(String code, Object... args) {
        return new Reason(code, args == null ? List.of() : Arrays.asList(args), null);
    }

    /** The same reason, tied to a form field. */
    public Reason at(String formField) {
        return new Reason(code, args, formField);
    }

    @Override
    public String toString() {
        return code + args;
    }
}
