package io.dastyar.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dastyar.system.Language;

/**
 * Where a language's index lives: in a folder on disk, so a restart only re-indexes the articles that changed
 * (building vectors into the graph is what makes a cold start slow), or in memory when no folder is set or
 * another process already writes to it. An index on disk built with other analysis or another model, or one
 * that cannot be read, is built anew rather than trusted.
 */
final class IndexStorage {

    private static final Logger log = LoggerFactory.getLogger(IndexStorage.class);
    private static final String FINGERPRINT = "dastyar.fingerprint";

    private IndexStorage() {
    }

    static IndexWriter open(Path folder, Language language, String fingerprint, Supplier<IndexWriterConfig> config)
            throws IOException {
        if (folder == null) {
            return inMemory(fingerprint, config);
        }
        Path path = folder.resolve(language.tag());
        Directory directory;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
        } catch (IOException e) {
            throw new IllegalStateException("support.knowledge-base.index-dir: cannot keep an index in "
                    + path.toAbsolutePath().normalize() + " (" + e + ")", e);
        }
        try {
            boolean reusable = reusable(directory, fingerprint, path);
            if (!reusable) {
                clear(directory);
            }
            var writer = new IndexWriter(directory, config.get().setOpenMode(reusable ? OpenMode.APPEND : OpenMode.CREATE));
            writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
            return writer;
        } catch (LockObtainFailedException held) {
            directory.close();
            log.warn("The {} index in {} is in use by another process; this one keeps its own in memory", language,
                    path.toAbsolutePath().normalize());
            return inMemory(fingerprint, config);
        }
    }

    private static boolean reusable(Directory directory, String fingerprint, Path path) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            if (fingerprint.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FINGERPRINT))) {
                return true;
            }
            log.info("The index in {} was built with other analysis or another model; building it anew", path);
        } catch (IOException unreadable) {
            // Cut short by a crash, or written by another Lucene version.
            log.warn("Cannot read the index in {} ({}); building it anew", path, unreadable.toString());
        }
        return false;
    }

    /** Removes what is there, damaged files included, which even a writer that starts afresh would try to read. */
    private static void clear(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        }
    }

    private static IndexWriter inMemory(String fingerprint, Supplier<IndexWriterConfig> config) throws IOException {
        var writer = new IndexWriter(new ByteBuffersDirectory(), config.get().setOpenMode(OpenMode.CREATE));
        writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
        return writer;
    }
}
