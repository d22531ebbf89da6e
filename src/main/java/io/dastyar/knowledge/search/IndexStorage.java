package io.dastyar.knowledge.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
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

    /** {@code anew} discards what the folder holds, for an index found damaged after it was opened. */
    static IndexWriter open(Path folder, Language language, String fingerprint, Supplier<IndexWriterConfig> config,
                            boolean anew) throws IOException {
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
            if (!anew && reusable(directory, fingerprint, path)) {
                try {
                    return writer(directory, config.get().setOpenMode(OpenMode.APPEND), fingerprint);
                } catch (LockObtainFailedException held) {
                    throw held;
                } catch (IOException damaged) {
                    // The last commit reads, but a file it points to does not (a full disk, a half-copied volume).
                    log.warn("Cannot open the index in {} ({}); building it anew", path, damaged.toString());
                }
            }
            clear(directory);
            return writer(directory, config.get().setOpenMode(OpenMode.CREATE), fingerprint);
        } catch (LockObtainFailedException held) {
            IOUtils.closeWhileHandlingException(directory);
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

    /**
     * Removes the index files there, damaged ones included, which even a writer that starts afresh would try to
     * read. Only Lucene's own file names: anything else in the folder is not ours to delete.
     */
    private static void clear(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (file.startsWith(IndexFileNames.SEGMENTS) || file.startsWith(IndexFileNames.PENDING_SEGMENTS)
                        || IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()) {
                    directory.deleteFile(file);
                }
            }
        }
    }

    private static IndexWriter inMemory(String fingerprint, Supplier<IndexWriterConfig> config) throws IOException {
        return writer(new ByteBuffersDirectory(), config.get().setOpenMode(OpenMode.CREATE), fingerprint);
    }

    private static IndexWriter writer(Directory directory, IndexWriterConfig config, String fingerprint)
            throws IOException {
        var writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
        return writer;
    }
}
