package io.dastyar.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.http.HttpServletRequest;

import io.dastyar.account.SignInHandlers;
import io.dastyar.account.SignInThrottle;
import io.dastyar.account.ThrottledAuthenticationProvider;

/**
 * Agents, supervisors and admins sign in; customers never do. Everything a customer touches stays public, everything
 * under the agent and admin areas (and the operational endpoints other than health and info) needs a role.
 * Every sign-in, on the form or over HTTP Basic, passes the account feature's {@link SignInThrottle} first.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String AGENT = "AGENT";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords,
                                            SignInThrottle throttle, SignInHandlers signIn,
                                            ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
        var checkPassword = new DaoAuthenticationProvider(users);
        checkPassword.setPasswordEncoder(passwords);
        // The only way to sign in: no parent manager that could check the password without the throttle.
        var manager = new ProviderManager(new ThrottledAuthenticationProvider(checkPassword, throttle));
        events.ifAvailable(manager::setAuthenticationEventPublisher);

        http.authorizeHttpRequests(requests -> requests
                        // Reports are for supervisors too; /admin/reports only sends them on to /reports.
                        .requestMatchers("/reports/**", "/api/reports/**", "/admin/reports").hasAnyRole(SUPERVISOR, ADMIN)
                        .requestMatchers("/admin/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers("/agent/**", "/api/agent/**").hasAnyRole(AGENT, SUPERVISOR, ADMIN)
                        .requestMatchers("/supervisor/**").hasAnyRole(SUPERVISOR, ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // What customers use is listed here, so a new endpoint is private until someone decides.
                        .requestMatchers("/", "/index.html", "/demo.js", "/css/**", "/js/**", "/favicon.ico",
                                "/favicon.svg", "/error", "/login", "/api/kb/search").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(manager)
                // CSRF protects the cookie of a signed-in browser. A script that names its credentials on every
                // call (HTTP Basic to the APIs) has no such cookie to be tricked into sending, and needs no token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::apiCallWithBasicCredentials))
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(signIn.success())
                        .failureHandler(signIn.failure()))
                // Lets Prometheus and scripts authenticate without a browser session.
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn.basic("Dastyar")))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(staleFormsStartOver()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'")));
        return http.build();
    }

    private static boolean apiCallWithBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length());
    }

    /**
     * A form whose session has expired fails its CSRF check. On the sign-in and sign-out forms of someone who is
     * no longer signed in, that is no attack worth a "forbidden" page: the sign-in form comes back, saying why.
     * Everything else denied gets the 403 page.
     */
    private static AccessDeniedHandler staleFormsStartOver() {
        var forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (denied instanceof CsrfException && !signedIn && "POST".equals(request.getMethod())
                    && (path.equals("/login") || path.equals("/logout"))) {
                response.sendRedirect(request.getContextPath() + (path.equals("/logout") ? "/login?logout" : "/login?expired"));
                return;
            }
            forbidden.handle(request, response, denied);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
