package cn.cfp.access;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.util.List;
import java.util.Set;

/**
 * Which users the admin list shows and in which order (issue 8 item 15): {@code text} in the username, the display name
 * or the name of the user's organisation (case-insensitive, {@code %} and {@code _} taken as typed), holding {@code role},
 * enabled or disabled, bound to {@code organisationId}. Null or blank means "any". A text longer than
 * {@link #MAX_LENGTH} is refused (400) at its field {@code q}.
 *
 * @param organisationsNamed the organisations whose name contains the text (names belong to the party module, so the
 *                           caller looks them up); their users are found by the text too
 * @param staffOnly          only users holding a staff role ({@link Role#STAFF}: the personnel list)
 */
public record UserSearch(String text, Set<Long> organisationsNamed, Role role, Status status, Long organisationId,
                         boolean staffOnly, Order order) {

    public static final int MAX_LENGTH = 200;

    /** Enabled (may sign in) or disabled accounts. */
    public enum Status {
        ENABLED, DISABLED
    }

    /** The orders the list can come in; ties go by username. */
    public enum Order {
        USERNAME("u.username ASC"), USERNAME_DESC("u.username DESC"), NAME("u.display_name ASC, u.username ASC"),
        NAME_DESC("u.display_name DESC, u.username ASC"), NEWEST("u.created_at DESC, u.id DESC"), OLDEST("u.created_at ASC, u.id ASC");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        /** The order a click on this order's column gives: the other direction of the same column. */
        public Order reversed() {
            return switch (this) {
                case USERNAME -> USERNAME_DESC;
                case USERNAME_DESC -> USERNAME;
                case NAME -> NAME_DESC;
                case NAME_DESC -> NAME;
                case NEWEST -> OLDEST;
                case OLDEST -> NEWEST;
            };
        }
    }

    public UserSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        organisationsNamed = text == null || organisationsNamed == null ? Set.of() : Set.copyOf(organisationsNamed);
        order = order == null ? Order.USERNAME : order;
        if (text != null && text.length() > MAX_LENGTH) {
            throw Refusal.badRequest(List.of(Reason.of("access.search.tooLong", "q", MAX_LENGTH).at("q")));
        }
    }

    /** Every user, by username. */
    public static UserSearch all() {
        return new UserSearch(null, Set.of(), null, null, null, false, Order.USERNAME);
    }

    /** The certification body's staff (the personnel list): text in the username or name, holding {@code role}. */
    public static UserSearch staff(String text, Role role, Order order) {
        return new UserSearch(text, Set.of(), role, null, null, true, order);
    }
}
