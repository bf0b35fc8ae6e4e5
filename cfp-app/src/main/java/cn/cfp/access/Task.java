package cn.cfp.access;

import cn.cfp.shared.Reason;
import java.util.List;

/**
 * Something a person should do now, shown on "my work": a message key with its arguments and where to do it.
 *
 * @param urgency larger first (e.g. a deadline tomorrow before a routine task)
 */
public record Task(String messageKey, List<Object> args, String path, int urgency) {

    public Task {
        args = List.copyOf(args);
    }

    public static Task of(String messageKey, String path, Object... args) {
        return new Task(messageKey, List.of(args), path, 0);
    }

    /** The task's wording as a message with arguments (shown in the reader's language). */
    public Reason text() {
        return new Reason(messageKey, args, null);
    }

    public Task urgent(int level) {
        return new Task(messageKey, args, path, level);
    }
}
