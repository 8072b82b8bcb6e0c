package dev.shop.assistant.intent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a clause asks for, told by nearest prototypes in sentence-embedding space: every labelled example clause
 * ({@code assistant/action-examples.tsv}, product words replaced by "item") has a vector; a clause's score for an
 * act is the mean cosine similarity of its {@value #K} nearest examples of that act, and the best act wins. The
 * examples' vectors ship precomputed ({@code assistant/action-prototypes.bin}, written by {@link #main}), so that
 * starting costs one model load and no example embedding; they are recomputed, with a warning, when that file
 * does not match the examples. Deterministic; answers are cached per clause text.
 */
public final class ActionModel {

    /** What one clause asks for. NONE is not predicted: a clause with no word but product words has no act. */
    public enum Act {
        ADD, BUY, REMOVE, SET, SWAP, VIEW_CART, CLEAR_CART, CHECKOUT, SEARCH, ORDER_STATUS, MENTION
    }

    /** Every act with its score, best first. */
    public record Prediction(List<Act> ranking, List<Double> scores) {
        public Prediction {
            ranking = List.copyOf(ranking);
            scores = List.copyOf(scores);
        }

        public Act act() {
            return ranking.getFirst();
        }

        public double score() {
            return scores.getFirst();
        }

        /** How much better {@code a} scored than {@code b}. */
        public double margin(Act a, Act b) {
            return scores.get(ranking.indexOf(a)) - scores.get(ranking.indexOf(b));
        }

        /** The best act that {@code allowed} accepts, else the best. */
        public Act best(java.util.function.Predicate<Act> allowed) {
            return ranking.stream().filter(allowed).findFirst().orElse(act());
        }
    }

    public record Example(Act act, String text) {
    }

    static final String EXAMPLES = "/assistant/action-examples.tsv";
    static final String PROTOTYPES = "/assistant/action-prototypes.bin";
    private static final int MAGIC = 0x41505631; // "APV1"
    private static final int K = 3;
    private static final int CACHE = 4096;
    private static final Logger log = LoggerFactory.getLogger(ActionModel.class);

    private final SentenceEmbeddings embeddings;
    private final List<Example> examples;
    private final float[][] vectors;
    private final Set<String> vocabulary;
    private final Map<String, Prediction> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Prediction> eldest) {
                    return size() > CACHE;
                }
            });

    private ActionModel(SentenceEmbeddings embeddings, List<Example> examples, float[][] vectors) {
        this.embeddings = embeddings;
        this.examples = List.copyOf(examples);
        this.vectors = vectors;
        Set<String> words = new HashSet<>();
        for (Example e : examples) {
            for (String w : e.text().split("[^a-z0-9']+")) {
                if (!w.isEmpty() && !w.equals("item") && !w.equals("items")) {
                    words.add(w);
                }
            }
        }
        this.vocabulary = Set.copyOf(words);
    }

    private static final class Shared {
        static final ActionModel MODEL = load(new SentenceEmbeddings());
    }

    /** One model per JVM, loaded on first use: the model weights are read once, whatever uses them. */
    public static ActionModel shared() {
        return Shared.MODEL;
    }

    /** The model with the shipped examples and their precomputed vectors, primed by one classification. */
    public static ActionModel load(SentenceEmbeddings embeddings) {
        String text = read(EXAMPLES);
        List<Example> examples = parse(text);
        float[][] vectors = readPrototypes(examples.size(), hash(text));
        if (vectors == null) {
            log.warn("{} does not match {}: embedding the {} examples now (run ActionModel.main to refresh it)",
                    PROTOTYPES, EXAMPLES, examples.size());
            vectors = embed(embeddings, examples);
        }
        ActionModel model = new ActionModel(embeddings, examples, vectors);
        model.classify("prime the model");
        model.cache.clear();
        return model;
    }

    /** Words the examples use: the language of requests, never masked as product words. */
    public Set<String> vocabulary() {
        return vocabulary;
    }

    public List<Example> examples() {
        return examples;
    }

    /** Forgets the cached answers (the benchmark measures the model itself with it). */
    public void clearCache() {
        cache.clear();
    }

    public Prediction classify(String clause) {
        String key = clause.toLowerCase(Locale.ROOT).strip();
        Prediction cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Prediction prediction = classify(embeddings.vector(key));
        cache.put(key, prediction);
        return prediction;
    }

    Prediction classify(float[] v) {
        return nearest(v);
    }

    /** Per act, the mean similarity of its {@value #K} nearest examples; acts ranked by it. */
    Prediction nearest(float[] v) {
        Map<Act, double[]> best = new EnumMap<>(Act.class);
        for (int i = 0; i < vectors.length; i++) {
            double s = dot(v, vectors[i]);
            double[] top = best.computeIfAbsent(examples.get(i).act(), a -> {
                double[] t = new double[K];
                java.util.Arrays.fill(t, -1);
                return t;
            });
            for (int k = 0; k < K; k++) {
                if (s > top[k]) {
                    System.arraycopy(top, k, top, k + 1, K - k - 1);
                    top[k] = s;
                    break;
                }
            }
        }
        List<Map.Entry<Act, Double>> scored = new ArrayList<>();
        for (Map.Entry<Act, double[]> e : best.entrySet()) {
            double sum = 0;
            int n = 0;
            for (double s : e.getValue()) {
                if (s > -1) {
                    sum += s;
                    n++;
                }
            }
            scored.add(Map.entry(e.getKey(), n == 0 ? -1 : sum / n));
        }
        scored.sort(Map.Entry.<Act, Double>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().ordinal()));
        return new Prediction(scored.stream().map(Map.Entry::getKey).toList(),
                scored.stream().map(Map.Entry::getValue).toList());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static List<Example> parse(String text) {
        List<Example> examples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException("not an example (act<TAB>text): " + line);
            }
            examples.add(new Example(Act.valueOf(line.substring(0, tab).strip()), line.substring(tab + 1).strip()));
        }
        return examples;
    }

    static float[][] embed(SentenceEmbeddings embeddings, List<Example> examples) {
        float[][] vectors = new float[examples.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embeddings.vector(examples.get(i).text());
        }
        return vectors;
    }

    static long hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped vectors, or null when they are missing or were made from other examples. */
    static float[][] readPrototypes(int count, long hash) {
        try (InputStream in = ActionModel.class.getResourceAsStream(PROTOTYPES)) {
            if (in == null) {
                return null;
            }
            DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in));
            if (data.readInt() != MAGIC || data.readLong() != hash || data.readInt() != count
                    || data.readInt() != SentenceEmbeddings.DIMENSION) {
                return null;
            }
            float[][] vectors = new float[count][SentenceEmbeddings.DIMENSION];
            for (float[] v : vectors) {
                for (int j = 0; j < v.length; j++) {
                    v[j] = data.readFloat();
                }
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException("the action prototypes could not be read", e);
        }
    }

    static void writePrototypes(OutputStream out, long hash, float[][] vectors) throws IOException {
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeLong(hash);
        data.writeInt(vectors.length);
        data.writeInt(SentenceEmbeddings.DIMENSION);
        for (float[] v : vectors) {
            for (float f : v) {
                data.writeFloat(f);
            }
        }
        data.flush();
    }

    static String read(String resource) {
        try (InputStream in = ActionModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the prototypes of the examples file given as the first argument (default: the module's
     * {@code src/main/resources/assistant/action-examples.tsv}) next to it.
     */
    public static void main(String[] args) throws IOException {
        Path examplesFile = Path.of(args.length > 0 ? args[0] : "src/main/resources/assistant/action-examples.tsv");
        String text = Files.readString(examplesFile);
        List<Example> examples = parse(text);
        float[][] vectors = embed(new SentenceEmbeddings(), examples);
        Path out = examplesFile.resolveSibling("action-prototypes.bin");
        try (OutputStream o = Files.newOutputStream(out)) {
            writePrototypes(o, hash(text), vectors);
        }
        System.out.printf("wrote %d prototypes to %s%n", examples.size(), out);
    }
}
