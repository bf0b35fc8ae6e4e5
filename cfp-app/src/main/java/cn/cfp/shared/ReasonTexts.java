package cn.cfp.shared;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves {@link Reason}s to text in one language from the message bundles. Arguments are rendered before formatting
 * (so numbers and ids are not re-grouped by {@code MessageFormat}): {@link Localized} in the reader's language, nested
 * reasons resolved, collections joined. A code missing from the bundles shows as the code itself, and a test checks
 * that every code used in the code base is in both bundles.
 */
@Component("reasonTexts")
public class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Outside the application context (tools, tests): texts from the given bundles. */
    public static ReasonTexts of(MessageSource messages) {
        return new ReasonTexts(messages);
    }

    public String text(Reason reason, Locale locale) {
        Object[] args = reason.args().stream().map(a -> render(a, locale)).toArray();
        return messages.getMessage(reason.code(), args, reason.code() + (args.length == 0 ? "" : " " + List.of(args)), locale);
    }

    /** In the current request's language (Thymeleaf: {@code ${@reasonTexts.text(r)}}). */
    public String text(Reason reason) {
        return text(reason, LocaleContextHolder.getLocale());
    }

    public List<String> texts(Collection<Reason> reasons, Locale locale) {
        List<String> out = new ArrayList<>();
        reasons.forEach(r -> out.add(text(r, locale)));
        return out;
    }

    /** An argument as shown to the reader. */
    public String render(Object arg, Locale locale) {
        if (arg instanceof Reason r) {
            return text(r, locale);
        }
        if (arg instanceof Localized l) {
            return l.label(locale);
        }
        if (arg instanceof Collection<?> c) {
            String sep = "en".equals(locale.getLanguage()) ? ", " : "、";
            return c.stream().map(x -> render(x, locale)).collect(Collectors.joining(sep));
        }
        if (arg instanceof TemporalAccessor || arg instanceof Number) {
            return String.valueOf(arg);
        }
        return String.valueOf(arg);
    }
}
