package io.dastyar.knowledge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
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
 * what changed. The file is an append-only log of (hash, vector) records, one file per model.
 */
final class CachedEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(CachedEmbedder.class);

    private final SentenceEmbedder model;
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    CachedEmbedder(SentenceEmbedder model, Path dir) {
        this.model = model;
        this.file = dir.resolve(model.modelId() + ".vectors");
        load();
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

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String key = in.readUTF();
                float[] vector = new float[in.readInt()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.put(key, vector);
            }
        } catch (EOFException endOfLog) {
            // A record cut short by a crash is simply computed again.
        } catch (IOException e) {
            log.warn("Ignoring the unreadable embedding cache {}: {}", file, e.toString());
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
