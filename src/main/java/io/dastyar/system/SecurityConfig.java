package io.dastyar.system;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Agents and admins sign in; customers never do. Everything a customer touches stays public, everything
 * under the agent and admin areas (and the operational endpoints other than health and info) needs a role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String AGENT = "AGENT";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers("/agent/**", "/api/agent/**").hasAnyRole(AGENT, ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // What customers use is listed here, so a new endpoint is private until someone decides.
                        .requestMatchers("/", "/index.html", "/demo.js", "/css/**", "/js/**", "/favicon.ico", "/error", "/login",
                                "/api/kb/search").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.defaultSuccessUrl("/agent", false))
                // Lets Prometheus and scripts authenticate without a browser session.
                .httpBasic(withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
