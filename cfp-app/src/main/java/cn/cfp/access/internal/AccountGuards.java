package cn.cfp.access.internal;

import cn.cfp.access.AccountGuard;
import cn.cfp.access.CfpPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sessions through the session registry (the security chain refuses an expired session at its next
 * request and sends the person to the login page) and lifts login throttles (issue 8 items 1 and 5).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class AccountGuards implements AccountGuard {

    private final SessionRegistry sessions;
    private final LoginThrottle throttle;

    AccountGuards(SessionRegistry sessions, LoginThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Override
    public void endSessions(long userId, String keepSessionId) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof CfpPrincipal p && p.id() == userId) {
                for (SessionInformation s : sessions.getAllSessions(p, false)) {
                    if (!s.getSessionId().equals(keepSessionId)) {
                        s.expireNow();
                    }
                }
            }
        }
    }

    @Override
    public void clearThrottle(String username) {
        throttle.clear(username);
    }
}
