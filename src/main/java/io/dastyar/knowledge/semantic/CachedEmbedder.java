package io.dastyar.knowledge.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers embeddings on disk by a hash of the model and the text, so a restart or a reload embeds only
 * what changed. The file is an append-only log of (hash, vector) records, one file per model. It is read on
 * the first request only: an index kept on disk already holds the vectors of unchanged articles, and a large
 * log costs memory that a restart which changes nothing does not need to pay.
 */
final class CachedEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(CachedEmbedder.class);

    /** A SHA-256 in hex; every record's key has this length, so a misaligned read shows at once. */
    private static final int KEY_LENGTH = 64;
    private static final int MAX_DIMENSIONS = 8_192;

    private final SentenceEmbedder model;
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    CachedEmbedder(SentenceEmbedder model, Path dir) {
        this.model = model;
        this.file = dir.resolve(model.modelId() + ".vectors");
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    /** Questions are not cached: they are rarely asked twice word for word, and the file would grow forever. */
    @Override
    public float[] embedQuery(String text) {
        return model.embedQuery(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        loadOnce();
        List<String> keys = texts.stream().map(this::key).toList();
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!vectors.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
                missing.add(texts.get(i));
                missingKeys.add(keys.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = model.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missingKeys.get(i), computed.get(i));
            }
            append(missingKeys, computed);
        }
        return keys.stream().map(vectors::get).toList();
    }

    int size() {
        loadOnce();
        return vectors.size();
    }

    private String key(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadOnce() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    load();
                    loaded = true;
                }
            }
        }
    }

    /**
     * Reads the log up to its last complete, sane record. Anything after it (a record cut short by a crash)
     * is cut off, so that what is appended next lines up again.
     */
    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        long good = 0;
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String key = in.readUTF();
                int length = in.readInt();
                if (key.length() != KEY_LENGTH || length <= 0 || length > MAX_DIMENSIONS) {
                    break;
                }
                float[] vector = new float[length];
                for (int i = 0; i < length; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.put(key, vector);
                good += 2 + KEY_LENGTH + 4 + 4L * length;
            }
        } catch (EOFException endOfLog) {
            // the end, or a record cut short
        } catch (IOException e) {
            log.warn("Ignoring the rest of the embedding cache {}: {}", file, e.toString());
        }
        truncate(good);
    }

    private void truncate(long length) {
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > length) {
                log.warn("Cutting the embedding cache {} back to its last complete record", file);
                channel.truncate(length);
            }
        } catch (IOException e) {
            log.warn("Cannot repair the embedding cache {}: {}", file, e.toString());
        }
    }

    private synchronized void append(List<String> keys, List<float[]> computed) {
        try {
            Files.createDirectories(file.getParent());
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (int i = 0; i < keys.size(); i++) {
                    out.writeUTF(keys.get(i));
                    out.writeInt(computed.get(i).length);
                    for (float value : computed.get(i)) {
                        out.writeFloat(value);
                    }
                }
            }
        } catch (IOException e) {
            // The vectors are still in memory; only the next restart pays for them again.
            log.warn("Cannot write the embedding cache {}: {}", file, e.toString());
        }
    }
}
