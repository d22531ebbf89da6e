package io.dastyar.handoff;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * The whole application on the embedded PostgreSQL, for hand-off's benchmarks: the test clock, the recording
 * channel, no semantic model. Each benchmark runs in a JVM of its own (a Maven profile names it), so the database is
 * fresh and no other context sweeps it. Agents are never taken offline for silence, as benchmarks move the clock by
 * hours without a console sending heartbeats, and returning customers are not offered to their last agent (every
 * scripted customer is new anyway).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "support.handoff.routing.heartbeat-grace=7d",
        "support.handoff.routing.sticky-grace=0s",
        "support.knowledge-base.semantic.enabled=false",
        "logging.level.io.dastyar=WARN"})
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
@Import(TestSupportConfig.class)
@interface HandoffBench {
}
