package io.dastyar.channel.telegram;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The channel's beans exist only when a bot token is set ({@code SUPPORT_TELEGRAM_TOKEN}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(TelegramOn.TokenSet.class)
@interface TelegramOn {

    class TokenSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isSet(context);
        }

        static boolean isSet(ConditionContext context) {
            String token = context.getEnvironment().getProperty("support.telegram.token", "");
            return !token.isBlank();
        }
    }

    class TokenMissing implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !TokenSet.isSet(context);
        }
    }
}
