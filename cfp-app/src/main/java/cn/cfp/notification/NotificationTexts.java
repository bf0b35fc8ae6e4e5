package cn.cfp.notification;

import cn.cfp.shared.Localized;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notification in one language, from its kind's templates ({@code i18n/notifications*.properties}).
 * Arguments are rendered before formatting (texts as they are, {@link Localized} values in the reader's language), so
 * references and dates are never re-grouped by MessageFormat.
 */
@Component
class NotificationTexts {

    private final MessageSource messages;
    private final String baseUrl;

    NotificationTexts(MessageSource messages, @Value("${cfp.base-url:http://localhost:8080}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String subject(NotificationKind kind, List<Object> args, Locale locale) {
        return messages.getMessage(kind.subjectKey(), render(args, locale), locale);
    }

    String body(NotificationKind kind, List<Object> args, Locale locale) {
        return messages.getMessage(kind.bodyKey(), render(args, locale), locale);
    }

    /** An e-mail's text: the body, the address of the page to act on, and why the person gets it. */
    String mail(NotificationKind kind, List<Object> args, String link, Locale locale) {
        return body(kind, args, locale) + "\n\n"
                + messages.getMessage("notification.mail.link", new Object[] {baseUrl + link}, locale) + "\n\n-- \n"
                + messages.getMessage("notification.mail.footer", new Object[] {baseUrl + "/account"}, locale) + "\n";
    }

    private static Object[] render(List<Object> args, Locale locale) {
        return args.stream().map(a -> a instanceof Localized l ? l.label(locale) : String.valueOf(a)).toArray();
    }
}
