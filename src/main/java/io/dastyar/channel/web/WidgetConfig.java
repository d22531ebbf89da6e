package io.dastyar.channel.web;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The widget's security and transport. Visitors authenticate with their token (a bearer header, or a query
 * parameter where browsers cannot set headers: WebSocket and EventSource), never with cookies, so there is
 * no session and no CSRF to guard. The panel may be framed by the sites in {@code allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(WidgetProperties.class)
class WidgetConfig implements WebSocketConfigurer {

    private final WidgetSocketHandler socketHandler;

    WidgetConfig(WidgetSocketHandler socketHandler) {
        this.socketHandler = socketHandler;
    }

    @Bean
    VisitorTokens visitorTokens(WidgetProperties properties, Clock clock) {
        return new VisitorTokens(properties, clock);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain widgetSecurity(HttpSecurity http, VisitorTokens tokens, WidgetProperties properties)
            throws Exception {
        // The token may come in the address only where browsers cannot set a header: the socket and the stream.
        var headerOnly = new DefaultBearerTokenResolver();
        var headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        BearerTokenResolver tokenResolver = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/ws/widget") || path.equals("/api/widget/events")
                    ? headerOrQuery.resolve(request) : headerOnly.resolve(request);
        };
        http.securityMatcher("/api/widget/**", "/ws/widget", "/widget.js", "/widget/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/widget.js", "/widget/**", "/api/widget/config").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/widget/visitors").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(tokenResolver)
                        .jwt(jwt -> jwt.decoder(tokens.decoder())))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(settingsReadableEverywhere()))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors " + String.join(" ", properties.allowedOrigins()))));
        return http.build();
    }

    /** The launcher on a customer's site reads the title and colour across origins; nothing else is shared. */
    private static UrlBasedCorsConfigurationSource settingsReadableEverywhere() {
        var settings = new CorsConfiguration();
        settings.addAllowedOriginPattern("*");
        settings.addAllowedMethod(HttpMethod.GET);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/widget/config", settings);
        return source;
    }

    /**
     * Tomcat gives every socket its own message buffers when it opens, so at thousands of sockets their size
     * is most of the memory used. Keep them small: frames larger than the text buffer arrive in parts and
     * {@link WidgetSocketHandler} joins them, up to its own limit; the widget sends no binary frames.
     */
    @Bean
    ServletContextInitializer webSocketBuffers() {
        return context -> {
            context.setInitParameter("org.apache.tomcat.websocket.textBufferSize", "2048");
            context.setInitParameter("org.apache.tomcat.websocket.binaryBufferSize", "1024");
        };
    }

    /** Tomcat's per-connection socket buffers (8 KiB each way by default) are the other big per-socket cost. */
    @Bean
    TomcatConnectorCustomizer smallSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        };
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Same origin only (Spring's default): the panel that opens the socket is served from here.
        registry.addHandler(socketHandler, "/ws/widget");
    }
}
