package io.dastyar.knowledge.search;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.dastyar.knowledge.KnowledgeProperties;

/**
 * Reloads the knowledge base when its files change. Changes arriving close together (an editor writing a
 * temporary file and renaming it, a git pull) are gathered for a short moment and reloaded once.
 */
@Component
class KnowledgeWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);
    private static final long SETTLE_MILLIS = 200;

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeProperties properties;
    private volatile WatchService watcher;
    private volatile Thread thread;

    KnowledgeWatcher(KnowledgeBase knowledgeBase, KnowledgeProperties properties) {
        this.knowledgeBase = knowledgeBase;
        this.properties = properties;
    }

    @Override
    public void start() {
        Path dir = properties.dir();
        if (!properties.watch() || !Files.isDirectory(dir)) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            register(dir);
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes; edits need a restart", dir, e);
            return;
        }
        thread = Thread.ofPlatform().daemon().name("knowledge-watcher").start(this::watch);
    }

    private void register(Path dir) throws IOException {
        try (Stream<Path> folders = Files.walk(dir, 1)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                var key = watcher.take();
                // Let a burst of changes settle, then drain it, so one save means one reload.
                Thread.sleep(SETTLE_MILLIS);
                key.pollEvents();
                key.reset();
                for (var more = watcher.poll(); more != null; more = watcher.poll()) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    register(properties.dir()); // picks up a language folder created since
                    knowledgeBase.reload();
                } catch (IOException | RuntimeException e) {
                    // A file vanishing mid-read, say; the next change reloads again.
                    log.warn("Knowledge-base reload failed; keeping the previous articles: {}", e.toString());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        try {
            if (watcher != null) {
                watcher.close();
            }
            if (thread != null) {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (IOException | InterruptedException e) {
            log.debug("Watcher stopped with {}", e.toString());
        }
        watcher = null;
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
