package cn.cfp.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins slow down the next attempt, with delays that grow (1 s, 2 s, 4 s … up to the configured maximum) once
 * the free failures are used (issue 8 item 5). They are counted per account <em>and source address</em>, so that
 * somebody guessing a person's password from elsewhere never locks that person out, plus per source address across
 * accounts (ten times the free failures), so that one address cannot try many accounts quickly. A success clears the
 * account's count from that address; an administrator's unlock clears it from every address. API tokens do not sign
 * in with a password and are never throttled. Kept in memory: a restart forgets the counts (sessions are in memory
 * too; one platform node).
 */
@Component
class LoginThrottle {

    private static final Duration FORGET = Duration.ofHours(24);
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int freeFailures;
    private final Duration maxDelay;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, @Value("${cfp.security.max-failed-logins:5}") int freeFailures,
                  @Value("${cfp.security.lockout-minutes:15}") int maxDelayMinutes) {
        this.clock = clock;
        this.freeFailures = Math.max(1, freeFailures);
        this.maxDelay = Duration.ofMinutes(Math.max(1, maxDelayMinutes));
    }

    /** How long this account must wait before trying again from this address (zero: it may try now). */
    Duration waitFor(String account, String source) {
        Instant now = clock.instant();
        Duration a = remaining(entries.get(accountKey(account, source)), now);
        Duration s = remaining(entries.get(sourceKey(source)), now);
        return a.compareTo(s) >= 0 ? a : s;
    }

    void failed(String account, String source) {
        Instant now = clock.instant();
        if (entries.size() > MAX_ENTRIES) {
            entries.values().removeIf(e -> e.lastFailure.plus(FORGET).isBefore(now));
        }
        entries.compute(accountKey(account, source), (k, e) -> next(e, now, freeFailures));
        entries.compute(sourceKey(source), (k, e) -> next(e, now, freeFailures * 10));
    }

    void succeeded(String account, String source) {
        entries.remove(accountKey(account, source));
    }

    /** An administrator's unlock: the account may try again from every address at once. */
    void clear(String account) {
        String prefix = "a|" + normal(account) + "|";
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** The accounts that must wait now from some address (for the administrator's user list). */
    Set<String> throttledAccounts() {
        Instant now = clock.instant();
        return entries.entrySet().stream().filter(e -> e.getKey().startsWith("a|") && e.getValue().blockedUntil.isAfter(now))
                .map(e -> e.getKey().substring(2, e.getKey().lastIndexOf('|'))).collect(Collectors.toSet());
    }

    /** The delay after {@code failures} failures with {@code free} free ones: 0, then 1 s doubling up to the maximum. */
    Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private Entry next(Entry e, Instant now, int free) {
        int failures = e == null || e.lastFailure.plus(FORGET).isBefore(now) ? 1 : e.failures + 1;
        return new Entry(failures, now, now.plus(delayAfter(failures, free)));
    }

    private static Duration remaining(Entry e, Instant now) {
        return e == null || !e.blockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, e.blockedUntil);
    }

    private static String accountKey(String account, String source) {
        return "a|" + normal(account) + "|" + source;
    }

    private static String sourceKey(String source) {
        return "s|" + source;
    }

    private static String normal(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private record Entry(int failures, Instant lastFailure, Instant blockedUntil) {
    }
}
