package cn.cfp.notification;

import java.time.Instant;

/**
 * A notification as its reader sees it, in the language of the page or API call.
 *
 * @param title the one-line text (an e-mail's subject)
 * @param text  the longer text (an e-mail's body, without the link)
 * @param link  the page to act on (path inside the application)
 */
public record NotificationView(long id, NotificationKind kind, String title, String text, String link, Instant createdAt,
                               boolean read) {
}
