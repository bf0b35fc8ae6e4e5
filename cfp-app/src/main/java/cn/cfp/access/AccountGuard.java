package cn.cfp.access;

/**
 * What the sign-in machinery does when an account changes: its sessions end at once (a disabled user, a changed role
 * or organisation, a reset password — issue 8 item 1), and an administrator's unlock lifts the login throttle.
 */
public interface AccountGuard {

    /** Ends every signed-in session of the user, except {@code keepSessionId} (may be null). */
    void endSessions(long userId, String keepSessionId);

    /** Lifts the failed-login delays of the account, from every source address. */
    void clearThrottle(String username);
}
