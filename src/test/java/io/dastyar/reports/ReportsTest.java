package io.dastyar.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
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
            try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the reports tests' database", e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.server().getJdbcUrl("postgres", DATABASE),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    "support.account.initial-admin-password=" + TestPostgres.ADMIN_PASSWORD).applyTo(context);
        }
    }
}
