package io.dastyar.account;

import java.time.Clock;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The staff sign-in page; Spring Security handles the form it posts. */
@Controller
class LoginController {

    private final Clock clock;

    LoginController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Authentication user, HttpSession session, Model model) {
        // Flags without values (?error, ?logout, ?expired), as Spring Security sends them.
        boolean error = request.getParameterMap().containsKey("error");
        boolean logout = request.getParameterMap().containsKey("logout");
        boolean expired = request.getParameterMap().containsKey("expired");
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)
                && !error && !logout) {
            return "redirect:" + SignInHandlers.startPage(user);
        }
        if (error) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof SignInThrottledException throttled) {
                if (throttled.retryAt().isAfter(clock.instant())) {
                    model.addAttribute("problem", "login.throttled");
                    model.addAttribute("seconds", throttled.secondsToWait(clock.instant()));
                }
            } else {
                model.addAttribute("problem", "login.bad-credentials");
            }
            if (session.getAttribute(SignInHandlers.LAST_USERNAME) instanceof String username) {
                model.addAttribute("username", username);
            }
        } else if (logout) {
            model.addAttribute("notice", "login.signed-out");
        } else if (expired) {
            model.addAttribute("notice", "login.expired");
        }
        return "login";
    }
}
