package io.dastyar.channel.telegram;

import java.sql.Connection;
import java.sql.SQLException;

import io.dastyar.support.TestPostgres;

/** A database of the Telegram tests' own on the test PostgreSQL: their contexts route hand-offs and hold the lease. */
final class TelegramDatabase {

    private TelegramDatabase() {
    }

    static String url(String name) {
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
        return TestPostgres.server().getJdbcUrl("postgres", name);
    }
}
