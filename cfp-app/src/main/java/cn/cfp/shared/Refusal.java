package cn.cfp.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule refused an action. Carries reason codes with arguments (never text): pages and the API resolve them to the
 * reader's language. Nothing has been changed when this is thrown. The status is the HTTP status it answers with:
 * 400 bad input, 403 not allowed, 404 no such record, 409 not possible in the record's current state.
 */
public class Refusal extends RuntimeException {

    private final List<Reason> reasons;
    private final int status;

    public Refusal(int status, List<Reason> reasons) {
        super(reasons.stream().map(Reason::toString).collect(Collectors.joining("; ")));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.reasons = List.copyOf(reasons);
        this.status = status;
    }

    public static Refusal badRequest(List<Reason> reasons) {
        return new Refusal(400, reasons);
    }

    public static Refusal badRequest(String code, Object... args) {
        return new Refusal(400, List.of(Reason.of(code, args)));
    }

    public static Refusal forbidden(String code, Object... args) {
        return new Refusal(403, List.of(Reason.of(code, args)));
    }

    public static Refusal notFound(String code, Object... args) {
        return new Refusal(404, List.of(Reason.of(code, args)));
    }

    public static Refusal conflict(String code, Object... args) {
        return new Refusal(409, List.of(Reason.of(code, args)));
    }

    public static Refusal conflict(List<Reason> reasons) {
        return new Refusal(409, reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public int status() {
        return status;
    }
}
