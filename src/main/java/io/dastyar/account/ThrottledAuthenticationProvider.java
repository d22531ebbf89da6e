package io.dastyar.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wraps the provider that checks passwords so that every attempt, from the sign-in form or HTTP Basic, passes
 * the {@link SignInThrottle} first. While an allowance is empty the password is not even checked.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    public ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        SignInThrottle.Verdict verdict = throttle.attempt(username, address);
        if (!verdict.allowed()) {
            throw new SignInThrottledException(verdict.retryAt());
        }
        Authentication result = passwords.authenticate(attempt);
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(username, address);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
