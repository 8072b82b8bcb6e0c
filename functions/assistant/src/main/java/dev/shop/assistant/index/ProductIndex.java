package dev.shop.assistant.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * An in-memory Lucene index of the catalog, kept current from the catalog's product events.
 *
 * <p>Every field is analysed the same way (lower case, ASCII folding, possessives and plurals removed);
 * the shopper's words additionally go through query-time synonyms ({@code assistant/synonyms.txt}) and,
 * when a word is in no field at all, a fuzzy expansion to the nearest indexed terms (typos). The score of a
 * product is, per shopper word, the weight of the best field the word matched, summed: name matches
 * count most, then brand, then tags, category, colour and size, and the description only a little.
 */
public final class ProductIndex implements AutoCloseable {

    public static final String NAME = "name";
    public static final String BRAND = "brand";
    public static final String TAGS = "tags";
    public static final String CATEGORY = "category";
    public static final String COLOR = "color";
    public static final String SIZE = "size";
    public static final String DESCRIPTION = "description";
    private static final String SKU = "sku";

    private static final Map<String, Float> WEIGHTS = Map.of(NAME, 3f, BRAND, 2.5f, TAGS, 2f, CATEGORY, 2f,
            COLOR, 2f, SIZE, 2f, DESCRIPTION, 0.5f);
    private static final List<String> STRONG_FIELDS = List.of(NAME, BRAND, TAGS, CATEGORY, COLOR, SIZE);
    private static final Set<String> ATTRIBUTE_FIELDS = Set.of(COLOR, SIZE, BRAND);
    private static final float FUZZY_FACTOR = 0.8f;
    private static final float SYNONYM_FACTOR = 0.9f;
    private static final Map<String, String> SIZE_WORDS = Map.of("xxs", "extra extra small", "xs", "extra small",
            "s", "small", "m", "medium", "l", "large", "xl", "extra large", "xxl", "extra extra large");

    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final Map<String, CatalogProduct> products = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** Opens a new reader after each change and closes the old one once no search holds it any more. */
    private final SearcherManager searchers;
    private volatile Snapshot snapshot;

    /** What readers see: the vocabulary of the index (the searcher comes from {@link #searchers}). */
    private record Snapshot(Map<String, Set<String>> fieldsByTerm,
                            Map<String, List<String>> nameTerms, Set<String> sizePhrases,
                            Map<String, Boolean> nearWords) {
    }

    public ProductIndex() {
        try {
            indexAnalyzer = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .addTokenFilter(EnglishMinimalStemFilterFactory.class)
                    .build();
            queryAnalyzer = CustomAnalyzer.builder(new ClasspathResourceLoader(ProductIndex.class.getClassLoader()))
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .addTokenFilter(EnglishMinimalStemFilterFactory.class)
                    .addTokenFilter(SynonymGraphFilterFactory.class, "synonyms", "assistant/synonyms.txt",
                            "ignoreCase", "true", "expand", "true")
                    .build();
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("the product index could not be created", e);
        }
    }

    /** Adds or replaces a product, unless a newer version (or deletion) of it was already applied. */
    public synchronized boolean upsert(CatalogProduct product, long version) {
        Long known = versions.get(product.sku());
        if (known != null && known > version) {
            return false;
        }
        try {
            writer.updateDocument(new Term(SKU, product.sku()), document(product));
            writer.commit();
            versions.put(product.sku(), version);
            products.put(product.sku(), product);
            refresh();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("product " + product.sku() + " could not be indexed", e);
        }
    }

