package cn.cfp.access;

import cn.cfp.shared.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN} characters, at most {@value #MAX_BYTES} bytes (bcrypt reads no more),
 * and never the published demo password outside demo mode (issue 8 item 8) — neither when it is set nor at login.
 */
@Component
public class PasswordPolicy {

    /** The quick start's password of every demo user (printed in the log and the README). */
    public static final String DEMO_PASSWORD = "cfp-demo-2026";
    public static final int MIN = 10;
    public static final int MAX_BYTES = 72;

    private final boolean demo;

    public PasswordPolicy(@Value("${cfp.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    /** The reasons a new password is refused, at {@code field}. */
    public List<Reason> problems(String password, String field) {
        List<Reason> problems = new ArrayList<>();
        if (password == null || password.length() < MIN) {
            problems.add(Reason.of("access.password.tooShort", MIN).at(field));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(Reason.of("access.password.tooLong", MAX_BYTES).at(field));
        } else if (refusedAtLogin(password)) {
            problems.add(Reason.of("access.password.demo").at(field));
        }
        return problems;
    }

    /** The demo password opens no account when the platform is not in demo mode. */
    public boolean refusedAtLogin(String password) {
        return !demo && DEMO_PASSWORD.equals(password);
    }
}
