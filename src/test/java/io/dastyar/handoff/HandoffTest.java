package io.dastyar.handoff;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * The whole application on a real server, against a PostgreSQL database of hand-off's own on the test server. Hand-off
 * routes from a sweep in every running context, and the other tests' contexts (still running, with clocks of their
 * own) would route, or take agents offline, in a shared database; in this one only hand-off's tests' context does.
 * The heartbeat grace is longer than the sticky grace here, so tests can step past the one without the other.
 *
 * <p>Every test that routes chats or drives the agent console against the real hand-off (hand-off's, the agent API's
 * and the workspace's) uses this one annotation unchanged, so they share one context and only it sweeps this
 * database. The bot's answers are not what these tests are about, so no semantic model is loaded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "support.handoff.routing.heartbeat-grace=10m",
        "support.handoff.routing.sticky-grace=2m",
        "support.knowledge-base.semantic.enabled=false"})
@ContextConfiguration(initializers = HandoffTest.OwnDatabase.class)
@Import(TestSupportConfig.class)
public @interface HandoffTest {

    String DATABASE = "handoff_tests";

    class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.useOwnDatabase(context, DATABASE);
        }
    }
}
