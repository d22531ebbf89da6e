package io.dastyar.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.system.Language;

/**
 * The canned responses agents insert by typing {@code /} and a shortcut, per customer language: the
 * {@code canned_response} table, which admins manage at {@code /admin/canned-responses} (seeded by V51 with what the
 * old resource file held). A shortcut is kept in lower case and is unique within its language.
 */
@Component
class CannedResponses {

    /** One response; {@code text} may hold {@code {customerName}} and {@code {agentName}}. */
    record Response(long id, Language language, String shortcut, String title, String text) {
    }

    /** What the console reads: the responses by language tag, in their order. */
    record Catalogue(Map<String, List<Entry>> responses) {

        record Entry(String shortcut, String title, String text) {
        }
    }

    /** Another response of that language already has this shortcut. */
    static final class ShortcutTakenException extends RuntimeException {
        ShortcutTakenException(String shortcut) {
            super("The shortcut /" + shortcut + " is taken in this language");
        }
    }

    private final JdbcClient jdbc;

    CannedResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Catalogue catalogue() {
        var byLanguage = new LinkedHashMap<String, List<Catalogue.Entry>>();
        for (Language language : Language.values()) {
            byLanguage.put(language.tag(), of(language).stream()
                    .map(r -> new Catalogue.Entry(r.shortcut(), r.title(), r.text())).toList());
        }
        return new Catalogue(byLanguage);
    }

    List<Response> of(Language language) {
        return jdbc.sql("SELECT * FROM canned_response WHERE language = ? ORDER BY position, id")
                .param(language.tag()).query(CannedResponses::map).list();
    }

    Optional<Response> find(long id) {
        return jdbc.sql("SELECT * FROM canned_response WHERE id = ?").param(id).query(CannedResponses::map).optional();
    }

    /** Adds a response at the end of its language's list. */
    void add(Language language, String shortcut, String title, String text) {
        String key = key(shortcut);
        if (taken(language, key, -1)) {
            throw new ShortcutTakenException(key);
        }
        try {
            jdbc.sql("""
                            INSERT INTO canned_response (language, shortcut, title, body, position)
                            VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM canned_response WHERE language = ?))""")
                    .params(language.tag(), key, title.strip(), text.strip(), language.tag()).update();
        } catch (DuplicateKeyException e) {
            throw new ShortcutTakenException(key);
        }
    }

    /** Changes a response; false if there is no such response. */
    boolean update(long id, Language language, String shortcut, String title, String text) {
        String key = key(shortcut);
        if (taken(language, key, id)) {
            throw new ShortcutTakenException(key);
        }
        try {
            return jdbc.sql("UPDATE canned_response SET language = ?, shortcut = ?, title = ?, body = ? WHERE id = ?")
                    .params(language.tag(), key, title.strip(), text.strip(), id).update() == 1;
        } catch (DuplicateKeyException e) {
            throw new ShortcutTakenException(key);
        }
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM canned_response WHERE id = ?").param(id).update() == 1;
    }

    /** Shortcuts are matched without regard to case: "/Refund" and "/refund" are one. */
    static String key(String shortcut) {
        return shortcut.strip().toLowerCase(Locale.ROOT);
    }

    private boolean taken(Language language, String key, long except) {
        return jdbc.sql("SELECT count(*) FROM canned_response WHERE language = ? AND shortcut = ? AND id <> ?")
                .params(language.tag(), key, except).query(Integer.class).single() > 0;
    }

    private static Response map(ResultSet rs, int row) throws SQLException {
        return new Response(rs.getLong("id"), Language.fromTag(rs.getString("language")).orElseThrow(),
                rs.getString("shortcut"), rs.getString("title"), rs.getString("body"));
    }
}
