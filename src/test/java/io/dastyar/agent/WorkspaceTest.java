package io.dastyar.agent;

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
 * The whole application on a real port against the test PostgreSQL, with the workspace's test doubles
 * ({@link WorkspaceTestDoubles}) standing in for hand-off and the agent REST API. The workspace's tests share this
 * one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // These tests are about the console; the bot's answers are scripted, so no model needs loading.
        properties = "support.knowledge-base.semantic.enabled=false")
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
@Import({TestSupportConfig.class, WorkspaceTestDoubles.class})
@interface WorkspaceTest {
}
