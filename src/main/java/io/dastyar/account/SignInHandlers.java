package io.dastyar.account;

import java.io.IOException;
import java.time.Clock;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What happens after a sign-in attempt: where people land, what a failed or throttled attempt answers. */
@Component
public class SignInHandlers {

    /** Session attribute: the username of the last failed attempt, so the form need not be filled in again. */
    static final String LAST_USERNAME = SignInHandlers.class.getName() + ".LAST_USERNAME";

    private final Clock clock;

    SignInHandlers(Clock clock) {
        this.clock = clock;
    }

    /** Where a signed-in user starts: admins in the knowledge base, agents in their console. */
    public static String startPage(Authentication user) {
        boolean admin = user != null && user.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.ADMIN).equals(authority.getAuthority()));
        return admin ? "/admin/knowledge" : "/agent";
    }

    /** The page asked for before signing in, if any; otherwise the user's start page. */
    public AuthenticationSuccessHandler success() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                return startPage(authentication);
            }
        };
        return handler;
    }

    /** Back to the form, which says why (see {@code LoginController}), with the username kept. */
    public AuthenticationFailureHandler failure() {
        var redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            if (username != null && username.length() <= 64) {
                request.getSession().setAttribute(LAST_USERNAME, username);
            }
            redirect.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * HTTP Basic: 429 with Retry-After while the allowance is empty, otherwise the usual 401 with a
     * challenge.
     */
    public AuthenticationEntryPoint basic(String realm) {
        var challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(realm);
        challenge.afterPropertiesSet();
        return new AuthenticationEntryPoint() {
            @Override
            public void commence(HttpServletRequest request, HttpServletResponse response,
                                 AuthenticationException failure) throws IOException, ServletException {
                if (failure instanceof SignInThrottledException throttled) {
                    response.setHeader(HttpHeaders.RETRY_AFTER,
                            Long.toString(throttled.secondsToWait(clock.instant())));
                    response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(),
                            HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
                } else {
                    challenge.commence(request, response, failure);
                }
            }
        };
    }
}
