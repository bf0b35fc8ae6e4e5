package cn.cfp.evidence;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of an organisation's evidence files to list and in which order (issue 8 item 15): {@code text} in the document
 * name or the uploaded file's name, {@code caseRef} containing the given text (both case-insensitive, {@code %} and
 * {@code _} taken as typed), files of one {@link FileType}. Null or blank means "any". A value longer than
 * {@link #MAX_LENGTH} is refused (400) at its field.
 */
public record EvidenceSearch(String text, FileType type, String caseRef, Order order) {

    public static final int MAX_LENGTH = 200;

    /** The orders the list can come in; ties go newest first. */
    public enum Order {
        NEWEST("uploaded_at DESC, id DESC"), OLDEST("uploaded_at ASC, id ASC"), NAME("logical_name ASC, version DESC, id DESC"),
        NAME_DESC("logical_name DESC, version DESC, id DESC"), LARGEST("size_bytes DESC, id DESC"), SMALLEST("size_bytes ASC, id DESC");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        /** The same column in the other direction (a second click on a sorted column head). */
        public Order reversed() {
            return switch (this) {
                case NEWEST -> OLDEST;
                case OLDEST -> NEWEST;
                case NAME -> NAME_DESC;
                case NAME_DESC -> NAME;
                case LARGEST -> SMALLEST;
                case SMALLEST -> LARGEST;
            };
        }
    }

    public EvidenceSearch {
        text = blankToNull(text);
        caseRef = blankToNull(caseRef);
        order = order == null ? Order.NEWEST : order;
        List<Reason> problems = new ArrayList<>();
        tooLong(problems, "q", text);
        tooLong(problems, "caseRef", caseRef);
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
    }

    /** Every file, newest first. */
    public static EvidenceSearch all() {
        return new EvidenceSearch(null, null, null, Order.NEWEST);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void tooLong(List<Reason> problems, String field, String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            problems.add(Reason.of("evidence.search.tooLong", field, MAX_LENGTH).at(field));
        }
    }
}
