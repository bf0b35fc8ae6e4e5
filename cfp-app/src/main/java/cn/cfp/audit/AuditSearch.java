package cn.cfp.audit;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which audit records to list and in which order (issue 8 item 15): {@code text} anywhere in the actor, action,
 * target or details (case-insensitive), the actor and the action exactly, the target containing the given text, the
 * records of {@code from} to {@code to} (days in the platform's time zone, both included). Blank means "any". A value
 * longer than {@link #MAX_LENGTH} or a range that ends before it starts is refused (400) at its field.
 */
public record AuditSearch(String text, String actor, String action, String target, LocalDate from, LocalDate to, Order order) {

    public static final int MAX_LENGTH = 200;

    /** The orders a list can come in; ties go newest first. */
    public enum Order {
        NEWEST("seq DESC"), OLDEST("seq ASC"), ACTOR("actor ASC, seq DESC"), ACTION("action ASC, seq DESC"),
        TARGET("target ASC, seq DESC");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public AuditSearch {
        text = blankToNull(text);
        actor = blankToNull(actor);
        action = blankToNull(action);
        target = blankToNull(target);
        order = order == null ? Order.NEWEST : order;
        List<Reason> problems = new ArrayList<>();
        tooLong(problems, "q", text);
        tooLong(problems, "actor", actor);
        tooLong(problems, "action", action);
        tooLong(problems, "target", target);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(Reason.of("audit.search.dateRange", from, to).at("to"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
    }

    /** Every record, newest first. */
    public static AuditSearch all() {
        return new AuditSearch(null, null, null, null, null, null, Order.NEWEST);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void tooLong(List<Reason> problems, String field, String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            problems.add(Reason.of("audit.search.tooLong", field, MAX_LENGTH).at(field));
        }
    }
}
