package io.dastyar.knowledge.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.admin.ArticleAudit.Action;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.knowledge.article.ArticleParser;
import io.dastyar.knowledge.article.ArticleText;
import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.system.Language;

/**
 * Creates, rewrites and deletes article files for the admin editor. A file is written only once
 * {@link ArticleParser} accepts its exact text, and whole or not at all: a temporary file in the same folder,
 * then an atomic rename. Every change is audited, and searchable as soon as it is made.
 */
@Component
class ArticleEditor {

    /** An edit that was refused, with nothing written; {@code field} is the form field at fault, if one is. */
    static final class Refused extends Exception {
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        Optional<String> field() {
            return Optional.ofNullable(field);
        }
    }

    @FunctionalInterface
    private interface FileChange {
        void apply() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(ArticleEditor.class);

    private final KnowledgeBase knowledgeBase;
    private final Path dir;
    private final ArticleAudit audit;
    private final TransactionTemplate transactions;
    private final ArticleParser parser = new ArticleParser();
    // Makes "is the file still as the editor saw it" and the write one step within this instance. A lock, not
    // synchronized: requests run on virtual threads, and it is held across file I/O.
    private final ReentrantLock lock = new ReentrantLock();

    ArticleEditor(KnowledgeBase knowledgeBase, KnowledgeProperties properties, ArticleAudit audit,
                  TransactionTemplate transactions) {
        this.knowledgeBase = knowledgeBase;
        this.dir = properties.dir();
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The article's file as it is on disk now; empty when there is none. */
    Optional<String> text(Language language, ArticleId id) {
        try {
            return Optional.of(Files.readString(file(language, id), UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relative(language, id), e);
        }
    }

    /** Identifies one content of a file, so a save can tell whether someone else saved since; "" for no file. */
    static String version(Optional<String> text) {
        return text.map(content -> {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }).orElse("");
    }

    void create(ArticleForm form, String username) throws Refused {
        Language language = form.lang().orElseThrow(() -> new Refused("language", "choose en, fa, ar or az"));
        ArticleId id = id(form.id());
        String text = validText(form, language, id);
        lock.lock();
        try {
            if (text(language, id).isPresent()) {
                throw new Refused("id", "There is already a '" + language.tag() + "' article with the id '" + id
                        + "': edit that one, or choose another id.");
            }
            change(username, Action.CREATE, language, id, null, text, () -> write(file(language, id), text));
        } finally {
            lock.unlock();
        }
        knowledgeBase.reload();
    }

    void update(ArticleForm form, String username) throws Refused {
        Language language = form.lang().orElseThrow(() -> new Refused("language", "choose en, fa, ar or az"));
        ArticleId id = id(form.id());
        String text = validText(form, language, id);
        lock.lock();
        try {
            String before = current(language, id);
            if (!version(Optional.of(before)).equals(form.version())) {
                throw new Refused(null, "Someone changed this article after you opened it. Open it again to see "
                        + "their version, then make your change again.");
            }
            if (!before.equals(text)) {
                change(username, Action.UPDATE, language, id, before, text, () -> write(file(language, id), text));
            }
        } finally {
            lock.unlock();
        }
        knowledgeBase.reload();
    }

    void delete(Language language, ArticleId id, String username) throws Refused {
        lock.lock();
        try {
            String before = current(language, id);
            change(username, Action.DELETE, language, id, before, null, () -> Files.delete(file(language, id)));
        } finally {
            lock.unlock();
        }
        knowledgeBase.reload();
    }

    private String current(Language language, ArticleId id) throws Refused {
        return text(language, id).orElseThrow(() -> new Refused(null,
                "The file " + relative(language, id) + " no longer exists: someone deleted it."));
    }

    private static ArticleId id(String value) throws Refused {
        try {
            return new ArticleId(value);
        } catch (IllegalArgumentException e) {
            throw new Refused("id", e.getMessage());
        }
    }

    /** The file exactly as it will be written, once the parser that will read it accepts it. */
    private String validText(ArticleForm form, Language language, ArticleId id) throws Refused {
        String text = ArticleText.of(form.cleanTitle(), form.questionList(), form.tagList(), form.escalate(),
                form.cleanBody());
        try {
            parser.parse(id, language, text);
            return text;
        } catch (ArticleParser.InvalidArticleException e) {
            throw new Refused(null, "The article would not load: line " + e.line() + ": " + e.getMessage());
        }
    }

    /** The audit row commits only with the file change: a write that fails rolls it back. */
    private void change(String username, Action action, Language language, ArticleId id, String before, String after,
                        FileChange change) throws Refused {
        try {
            transactions.executeWithoutResult(status -> {
                audit.record(username, action, language, id, before, after);
                try {
                    change.apply();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            log.error("Cannot {} {}", action, relative(language, id), e);
            throw new Refused(null, "Could not change " + relative(language, id) + ": " + e.getCause());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        // Not .md, so a reload in between never reads it; a fresh name, so two writers never share one.
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true); // on disk before the rename makes it the article
            }
            Files.move(temp, file, ATOMIC_MOVE, REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path file(Language language, ArticleId id) {
        return dir.resolve(language.tag()).resolve(id.value() + ".md");
    }

    private static String relative(Language language, ArticleId id) {
        return language.tag() + "/" + id.value() + ".md";
    }
}
