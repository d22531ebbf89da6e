package io.dastyar.channel.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * Issues and checks visitors' tokens: HS256 JWTs whose subject is the visitor id, meant for the widget
 * alone. Signing and checking are Nimbus JOSE's, through Spring Security.
 */
class VisitorTokens {

    private static final Logger log = LoggerFactory.getLogger(VisitorTokens.class);
    static final String AUDIENCE = "dastyar-widget";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final WidgetProperties properties;
    private final Clock clock;

    VisitorTokens(WidgetProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(secret(properties), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(AUDIENCE));
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), audience,
                VisitorTokens::namesAVisitor));
        this.properties = properties;
        this.clock = clock;
    }

    String issue(VisitorId visitor) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(visitor.toString())
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /**
     * The visitor a token names. Only tokens that passed {@link #namesAVisitor} reach the widget's endpoints and
     * socket, so this cannot fail for them.
     */
    static VisitorId visitorOf(Jwt token) {
        return VisitorId.parse(token.getSubject()).orElseThrow(
                () -> new IllegalStateException("A visitor token without a visitor id got past its validation"));
    }

    /**
     * A token signed with the right key but whose subject is missing or is not a visitor id (a token made by
     * hand, or for something else) is refused like a forged one: 401, and no socket.
     */
    private static OAuth2TokenValidatorResult namesAVisitor(Jwt token) {
        return VisitorId.parse(token.getSubject()).isPresent() ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token's subject is not a visitor id", null));
    }

    private static byte[] secret(WidgetProperties properties) {
        if (!properties.tokenSecret().isEmpty()) {
            return properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
        }
        log.warn("DASTYAR_WIDGET_SECRET is not set: using a random key, so widget visitors lose their conversations "
                + "on restart. Set it (32+ characters) in production.");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }
}
