package io.dastyar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test run, started from the Maven-provided binaries, so the tests
 * need no database installed. Stopped by the JVM's shutdown hook.
 */
public final class TestPostgres {

    public static final String ADMIN_PASSWORD = "first-admin-password";

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return server;
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /**
     * The address of a database of its own on the test server, created on first use: for test contexts that route
     * hand-offs or hold leases, which other contexts sharing a database would disturb.
     */
    public static String ownDatabase(String name) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** Points a Spring context at a database of its own ({@link #ownDatabase(String)}). */
    public static void useOwnDatabase(ConfigurableApplicationContext context, String name) {
        TestPropertyValues.of(
                "spring.datasource.url=" + ownDatabase(name),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "support.account.initial-admin-password=" + ADMIN_PASSWORD).applyTo(context);
    }

    /** Points a Spring context at the test server. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + jdbcUrl(),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    // As DASTYAR_ADMIN_PASSWORD would in production: the first admin comes from the environment.
                    "support.account.initial-admin-password=" + ADMIN_PASSWORD).applyTo(context);
        }
    }
}
