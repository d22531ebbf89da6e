package io.dastyar.channel.telegram;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Wires the library by hand (its Spring Boot starter is built for Spring Boot 3): one OkHttp client, whose threads
 * and connections are closed at shutdown, serves both the long poll and the client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfig {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfig.class);

    /** The one line that says the channel is off. */
    @Bean
    @Conditional(TelegramOn.TokenMissing.class)
    ApplicationRunner telegramOff() {
        return args -> log.info("Telegram channel off: SUPPORT_TELEGRAM_TOKEN is not set");
    }

    /** Telegram's JSON (Jackson 2, as the library uses it); fields added to the Bot API later are ignored. */
    @Bean
    @TelegramOn
    ObjectMapper telegramJson() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Bean(destroyMethod = "")
    @TelegramOn
    OkHttpClient telegramHttp(TelegramProperties properties, BotApiHealth health) {
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .addInterceptor(health)
                .connectionPool(new ConnectionPool(16, 60, TimeUnit.SECONDS))
                .connectTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                // The long poll waits up to poll-timeout for an answer; everything else answers at once.
                .readTimeout(properties.pollTimeout().toSeconds() + 20, TimeUnit.SECONDS)
                .build();
    }

    @Bean
    @TelegramOn
    TelegramUrl telegramUrl(TelegramProperties properties) {
        return new TelegramUrl(properties.apiUrl().getScheme(), properties.apiUrl().getHost(), properties.apiPort(), false);
    }

    @Bean
    @TelegramOn
    BotApi botApi(ObjectMapper telegramJson, OkHttpClient telegramHttp, TelegramUrl telegramUrl,
                  TelegramProperties properties) {
        return new BotApi(new OkHttpTelegramClient(telegramJson, telegramHttp, properties.token(), telegramUrl));
    }
}
