package io.dastyar.reports;

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
 * The whole application on a real server, against a PostgreSQL database of the reports tests' own: they seed the
 * tables reports read (conversations, hand-off's log, the CSAT survey) with data whose figures they know, and
 * clear them between tests, which no other test's context must see. One annotation, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "support.knowledge-base.semantic.enabled=false",
        "support.reports.refresh-interval=1h"})
@ContextConfiguration(initializers = ReportsTest.OwnDatabase.class)
@Import(TestSupportConfig.class)
@interface ReportsTest {

    String DATABASE = "reports_tests";

    class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPostgres.useOwnDatabase(context, DATABASE);
        }
    }
}
