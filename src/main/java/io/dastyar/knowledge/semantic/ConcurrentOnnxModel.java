package io.dastyar.knowledge.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * LangChain4j's ONNX embedding model, with a session made for many callers at once. By default ONNX Runtime
 * gives each session a pool of threads that spin while they wait for work; when dozens of requests embed
 * their questions at the same time on a few cores, those pools compete with each other and with the
 * requests. Here each run uses its caller's thread only, and the parallelism comes from the callers.
 */
final class ConcurrentOnnxModel extends AbstractInProcessEmbeddingModel {

    private static final String BUNDLED_MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String BUNDLED_TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    private ConcurrentOnnxModel(OnnxBertBiEncoder encoder) {
        super(null);
        this.encoder = encoder;
    }

    /** bge-small-en-v1.5 (quantised), as shipped in LangChain4j's artifact; it pools by the CLS token. */
    static ConcurrentOnnxModel bundled() {
        ClassLoader loader = ConcurrentOnnxModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(BUNDLED_MODEL);
             InputStream tokenizer = loader.getResourceAsStream(BUNDLED_TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("The bundled embedding model is missing from the classpath");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options());
            return new ConcurrentOnnxModel(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the bundled embedding model", e);
        }
    }

    static ConcurrentOnnxModel fromFiles(Path model, Path tokenizer, PoolingMode pooling) {
        try (InputStream tokenizerJson = Files.newInputStream(tokenizer)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.toString(), options());
            return new ConcurrentOnnxModel(new OnnxBertBiEncoder(environment, session, tokenizerJson, pooling));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + model, e);
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        var options = new OrtSession.SessionOptions();
        // Measured under load (README, Performance): one thread per run, 214 turns/s; the default pool without
        // spinning, 137; with spinning, 114. A single question alone takes about 1 ms longer this way.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