    /** Removes a product, unless it was re-created with a newer version. */
    public synchronized boolean delete(String sku, long version) {
        Long known = versions.get(sku);
        if (known != null && known > version) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(SKU, sku));
            writer.commit();
            versions.put(sku, version);
            products.remove(sku);
            refresh();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("product " + sku + " could not be removed from the index", e);
        }
    }

    /** The version of a product last applied, 0 when none was. */
    public synchronized long version(String sku) {
        return versions.getOrDefault(sku, 0L);
    }

    public Optional<CatalogProduct> get(String sku) {
        return Optional.ofNullable(sku == null ? null : products.get(sku));
    }

    public Collection<CatalogProduct> all() {
        return List.copyOf(products.values());
    }

    public int size() {
        return products.size();
    }

    /** The products with the same name as this one: its colours, sizes and brands. */
    public List<String> family(String sku) {
        CatalogProduct product = products.get(sku);
        if (product == null) {
            return List.of();
        }
        String name = product.name().toLowerCase(Locale.ROOT);
        return products.values().stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(name))
                .map(CatalogProduct::sku).sorted().toList();
    }

    /** Whether a shopper's word names a colour, size or brand of some product. */
    public boolean isAttributeWord(String word) {
        Snapshot s = snapshot;
        for (Set<String> position : alternatives(word, s)) {
            for (String term : position) {
                Set<String> fields = s.fieldsByTerm().get(term);
                if (fields != null && fields.stream().anyMatch(ATTRIBUTE_FIELDS::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether "12 colour" names a product's size or name ("12 colours"), so that the number is no quantity. */
    public boolean isSizePhrase(String number, String next) {
        if (next == null || next.isEmpty()) {
            return false;
        }
        List<String> unit = analyze(next);
        return !unit.isEmpty() && snapshot.sizePhrases().contains(number + " " + unit.getFirst());
    }

    /**
     * Whether a word is a typo of a term of a strong field ("hilighter", "pencls"): five letters or more, the
     * same first letter, one edit (two from six letters). Stricter than the matching's fuzziness, so that a verb
     * a letter from a product ("settle", "kettle") stays a verb.
     */
    public boolean isNearWord(String word) {
        if (word.length() < 5 || isKnownWord(word)) {
            return false;
        }
        Snapshot s = snapshot;
        return s.nearWords().computeIfAbsent(word, w -> {
            int edits = w.length() >= 6 ? 2 : 1;
            for (Map.Entry<String, Set<String>> entry : s.fieldsByTerm().entrySet()) {
                String term = entry.getKey();
                if (Math.abs(term.length() - w.length()) <= edits && term.charAt(0) == w.charAt(0)
                        && entry.getValue().stream().anyMatch(STRONG_FIELDS::contains)
                        && distance(w, term, edits) <= edits) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether a shopper's word matches any strong field (name, brand, tags, category, colour, size). */
    public boolean isKnownWord(String word) {
        Snapshot s = snapshot;
        for (Set<String> position : alternatives(word, s)) {
            for (String term : position) {
                Set<String> fields = s.fieldsByTerm().get(term);
                if (fields != null && fields.stream().anyMatch(STRONG_FIELDS::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Scores products against a shopper's words, best first; only products with a positive score.
     *
     * @param within when not null, only these SKUs are considered
     */
    public List<ScoredProduct> score(List<String> words, Collection<String> within) {
        Snapshot s = snapshot;
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> matchedTerms = new HashSet<>();
        int clauses = 0;
        for (String word : words) {
            Set<String> said = new HashSet<>(analyze(word));
            for (Set<String> position : alternatives(word, s)) {
                List<Query> disjuncts = new ArrayList<>();
                for (String term : position) {
                    // the shopper's own word counts a little more than its synonyms
                    float factor = said.contains(term) ? 1f : SYNONYM_FACTOR;
                    Set<String> fields = s.fieldsByTerm().get(term);
                    List<String> expanded = List.of(term);
                    if (fields == null) {
                        expanded = fuzzy(term, s);
                        factor *= FUZZY_FACTOR;
                    }
                    for (String t : expanded) {
                        matchedTerms.add(t);
                        for (String field : s.fieldsByTerm().getOrDefault(t, Set.of())) {
                            disjuncts.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, t))),
                                    WEIGHTS.get(field) * factor));
                        }
                    }
                }
                if (!disjuncts.isEmpty()) {
                    query.add(new DisjunctionMaxQuery(disjuncts, 0f), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        if (within != null) {
            List<BytesRef> skus = within.stream().map(BytesRef::new).toList();
            query.add(new TermInSetQuery(SKU, skus), BooleanClause.Occur.FILTER);
        }
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("the product index could not be searched", e);
        }
        try {
            TopDocs top = searcher.search(query.build(), Math.max(1, products.size()));
            List<ScoredProduct> scored = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                String sku = searcher.storedFields().document(hit.doc).get(SKU);
                CatalogProduct product = products.get(sku);
                if (product == null || hit.score <= 0) {
                    continue;
                }
                List<String> nameTerms = s.nameTerms().getOrDefault(sku, List.of());
                long covered = nameTerms.stream().filter(matchedTerms::contains).count();
                double coverage = nameTerms.isEmpty() ? 0 : (double) covered / nameTerms.size();
                scored.add(new ScoredProduct(product, hit.score, coverage));
            }
            scored.sort(Comparator.comparingDouble(ScoredProduct::score).reversed()
                    .thenComparing(Comparator.comparingDouble(ScoredProduct::nameCoverage).reversed())
                    .thenComparing(p -> p.product().sku()));
            return scored;
        } catch (IOException e) {
            throw new UncheckedIOException("the product index could not be searched", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // the reader is closed once nobody holds it; a failed release only delays that
            }
        }
    }

    /** The words of a text as the index sees them (analysed, no synonyms). */
    public List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = indexAnalyzer.tokenStream(NAME, text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Per token position of a word: the analysed term and its synonyms. Single letters are dropped. */
    private List<Set<String>> alternatives(String word, Snapshot s) {
        List<Set<String>> positions = new ArrayList<>();
        try (TokenStream stream = queryAnalyzer.tokenStream(NAME, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new LinkedHashSet<>());
                }
                if (t.length() > 1 || s.fieldsByTerm().containsKey(t) && word.trim().length() == 1) {
                    positions.getLast().add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        positions.removeIf(Set::isEmpty);
        return positions;
    }

    /** The indexed terms (strong fields) nearest to a term that is in no field: typos. */
    private static List<String> fuzzy(String term, Snapshot s) {
        if (term.length() < 3 || term.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        int maxEdits = term.length() <= 5 ? 1 : 2;
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : s.fieldsByTerm().entrySet()) {
            String candidate = entry.getKey();
            if (candidate.length() < 3 || entry.getValue().stream().noneMatch(STRONG_FIELDS::contains)) {
                continue;
            }
            if (term.length() <= 4 && candidate.charAt(0) != term.charAt(0)) {
                continue;
            }
            if (Math.abs(candidate.length() - term.length()) > maxEdits) {
                continue;
            }
            int distance = distance(term, candidate, maxEdits);
            if (distance <= maxEdits) {
                if (distance < best) {
                    best = distance;
                    nearest.clear();
                }
                if (distance == best) {
                    nearest.add(candidate);
                }
            }
        }
        return nearest;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    private Document document(CatalogProduct p) {
        Document doc = new Document();
        doc.add(new StringField(SKU, p.sku(), Field.Store.YES));
        doc.add(new TextField(NAME, p.name(), Field.Store.NO));
        text(doc, BRAND, p.brand());
        text(doc, CATEGORY, p.category());
        text(doc, COLOR, p.color());
        text(doc, SIZE, sizeText(p.size()));
        text(doc, DESCRIPTION, p.description());
        text(doc, TAGS, String.join(" , ", p.tags()));
        return doc;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /** "M" is indexed as "m medium", so that a shopper's "medium" finds it. */
    private static String sizeText(String size) {
        if (size == null || size.isBlank()) {
            return null;
        }
        String words = SIZE_WORDS.get(size.trim().toLowerCase(Locale.ROOT));
        return words == null ? size : size + " " + words;
    }

    private void refresh() throws IOException {
        Map<String, Set<String>> fieldsByTerm = new HashMap<>();
        Map<String, List<String>> nameTerms = new HashMap<>();
        Set<String> sizePhrases = new HashSet<>();
        for (CatalogProduct p : products.values()) {
            Map<String, String> fields = new HashMap<>();
            fields.put(NAME, p.name());
            fields.put(BRAND, p.brand());
            fields.put(CATEGORY, p.category());
            fields.put(COLOR, p.color());
            fields.put(SIZE, sizeText(p.size()));
            fields.put(DESCRIPTION, p.description());
            fields.put(TAGS, String.join(" , ", p.tags()));
            fields.forEach((field, value) -> {
                if (value != null) {
                    for (String term : analyze(value)) {
                        fieldsByTerm.computeIfAbsent(term, k -> new HashSet<>()).add(field);
                    }
                }
            });
            nameTerms.put(p.sku(), analyze(p.name()).stream().filter(t -> t.length() > 1).distinct().toList());
            for (String value : new String[] {p.size()}) {
                List<String> terms = analyze(value);
                for (int i = 0; i + 1 < terms.size(); i++) {
                    if (terms.get(i).chars().allMatch(Character::isDigit)) {
                        sizePhrases.add(terms.get(i) + " " + terms.get(i + 1));
                    }
                }
            }
        }
        // the previous reader is closed by the manager as soon as the last search that acquired it releases it
        searchers.maybeRefreshBlocking();
        snapshot = new Snapshot(Map.copyOf(fieldsByTerm), Map.copyOf(nameTerms), Set.copyOf(sizePhrases),
                new ConcurrentHashMap<>());
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
