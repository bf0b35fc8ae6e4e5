package cn.cfp.access.internal;

import cn.cfp.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lock-out after repeated failed logins; a successful login resets the count. */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(JdbcClient jdbc, AuditTrail audit, Clock clock,
                  @Value("${cfp.security.max-failed-logins:5}") int maxFailures,
                  @Value("${cfp.security.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        int updated = jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = :u")
                .param("u", username).update();
        if (updated == 0) {
            return; // unknown user: nothing to count, and we do not reveal it
        }
        int failures = jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single();
        if (failures >= maxFailures) {
            OffsetDateTime until = OffsetDateTime.now(clock).plus(lockout);
            jdbc.sql("UPDATE app_user SET locked_until = :t, failed_attempts = 0 WHERE username = :u")
                    .param("t", until).param("u", username).update();
            audit.record("system", "USER_LOCKED", "user:" + username,
                    Map.of("failedAttempts", failures, "lockedUntil", until.toString()));
        }
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = :u AND failed_attempts <> 0")
                .param("u", event.getAuthentication().getName()).update();
    }
}
