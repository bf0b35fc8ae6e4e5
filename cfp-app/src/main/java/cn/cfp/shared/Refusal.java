package cn.cfp.shared;

import java.util.List;

/**
 * A rule refused an action. The reasons are shown to the person word for word, so they say
 * what was wrong, with which value, and what to do. Nothing has been changed when this is thrown.
 */
public class Refusal extends RuntimeException {

    private final List<String> reasons;
    private final int status;

    public Refusal(String reason) {
        this(400, List.of(reason));
    }

    public Refusal(int status, String reason) {
        this(status, List.of(reason));
    }

    public Refusal(int status, List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
        this.status = status;
    }

    public static Refusal notFound(String what) {
        return new Refusal(404, what + " does not exist / 不存在");
    }

    public static Refusal forbidden(String why) {
        return new Refusal(403, why);
    }

    public List<String> reasons() {
        return reasons;
    }

    public int status() {
        return status;
    }
}
