package cn.cfp.notification;

import cn.cfp.shared.Localized;
import java.util.List;

/**
 * One thing to tell people: its kind, the template's arguments (texts, or {@link Localized} values written in each
 * reader's language), the page to act on, and a key that makes it once per person (a redelivered event, or a
 * second event saying the same, tells nobody twice).
 */
record Notice(NotificationKind kind, List<Object> args, String link, String key) {

    Notice {
        args = List.copyOf(args);
    }

    static Notice of(NotificationKind kind, String link, String key, Object... args) {
        return new Notice(kind, java.util.Arrays.stream(args).map(a -> a == null ? (Object) "—" : a).toList(), link, key);
    }
}
