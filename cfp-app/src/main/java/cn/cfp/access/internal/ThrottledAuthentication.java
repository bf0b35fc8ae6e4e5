package cn.cfp.access.internal;

import cn.cfp.access.PasswordPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in: the {@link LoginThrottle} first (a waiting account is refused without its password being looked
 * at, and the attempt counts as one more failure), the demo password refused outside demo mode, then the user's bcrypt hash. Every refusal is the same
 * {@link BadCredentialsException}, so the login page says the same words for an unknown user, a wrong password, a
 * waiting or a disabled account (issue 8 item 5). It is the only {@code AuthenticationProvider} bean, so Spring Security
 * makes it the provider of form login (registering it on the chain as well would run it twice per attempt).
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthentication.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final PasswordPolicy policy;

    ThrottledAuthentication(JdbcUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, PasswordPolicy policy) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.policy = policy;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        Duration wait = throttle.waitFor(account, source);
        if (!wait.isZero()) {
            // trying again while waiting counts as a failure: hammering only lengthens the wait (from this address)
            throttle.failed(account, source);
            throw new BadCredentialsException("throttled for " + wait.toSeconds() + " s");
        }
        try {
            if (policy.refusedAtLogin(String.valueOf(authentication.getCredentials()))) {
                throw new BadCredentialsException("the demo password outside demo mode");
            }
            Authentication signedIn = passwords.authenticate(authentication);
            throttle.succeeded(account, source);
            return signedIn;
        } catch (AuthenticationException e) {
            throttle.failed(account, source);
            Duration next = throttle.waitFor(account, source);
            if (!next.isZero()) {
                log.warn("Failed login for '{}' from {}: the next attempt from there waits {} s", account, source, next.toSeconds());
            }
            throw new BadCredentialsException("refused", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
