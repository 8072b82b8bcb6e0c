package dev.shop.assistant.parser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.intent.ActionModel;
import dev.shop.assistant.intent.ActionModel.Act;
import dev.shop.assistant.index.ScoredProduct;
import dev.shop.assistant.parser.Intent.Action;
import dev.shop.assistant.parser.SessionContext.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a shopper's English into intents, deterministically. The text is cut into sentences and clauses; what a
 * clause asks for (add, buy, remove, change a quantity, swap, view, empty, check out, search, order status, or
 * only talk about a product) is told by the {@link ActionModel}, an in-process sentence-embedding model, on the
 * clause with its product words masked, so that wording it was never written for still lands on the right
 * action and a new catalog changes nothing. The slots are read by rules: the quantity (digits, number words,
 * "twenty four", "a dozen", "x3", numbers that describe the product such as "0.5 mm" are not quantities),
 * ordinals, negation, comparatives ("the cheaper one"), multipliers ("double it"), and the product words are
 * matched against the {@link ProductIndex}. Pronouns and "the red one" are resolved from the
 * {@link SessionContext}; when a clause could mean more than one product, the whole request becomes a question
 * and waits in the session for the answer.
 */
public final class IntentParser {

    private static final double MIN_SCORE = 1.5;
    private static final Logger log = LoggerFactory.getLogger(IntentParser.class);
    private static final double TIE = 0.01;
    private static final double BUY_MARGIN = 0.01;

    private static final Pattern SENTENCES = Pattern.compile("[.!?;]+(?=\\s|$)|\\n");
    private static final Pattern TOKENS = Pattern.compile(
            "\\d+\\.\\d+|[a-z0-9]+(?:['-][a-z0-9]+)*|,|:|(?<=\\s)[-–—]+(?=\\s)");
    private static final Set<String> SPLITTERS = Set.of(",", "-", "–", "—", "and", "then", "plus", "but");
    private static final Set<String> AUXILIARIES = Set.of("do", "does", "did", "would", "will", "could", "should",
            "is", "are", "am", "i'm", "it's", "can", "may", "might", "was", "were");

    /** The words of the "empty the cart" phrases themselves, which never name the product to keep. */
    private static final Set<String> CLEAR_WORDS = Set.of("start", "over", "again", "reset", "wipe", "remove",
            "delete", "drop", "everything", "all", "out");
    private static final Set<String> NEGATORS = Set.of("don't", "dont", "no", "not", "never", "nope");

    private final ProductIndex index;
    private final ActionModel model;

    /** A parser with the shipped action model (loaded once per JVM). */
    public IntentParser(ProductIndex index) {
        this(index, ActionModel.shared());
    }

    public IntentParser(ProductIndex index, ActionModel model) {
        this.index = index;
        this.model = model;
    }

    /** Parses one utterance in a session; updates the session (cart, references, open question). */
    public ParseResult parse(String text, SessionContext session) {
        Run run = new Run(session);
        ParseResult result = run.parse(text == null ? "" : text);
        if (!result.needsClarification()) {
            session.pending = null;
            for (Intent intent : result.intents()) {
                session.apply(intent);
            }
            if (!run.mentioned.isEmpty()) {
                session.lastSkus = new ArrayList<>(run.mentioned);
                session.lastWasSearch = false;
            }
        }
        return result;
    }

    /** A clause's words, sorted by the role they play. */
    private static final class Clause {
        final List<String> tokens;
        final String text;
        Action verb;
        boolean buy;
        boolean swap;
        boolean negated;
        Integer quantity;
        boolean pairOf;
        boolean relativeLess;
        boolean relativeMore;
        boolean pronoun;
        boolean one;
        boolean another;
        boolean cheapest;
        boolean dearest;
        boolean ofThem;
        Integer ordinal;
        Integer multiplier;
        Act act;
        List<String> words = new ArrayList<>();
        List<String> swapNewWords;
        Integer swapNewQuantity;

        Clause(List<String> tokens) {
            this.tokens = tokens;
            this.text = String.join(" ", tokens);
        }

        boolean hasWords() {
            return !words.isEmpty();
        }
    }

    private sealed interface Resolution {
    }

    private record Resolved(CatalogProduct product) implements Resolution {
    }

    private record Ambiguous(List<String> candidates) implements Resolution {
    }

    private record NotFound() implements Resolution {
    }

    /** The state of one parse. */
    private final class Run {
        final SessionContext session;
        final Map<String, Integer> cart;
        final List<Intent> intents = new ArrayList<>();
        final LinkedHashSet<String> mentioned = new LinkedHashSet<>();
        Action inherited;
        boolean inheritedBuy;
        boolean checkoutAfter;
        boolean explicitCheckout;
        boolean answeredPending;
        Clause lastItemClause;
        Collection<String> lastItemContext;
        int lastItemIntent = -1;
        Ambiguous openAmbiguity;
        Clause openClause;

        Run(SessionContext session) {
            this.session = session;
            this.cart = new LinkedHashMap<>(session.cart);
        }

        ParseResult parse(String text) {
            String normalized = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'')
                    .replace("×", " x ").replace("&", " and ");
            for (String sentence : SENTENCES.split(normalized)) {
                for (List<String> tokens : clauses(sentence)) {
                    ParseResult early = clause(new Clause(tokens));
                    if (early != null) {
                        return early;
                    }
                }
            }
            if (openAmbiguity != null) {
                return clarify(openClause, openAmbiguity);
            }
            if (checkoutAfter && !explicitCheckout) {
                intents.add(Intent.of(Action.CHECKOUT));
            }
            // "clear my basket and start over": one step said twice is one step
            List<Intent> plan = new ArrayList<>();
            for (Intent i : intents) {
                boolean bare = i.sku() == null && i.quantity() == null && i.query() == null;
                if (!(bare && !plan.isEmpty() && plan.getLast().equals(i))) {
                    plan.add(i);
                }
            }
            return ParseResult.plan(plan);
        }

        /** Cuts a sentence at commas, dashes and conjunctions, and before a "not"/"no" that negates what follows. */
        List<List<String>> clauses(String sentence) {
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKENS.matcher(sentence);
            while (m.find()) {
                tokens.add(m.group());
            }
            // brand names joined with "and" ("Hearth and Co") stay whole: only split where a conjunction
            // is not inside a known multi-word name is too costly to check; names with "and" are rare.
            List<List<String>> clauses = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (SPLITTERS.contains(t)) {
                    if (t.equals("and") && i + 1 < tokens.size() && tokens.get(i + 1).equals("co")) {
                        current.add(t);
                        continue;
                    }
                    flush(clauses, current);
                    current = new ArrayList<>();
                    continue;
                }
                boolean negator = t.equals("not") || t.equals("without") || t.equals("except")
                        || t.equals("no") && !(i + 1 < tokens.size() && tokens.get(i + 1).equals("longer"));
                if (negator && !current.isEmpty() && !AUXILIARIES.contains(current.getLast())) {
                    flush(clauses, current);
                    current = new ArrayList<>();
                }
                current.add(t);
            }
            flush(clauses, current);
            // "go ahead and buy ...", "please go and add ...": the lead-in is part of the next clause
            for (int i = clauses.size() - 2; i >= 0; i--) {
                if (Lexicon.LEAD_INS.containsAll(clauses.get(i).stream()
                        .filter(t -> !Lexicon.FUNCTION_WORDS.contains(t)).toList())
                        && clauses.get(i).stream().anyMatch(t -> !Lexicon.FUNCTION_WORDS.contains(t))) {
                    List<String> merged = new ArrayList<>(clauses.get(i));
                    merged.addAll(clauses.get(i + 1));
                    clauses.set(i, merged);
                    clauses.remove(i + 1);
                }
            }
            return clauses;
        }

        private void flush(List<List<String>> clauses, List<String> current) {
            if (!current.isEmpty()) {
                clauses.add(current);
            }
        }

        /** Handles one clause; returns a result when the whole request must stop (a question). */
        ParseResult clause(Clause c) {
            if (isNegated(c)) {
                return negated(c);
            }
            c.act = act(c);
            applyAct(c);
            readQuantityAndWords(c);
            if (answersPending(c)) {
                c.verb = null;
                c.buy = false;
                c.swap = false;
                return item(c);
            }
            if (c.act == null) {
                return item(c);
            }
            return switch (c.act) {
                case ORDER_STATUS -> phrase(c, Action.ORDER_STATUS);
                case VIEW_CART -> phrase(c, Action.VIEW_CART);
                case CHECKOUT -> {
                    explicitCheckout = true;
                    yield phrase(c, Action.CHECKOUT);
                }
                case CLEAR_CART -> {
                    if (!mentionsProduct(c)) {
                        yield phrase(c, Action.CLEAR_CART);
                    }
                    c.verb = Action.REMOVE_FROM_CART;
                    yield item(c);
                }
                case SEARCH -> search(c, query(c));
                case MENTION -> mention(c);
                default -> item(c);
            };
        }

        /**
         * The clause's act by the model, on its text with product words masked ("scratch the item"); none when
         * nothing but product words, numbers and small words is left ("and 2 red mugs", "white, size L").
         */
        Act act(Clause c) {
            String masked = masked(c.tokens);
            if (masked == null) {
                return null;
            }
            // the slots must fit the act: a new quantity needs a number of its own ("to 3", "double", "one less"),
            // not only a counted product ("2 mugs")
            boolean target = masked.matches(".*\\b3\\b.*") || c.tokens.stream().anyMatch(t ->
                    Lexicon.MULTIPLIERS.containsKey(t) || t.equals("less") || t.equals("fewer") || t.equals("total"));
            // and the grammar must fit: a clause that ends in "in"/"on" ("chuck it in") puts something in, one
            // that ends in "out"/"off"/"away" ("knock one off") takes it out; a question asks, it does not act
            String last = lastWord(c.tokens);
            boolean into = last.equals("in") || last.equals("on");
            boolean outOf = last.equals("out") || last.equals("off") || last.equals("away");
            boolean question = Lexicon.QUESTION_WORDS.contains(c.tokens.getFirst())
                    && !(c.tokens.size() > 1 && Lexicon.INDEFINITE.contains(c.tokens.get(1))); // "what a nice lamp"
            ActionModel.Prediction prediction = model.classify(masked);
            Act act = prediction.best(a -> (a != Act.SET || target)
                    && (!into || a == Act.ADD || a == Act.BUY)
                    && (!outOf || a == Act.REMOVE || a == Act.CLEAR_CART || a == Act.CHECKOUT)
                    && (!question || a == Act.VIEW_CART || a == Act.SEARCH || a == Act.ORDER_STATUS));
            if (act == Act.BUY && prediction.margin(Act.BUY, Act.ADD) < BUY_MARGIN) {
                // buying charges the card: on a near tie with adding, only add
                act = Act.ADD;
            }
            log.debug("clause [{}] -> {} {}", masked, act, prediction);
            return act;
        }

        /**
         * The clause as the action model's examples are written: a product with a quantity becomes "2 items",
         * one with an article "an item", any other "item"; a lone number "3". Null when no word of its own is
         * left (only product words, numbers, counting units and small words).
         */
        String masked(List<String> t) {
            List<String> out = new ArrayList<>();
            boolean content = false;
            int i = 0;
            while (i < t.size()) {
                String w = t.get(i);
                if (w.equals(",") || w.equals(":") || w.matches("[-–—]+")) {
                    i++;
                    continue;
                }
                if (isProductWordAt(t, i) || isAttributeNumber(t, i) || isQuantity(t, i)
                        || Lexicon.UNITS.contains(w) && spanFollows(t, i + 1)
                        || (w.equals("a") || w.equals("an")) && spanFollows(t, i + 1)) {
                    boolean quantity = false;
                    boolean product = false;
                    boolean countedFirst = false;
                    boolean article = w.equals("a") || w.equals("an");
                    int j = i;
                    while (j < t.size()) {
                        String x = t.get(j);
                        if (isQuantity(t, j)) {
                            boolean counts = !(j == i && x.equals("one") && j + 1 < t.size()
                                    && isProductWord(t.get(j + 1)));
                            countedFirst |= counts && !product;
                            quantity |= counts;
                            article |= x.equals("one") && j == i;
                        } else if (isProductWordAt(t, j) || isAttributeNumber(t, j)) {
                            product = true;
                        } else if ((Lexicon.UNITS.contains(x) || x.equals("of") || x.equals("a") || x.equals("an")
                                || x.equals("in") || x.equals("size")) && spanFollows(t, j + 1)
                                || j > i && isQuantity(t, j - 1) && j + 2 < t.size() && t.get(j + 1).equals("of")
                                && spanFollows(t, j + 2)) {
                            // part of the product phrase: "2 packs of", "in size", "3 bottles of"
                        } else if (j == i && article) {
                            // the article itself
                        } else {
                            break;
                        }
                        j++;
                    }
                    if (product) {
                        // "2 mugs" counts what to add; "the mugs 3 pairs" gives a new total
                        out.add(quantity && countedFirst ? "2 items" : quantity ? "item 3" : article ? "an item"
                                : "item");
                    } else if (quantity) {
                        out.add("3");
                    } else {
                        out.addAll(t.subList(i, Math.max(j, i + 1)));
                        content |= t.subList(i, Math.max(j, i + 1)).stream().anyMatch(this::isContent);
                    }
                    i = Math.max(j, i + 1);
                    continue;
                }
                if (w.equals("away") && i > 0 && (t.get(i - 1).equals("straight") || t.get(i - 1).equals("right"))) {
                    i++; // "straight away" says when, not what
                    continue;
                }
                out.add(w);
                content |= isContent(w);
                i++;
            }
            return content ? String.join(" ", out) : null;
        }

        boolean isContent(String w) {
            return !Lexicon.FUNCTION_WORDS.contains(w) && !isQuantityWord(w) && !Lexicon.MEASURES.contains(w)
                    && !Lexicon.CHEAP.contains(w) && !Lexicon.EXPENSIVE.contains(w)
                    && !Lexicon.ORDINALS.containsKey(w) && !isProductWord(w) && !w.equals("of");
        }

        /** Whether a product word or a quantity starts at {@code i} (after units, "of", "a", "in", "size"). */
        boolean spanFollows(List<String> t, int i) {
            for (int j = i; j < t.size(); j++) {
                String x = t.get(j);
                if (isProductWordAt(t, j) || isQuantity(t, j) || isAttributeNumber(t, j)) {
                    return true;
                }
                if (!(Lexicon.UNITS.contains(x) || x.equals("of") || x.equals("a") || x.equals("an")
                        || x.equals("in") || x.equals("size"))) {
                    return false;
                }
            }
            return false;
        }

        /** A number that describes the product: "size 5", "2 m", "12 colour". */
        boolean isAttributeNumber(List<String> t, int i) {
            return t.get(i).matches("\\d{1,5}") && !isQuantity(t, i);
        }

        /** A number that counts (not "size 5", "1000 piece", "0.5 mm"). */
        boolean isQuantity(List<String> t, int i) {
            String w = t.get(i);
            if (!isQuantityWord(w)) {
                return false;
            }
            String prev = i > 0 ? t.get(i - 1) : "";
            String next = i + 1 < t.size() ? t.get(i + 1) : "";
            if (w.equals("one") && !oneIsNumber(t, i)) {
                return false;
            }
            return !prev.equals("size") && !Lexicon.MEASURES.contains(next) && !index.isSizePhrase(w, next);
        }

        /** The clause's last word that is not a small word ("in"/"on" count), "" after "straight away". */
        String lastWord(List<String> t) {
            for (int i = t.size() - 1; i >= 0; i--) {
                if (!Lexicon.FUNCTION_WORDS.contains(t.get(i)) || t.get(i).equals("in") || t.get(i).equals("on")) {
                    boolean adverb = i > 0 && (t.get(i - 1).equals("straight") || t.get(i - 1).equals("right"));
                    return adverb ? "" : t.get(i);
                }
            }
            return "";
        }

        /** A product word here: also a word of requests that is a catalog word next to one ("ring binder"). */
        boolean isProductWordAt(List<String> t, int i) {
            String w = t.get(i);
            if (isProductWord(w)) {
                return true;
            }
            return model.vocabulary().contains(w) && index.isKnownWord(w) && !Lexicon.FUNCTION_WORDS.contains(w)
                    && (i > 0 && isProductWord(t.get(i - 1)) || i + 1 < t.size() && isProductWord(t.get(i + 1)));
        }

        /** A catalog word that is not also a word of requests ("can" in "watering can" stays a request word). */
        boolean isProductWord(String t) {
            return !model.vocabulary().contains(t) && !Lexicon.FUNCTION_WORDS.contains(t) && !isQuantityWord(t)
                    && (index.isKnownWord(t) || t.matches("\\d+\\.\\d+") || index.isNearWord(t));
        }

        boolean isQuantityWord(String t) {
            return t.matches("\\d{1,4}|x\\d{1,4}|\\d{1,4}x") || Lexicon.NUMBERS.containsKey(t) || t.equals("dozen")
                    || t.equals("half") || t.equals("couple") || t.equals("x");
        }

        void applyAct(Clause c) {
            if (c.act == null) {
                return;
            }
            switch (c.act) {
                case ADD -> c.verb = Action.ADD_TO_CART;
                case BUY -> {
                    c.verb = Action.ADD_TO_CART;
                    c.buy = true;
                }
                case REMOVE -> c.verb = Action.REMOVE_FROM_CART;
                case SET -> c.verb = Action.SET_QUANTITY;
                case SWAP -> {
                    c.verb = Action.ADD_TO_CART;
                    c.swap = true;
                }
                default -> {
                    // a cart-level act: no item verb
                }
            }
        }

        /** An answer to the open question: words, an ordinal or a comparative that pick among its candidates. */
        boolean answersPending(Clause c) {
            Pending pending = session.pending;
            if (pending == null || answeredPending || !intents.isEmpty() || pending.candidates().isEmpty()) {
                return false;
            }
            if (c.ordinal != null || c.cheapest || c.dearest) {
                return true;
            }
            if ((c.act == Act.SEARCH || c.act == Act.ORDER_STATUS || c.act == Act.VIEW_CART
                    || c.act == Act.CLEAR_CART || c.act == Act.CHECKOUT) && !c.hasWords()) {
                return false;
            }
            return c.hasWords() && !(resolveWithin(c, pending.candidates()) instanceof NotFound)
                    && (c.act == null || !(resolveWithin(c, null) instanceof Resolved r)
                    || pending.candidates().contains(r.product().sku()));
        }

        /** The words of a search that are not words of requests: "got anything for kids" searches "kids". */
        String query(Clause c) {
            List<String> words = new ArrayList<>();
            for (String t : c.tokens) {
                if (t.equals(",") || t.equals(":")) {
                    continue;
                }
                if (isProductWord(t) || !model.vocabulary().contains(t) && !Lexicon.STOPWORDS.contains(t)
                        && !AUXILIARIES.contains(t)) {
                    words.add(t);
                }
            }
            return words.isEmpty() ? c.text : String.join(" ", words);
        }

        /** "The walnut board looks good": the product becomes what "it" means, nothing is planned. */
        ParseResult mention(Clause c) {
            if (!c.hasWords()) {
                return null;
            }
            Resolution r = resolve(c, null, Action.ADD_TO_CART);
            if (r instanceof Resolved resolved) {
                mentioned.add(resolved.product().sku());
                lastItemClause = c;
                lastItemContext = null;
            }
            return null;
        }

        ParseResult phrase(Clause c, Action action) {
            if (openAmbiguity != null) {
                return clarify(openClause, openAmbiguity);
            }
            intents.add(Intent.of(action));
            return null;
        }

        ParseResult search(Clause c, String query) {
            if (openAmbiguity != null) {
                return clarify(openClause, openAmbiguity);
            }
            String q = query.replaceAll("\\b(please|for me|today|right now)\\b", "").trim();
            intents.add(Intent.search(q));
            List<ScoredProduct> scored = index.score(List.of(q.split("\\s+")), null);
            List<String> results = new ArrayList<>();
            if (!scored.isEmpty()) {
                double top = scored.getFirst().score();
                for (ScoredProduct p : scored) {
                    if (p.score() >= top - TIE && results.size() < 20) {
                        results.add(p.product().sku());
                    }
                }
            }
            session.lastResults = results;
            session.lastWasSearch = true;
            return null;
        }

        /** "size L", "in white", "medium": a clause of colours, sizes and brands only. */
        boolean attributesOnly(Clause c) {
            List<String> known = c.words.stream().filter(index::isKnownWord).toList();
            return !known.isEmpty() && known.size() == c.words.size() && known.stream().allMatch(index::isAttributeWord)
                    && (c.tokens.contains("size") || c.tokens.getFirst().equals("in")
                    || c.words.size() == c.tokens.size());
        }

        boolean mentionsProduct(Clause c) {
            return c.tokens.stream().filter(t -> !Lexicon.STOPWORDS.contains(t) && !Lexicon.CART_WORDS.contains(t)
                    && !t.equals("empty") && !t.equals("clear") && !t.equals("everything")
                    && !CLEAR_WORDS.contains(t))
                    .anyMatch(index::isKnownWord);
        }

        boolean isNegated(Clause c) {
            List<String> t = c.tokens;
            for (int i = 0; i < t.size(); i++) {
                String w = t.get(i);
                if (w.equals("don't") || w.equals("dont") || w.equals("not") || w.equals("no") && i == 0
                        || w.equals("without") && i == 0 || w.equals("except") || w.equals("never")
                        || w.equals("skip") && i == 0 || w.equals("nope")) {
                    return !(w.equals("no") && i + 1 < t.size() && t.get(i + 1).equals("longer"));
                }
                if (!Lexicon.STOPWORDS.contains(w) && !AUXILIARIES.contains(w)) {
                    return false;
                }
            }
            return false;
        }

        /** "don't add the pencils" gives nothing (but "just the pens" after it is still an add);
         *  "I don't want the cap anymore" removes it. */
        ParseResult negated(Clause c) {
            boolean noMore = c.tokens.size() > 2 && c.tokens.get(0).equals("no") && c.tokens.get(1).equals("more");
            boolean wantNot = noMore || c.tokens.stream().anyMatch(t -> t.equals("want") || t.equals("need")
                    || t.equals("anymore") || t.equals("longer")) || String.join(" ", c.tokens).contains("any more");
            Clause positive = new Clause(c.tokens.stream().filter(t -> !NEGATORS.contains(t)).toList());
            Act act = positive.tokens.isEmpty() ? null : act(positive);
            boolean add = act == Act.ADD || act == Act.BUY;
            boolean buy = act == Act.BUY;
            if (wantNot) {
                readQuantityAndWords(c);
                c.words.removeIf(NEGATORS::contains);
                if (c.hasWords() || c.pronoun) {
                    // what is named, wherever it is: "I don't want any travel mice" never removes the pillow
                    Resolution r = c.hasWords() ? resolveWithin(c, null) : resolve(c, cart.keySet(),
                            Action.REMOVE_FROM_CART);
                    if (r instanceof Ambiguous ambiguous) {
                        List<String> inCart = ambiguous.candidates().stream().filter(cart::containsKey).toList();
                        r = inCart.size() == 1 ? index.get(inCart.getFirst()).<Resolution>map(Resolved::new)
                                .orElse(r) : r;
                    }
                    if (r instanceof Resolved resolved && cart.containsKey(resolved.product().sku())
                            && (c.tokens.contains("anymore") || c.tokens.contains("more") || true)) {
                        intents.add(Intent.remove(resolved.product().sku()));
                        cart.remove(resolved.product().sku());
                        mentioned.add(resolved.product().sku());
                        return null;
                    }
                }
                inherited = Action.ADD_TO_CART;
                return null;
            }
            if (add || buy) {
                inherited = Action.ADD_TO_CART;
                inheritedBuy = buy;
            }
            return null;
        }

        ParseResult item(Clause c) {
            boolean anything = c.hasWords() || c.pronoun || c.one || c.another || c.quantity != null
                    || c.relativeLess || c.multiplier != null || c.ordinal != null;
            if (!anything) {
                if (c.verb != null) {
                    inherited = c.verb;
                    inheritedBuy = c.buy;
                }
                return null;
            }
            // A refinement of the previous clause: "a mug, the white ceramic one"; "..., 10 of them".
            if (c.verb == null && lastItemClause != null) {
                if (!c.hasWords() && c.quantity != null && (c.ofThem || c.pronoun || c.tokens.size() <= 3)) {
                    if (openAmbiguity != null) {
                        openClause.quantity = c.quantity;
                        return null;
                    }
                    if (lastItemIntent >= 0) {
                        Intent last = intents.get(lastItemIntent);
                        if (last.action() == Action.ADD_TO_CART || last.action() == Action.SET_QUANTITY) {
                            int delta = c.quantity - last.quantity();
                            intents.set(lastItemIntent, new Intent(last.action(), last.sku(), c.quantity, null));
                            cart.merge(last.sku(), delta, Integer::sum);
                        }
                    }
                    return null;
                }
                // "a large navy tee and a small one", "two red mugs and 3 blue ones": an indefinite article or a
                // number before "one(s)" is a further item of the same product in another variant, not a
                // refinement of the previous one (that is "..., the white ceramic one").
                if (c.one && c.hasWords() && openAmbiguity == null && lastItemIntent >= 0
                        && (c.quantity != null || !c.tokens.isEmpty() && Lexicon.INDEFINITE.contains(c.tokens.getFirst()))) {
                    Intent last = intents.get(lastItemIntent);
                    if (last.sku() != null && (last.action() == Action.ADD_TO_CART
                            || last.action() == Action.REMOVE_FROM_CART)) {
                        List<String> family = index.family(last.sku());
                        Resolution r = resolveWithin(c, family);
                        if (r instanceof Resolved resolved && !resolved.product().sku().equals(last.sku())) {
                            c.verb = last.action();
                            emit(c, resolved.product());
                            lastItemClause = c;
                            lastItemContext = family;
                            return null;
                        }
                        if (r instanceof Ambiguous ambiguous) {
                            c.verb = last.action();
                            openAmbiguity = ambiguous;
                            openClause = c;
                            lastItemClause = c;
                            lastItemContext = family;
                            return null;
                        }
                    }
                }
                if ((c.one || attributesOnly(c)) && c.hasWords() && c.quantity == null) {
                    Clause merged = lastItemClause;
                    merged.words.addAll(c.words);
                    Collection<String> context = openAmbiguity != null ? openAmbiguity.candidates() : lastItemContext;
                    Resolution r = resolveWithin(merged, context);
                    if (r instanceof Resolved resolved) {
                        if (openAmbiguity != null) {
                            openAmbiguity = null;
                            emit(merged, resolved.product());
                        } else if (lastItemIntent >= 0) {
                            Intent last = intents.get(lastItemIntent);
                            if (!last.sku().equals(resolved.product().sku())) {
                                cart.remove(last.sku());
                                mentioned.remove(last.sku());
                                intents.remove(lastItemIntent);
                                lastItemIntent = -1;
                                emit(merged, resolved.product());
                            }
                        }
                        return null;
                    }
                    if (r instanceof Ambiguous ambiguous) {
                        openAmbiguity = ambiguous;
                        openClause = merged;
                        return null;
                    }
                }
            }
            if (openAmbiguity != null) {
                return clarify(openClause, openAmbiguity);
            }
            // An answer to the assistant's question.
            Pending pending = session.pending;
            if (pending != null && !answeredPending && intents.isEmpty()
                    && (c.verb == null || c.verb.name().equals(pending.action()))) {
                ParseResult answered = answer(c, pending);
                if (answered != null || answeredPending) {
                    return answered;
                }
            }
            Action action = c.verb;
            boolean buy = c.buy;
            if (action == null) {
                action = inherited != null ? inherited : Action.ADD_TO_CART;
                buy = inherited != null && inheritedBuy;
            } else {
                inherited = action;
                inheritedBuy = buy;
            }
            if (c.swap) {
                return swap(c);
            }
            if (buy) {
                checkoutAfter = true;
                if (!c.hasWords() && c.pronoun && c.quantity == null) {
                    List<String> refs = references();
                    if (!refs.isEmpty() && cart.keySet().containsAll(refs)) {
                        return null;
                    }
                }
            }
            if (action == Action.REMOVE_FROM_CART && c.quantity != null) {
                // "remove one", "take 2 of the mugs away": fewer, not none; "drop the mugs to 2": a new total
                action = Action.SET_QUANTITY;
                c.relativeLess = !saysTo(c);
            }
            if (action == Action.ADD_TO_CART && c.ordinal != null && !c.hasWords() && session.lastWasSearch
                    && c.ordinal <= session.lastResults.size()) {
                // "the second one" after a search
                String sku = session.lastResults.get(ordinal(c.ordinal, session.lastResults.size()));
                return apply(c, action, index.get(sku).<Resolution>map(Resolved::new).orElse(new NotFound()), null);
            }
            if (action == Action.SET_QUANTITY && c.quantity == null && !c.relativeLess && !c.relativeMore
                    && c.multiplier == null) {
                // "change the mug" without a number: nothing to set.
                return clarify(c, new Ambiguous(List.of()), "What quantity would you like?");
            }
            if (action == Action.ADD_TO_CART && !c.hasWords() && !c.pronoun && !c.one && !c.another
                    && c.quantity != null && c.verb == null) {
                // "just 2", "3": a new total for the item last talked about.
                action = Action.SET_QUANTITY;
            }
            if (c.pronoun || c.one || c.another || c.quantity != null || c.relativeLess || c.multiplier != null) {
                // "wrap it up", "knock one off": words that match no product are not a product's name
                c.words.removeIf(w -> index.score(List.of(w), null).isEmpty());
            }
            Collection<String> context = action == Action.ADD_TO_CART ? null : cart.keySet();
            Resolution r = resolve(c, context, action);
            return apply(c, action, r, context);
        }

        ParseResult apply(Clause c, Action action, Resolution r, Collection<String> context) {
            switch (r) {
                case Resolved resolved -> {
                    CatalogProduct p = resolved.product();
                    switch (action) {
                        case REMOVE_FROM_CART -> {
                            if (!cart.containsKey(p.sku()) && intents.contains(Intent.remove(p.sku()))) {
                                // "not the lamp any more, remove it": one removal, said twice
                                return null;
                            }
                            if (!cart.containsKey(p.sku())
                                    && intents.stream().anyMatch(i -> i.action() == Action.ADD_TO_CART)) {
                                // "add the pens but hold the stapler": leaving out, not removing
                                return null;
                            }
                            intents.add(Intent.remove(p.sku()));
                            cart.remove(p.sku());
                        }
                        case SET_QUANTITY -> {
                            int current = cart.getOrDefault(p.sku(), 0);
                            int q = c.multiplier != null ? Math.max(1, current) * c.multiplier
                                    : c.relativeLess ? Math.max(0, current - (c.quantity == null ? 1 : c.quantity))
                                    : c.relativeMore ? current + (c.quantity == null ? 1 : c.quantity)
                                    : c.quantity;
                            intents.add(Intent.set(p.sku(), q));
                            cart.put(p.sku(), q);
                        }
                        default -> {
                            if (sameAsLastAdd(c, p)) {
                                // "the walnut board looks good, add it": one board, said twice
                                return null;
                            }
                            emit(c, p);
                            lastItemClause = c;
                            lastItemContext = context;
                            return null;
                        }
                    }
                    mentioned.add(p.sku());
                    lastItemClause = c;
                    lastItemContext = context;
                    lastItemIntent = intents.size() - 1;
                    return null;
                }
                case Ambiguous ambiguous -> {
                    c.verb = action;
                    openAmbiguity = ambiguous;
                    openClause = c;
                    lastItemClause = c;
                    lastItemContext = context;
                    return null;
                }
                case NotFound nf -> {
                    if (c.verb == null && !c.pronoun) {
                        return null;
                    }
                    c.verb = action;
                    return clarify(c, new Ambiguous(List.of()), c.hasWords()
                            ? "I couldn't find \"" + String.join(" ", c.words) + "\". Which product do you mean?"
                            : "Which product do you mean?");
                }
            }
        }

        /** "... to 3", "... down to a dozen": the number is the new total. */
        boolean saysTo(Clause c) {
            for (int i = 0; i + 1 < c.tokens.size(); i++) {
                if (c.tokens.get(i).equals("to") && (isQuantityWord(c.tokens.get(i + 1))
                        || c.tokens.get(i + 1).equals("a") || c.tokens.get(i + 1).equals("just"))) {
                    return true;
                }
            }
            return false;
        }

        boolean sameAsLastAdd(Clause c, CatalogProduct p) {
            boolean sameOne = c.pronoun || c.one || c.quantity != null && c.quantity == 1 && c.tokens.contains("one");
            if (!sameOne || c.hasWords() || c.another || lastItemIntent < 0
                    || c.quantity != null && c.quantity != 1) {
                return false;
            }
            Intent last = intents.get(lastItemIntent);
            return last.action() == Action.ADD_TO_CART && last.sku().equals(p.sku());
        }

        void emit(Clause c, CatalogProduct p) {
            int q = c.quantity == null ? 1 : c.quantity;
            if (c.pairOf && !soldByPair(p)) {
                q = q * 2;
            }
            Action action = c.verb == null ? Action.ADD_TO_CART : c.verb;
            if (action == Action.SET_QUANTITY) {
                intents.add(Intent.set(p.sku(), q));
                cart.put(p.sku(), q);
            } else if (action == Action.REMOVE_FROM_CART) {
                intents.add(Intent.remove(p.sku()));
                cart.remove(p.sku());
            } else {
                intents.add(Intent.add(p.sku(), q));
                cart.merge(p.sku(), q, Integer::sum);
            }
            mentioned.add(p.sku());
            lastItemIntent = intents.size() - 1;
        }

        /** The index an ordinal names in a list of {@code size}: 1 is the first, -1 the last. */
        int ordinal(int ordinal, int size) {
            return ordinal < 0 ? size - 1 : ordinal - 1;
        }

        ParseResult answer(Clause c, Pending pending) {
            Clause merged = new Clause(c.tokens);
            merged.words = new ArrayList<>(pending.words());
            merged.words.addAll(c.words);
            Integer answerQuantity = c.quantity;
            if (!c.hasWords() && c.quantity != null && pending.candidates().stream().map(index::get)
                    .flatMap(java.util.Optional::stream)
                    .anyMatch(p -> String.valueOf(c.quantity).equalsIgnoreCase(p.size()))) {
                // "44" answering "which size?" is the size, not a quantity
                merged.words.add(String.valueOf(c.quantity));
                answerQuantity = null;
            }
            merged.quantity = answerQuantity != null ? answerQuantity : pending.quantity();
            merged.pairOf = c.pairOf;
            merged.cheapest = c.cheapest;
            merged.dearest = c.dearest;
            merged.pronoun = c.pronoun;
            merged.one = c.one;
            Action action = Action.valueOf(pending.action());
            merged.verb = action;
            Resolution r = pending.candidates().isEmpty() ? resolve(merged, null, action)
                    : resolveWithin(merged, pending.candidates());
            if (c.ordinal != null && !c.hasWords() && !pending.candidates().isEmpty()
                    && Math.abs(c.ordinal) <= pending.candidates().size()) {
                // "the second one": in the order the question listed them
                String sku = pending.candidates().get(ordinal(c.ordinal, pending.candidates().size()));
                r = index.get(sku).<Resolution>map(Resolved::new).orElse(new NotFound());
            }
            if (c.hasWords() && !pending.candidates().isEmpty()
                    && (r instanceof NotFound || resolveWithin(c, pending.candidates()) instanceof NotFound)) {
                session.pending = null;
                return null; // not an answer: a new request, parsed on its own
            }
            answeredPending = true;
            intents.addAll(pending.before());
            pending.before().forEach(i -> {
                if (i.sku() != null) {
                    mentioned.add(i.sku());
                }
            });
            checkoutAfter |= pending.checkoutAfter();
            if (pending.swapOut() != null && r instanceof Resolved resolved) {
                intents.add(Intent.remove(pending.swapOut()));
                cart.remove(pending.swapOut());
                emit(merged, resolved.product());
                return null;
            }
            if (r instanceof Ambiguous ambiguous) {
                // "white, size L": the next clause may still narrow it down
                openAmbiguity = ambiguous;
                openClause = merged;
                lastItemClause = merged;
                lastItemContext = pending.candidates();
                return null;
            }
            return apply(merged, action, r, pending.candidates());
        }

        ParseResult swap(Clause c) {
            List<String> refs;
            Resolution old;
            if (c.swapNewWords != null) {
                // "swap X for Y": X is in the clause's words
                Clause oldClause = new Clause(c.tokens);
                oldClause.words = c.words;
                oldClause.pronoun = c.pronoun;
                oldClause.one = c.one;
                old = resolve(oldClause, cart.keySet(), Action.REMOVE_FROM_CART);
            } else {
                refs = references();
                old = refs.size() == 1 ? index.get(refs.getFirst()).<Resolution>map(Resolved::new)
                        .orElse(new NotFound()) : refs.isEmpty() ? new NotFound() : new Ambiguous(refs);
            }
            if (!(old instanceof Resolved oldResolved)) {
                c.verb = Action.REMOVE_FROM_CART;
                return clarify(c, old instanceof Ambiguous a ? a : new Ambiguous(List.of()),
                        "Which item should I replace?");
            }
            String oldSku = oldResolved.product().sku();
            Clause newClause = new Clause(c.tokens);
            newClause.words = c.swapNewWords != null ? c.swapNewWords : c.words;
            newClause.quantity = c.swapNewWords != null ? c.swapNewQuantity : c.quantity;
            newClause.cheapest = c.cheapest;
            newClause.dearest = c.dearest;
            newClause.one = true;
            if (newClause.quantity == null) {
                newClause.quantity = cart.getOrDefault(oldSku, 1);
            }
            newClause.verb = Action.ADD_TO_CART;
            Resolution r = resolveAttributes(newClause, index.family(oldSku));
            if (r instanceof Resolved resolved) {
                intents.add(Intent.remove(oldSku));
                cart.remove(oldSku);
                emit(newClause, resolved.product());
                return null;
            }
            if (r instanceof Ambiguous ambiguous) {
                return clarify(newClause, ambiguous, null, oldSku);
            }
            return clarify(newClause, new Ambiguous(List.of()), "What would you like instead?", oldSku);
        }

        /** The products "it", "that", "them" can mean: the ones last talked about. */
        List<String> references() {
            if (!mentioned.isEmpty()) {
                return List.of(mentioned.getLast());
            }
            if (session.lastWasSearch && session.lastSkus.isEmpty()) {
                return session.lastResults;
            }
            return session.lastSkus;
        }

        Resolution resolve(Clause c, Collection<String> preferred, Action action) {
            if (!c.hasWords()) {
                if (c.pronoun || c.one || c.another || c.quantity != null || c.relativeLess || c.relativeMore) {
                    List<String> refs = references();
                    if (refs.size() == 1) {
                        return index.get(refs.getFirst()).<Resolution>map(Resolved::new).orElse(new NotFound());
                    }
                    return refs.isEmpty() ? new NotFound() : new Ambiguous(refs);
                }
                return new NotFound();
            }
            boolean attributesOnly = c.words.stream().filter(index::isKnownWord).allMatch(index::isAttributeWord);
            if (preferred != null && !preferred.isEmpty()) {
                Resolution r = resolveWithin(c, preferred);
                if (r instanceof Resolved && namesNothingIn(c, preferred)) {
                    r = new NotFound();
                }
                if (!(r instanceof NotFound)) {
                    return r;
                }
            }
            if (attributesOnly) {
                List<String> context = new ArrayList<>();
                if (session.lastWasSearch && mentioned.isEmpty()) {
                    context.addAll(session.lastResults);
                } else {
                    for (String sku : references()) {
                        context.addAll(index.family(sku));
                    }
                }
                if (!context.isEmpty()) {
                    Resolution r = resolveWithin(c, context);
                    if (r instanceof Ambiguous ambiguous && references().size() == 1) {
                        r = closestTo(references().getFirst(), ambiguous);
                    }
                    if (!(r instanceof NotFound)) {
                        return r;
                    }
                }
            }
            return resolveWithin(c, null);
        }

        /** The words name a product outside {@code within} and only a brand or colour of one inside it. */
        boolean namesNothingIn(Clause c, Collection<String> within) {
            List<ScoredProduct> inside = index.score(c.words, within);
            List<ScoredProduct> everywhere = index.score(c.words, null);
            return !inside.isEmpty() && !everywhere.isEmpty() && inside.getFirst().nameCoverage() == 0
                    && everywhere.getFirst().nameCoverage() > 0;
        }

        /** "The same in large": among variants that fit the words, the one that keeps most of the reference's
         *  other attributes (colour, size, brand). */
        Resolution closestTo(String referenceSku, Ambiguous ambiguous) {
            CatalogProduct ref = index.get(referenceSku).orElse(null);
            if (ref == null) {
                return ambiguous;
            }
            int best = -1;
            List<CatalogProduct> top = new ArrayList<>();
            for (String sku : ambiguous.candidates()) {
                CatalogProduct p = index.get(sku).orElse(null);
                if (p == null) {
                    continue;
                }
                int same = (java.util.Objects.equals(p.color(), ref.color()) ? 1 : 0)
                        + (java.util.Objects.equals(p.size(), ref.size()) ? 1 : 0)
                        + (java.util.Objects.equals(p.brand(), ref.brand()) ? 1 : 0);
                if (same > best) {
                    best = same;
                    top.clear();
                }
                if (same == best) {
                    top.add(p);
                }
            }
            return top.size() == 1 ? new Resolved(top.getFirst()) : ambiguous;
        }

        /** For "the red one instead": the colour, size or brand picks among the old item's family first. */
        Resolution resolveAttributes(Clause c, List<String> family) {
            boolean attributesOnly = c.words.stream().filter(index::isKnownWord).allMatch(index::isAttributeWord);
            if (attributesOnly && !family.isEmpty()) {
                Resolution r = resolveWithin(c, family);
                if (!(r instanceof NotFound)) {
                    return r;
                }
            }
            return resolveWithin(c, null);
        }

        Resolution resolveWithin(Clause c, Collection<String> within) {
            if (!c.hasWords()) {
                if (within != null && within.size() == 1) {
                    return index.get(within.iterator().next()).<Resolution>map(Resolved::new).orElse(new NotFound());
                }
                if (within != null && !within.isEmpty() && (c.cheapest || c.dearest)) {
                    return pickByPrice(c, within.stream().map(index::get).flatMap(java.util.Optional::stream)
                            .toList());
                }
                return within == null || within.isEmpty() ? new NotFound() : new Ambiguous(List.copyOf(within));
            }
            List<ScoredProduct> scored = index.score(c.words, within);
            if (scored.isEmpty() || scored.getFirst().score() < MIN_SCORE) {
                return new NotFound();
            }
            ScoredProduct top = scored.getFirst();
            List<ScoredProduct> best = scored.stream()
                    .filter(p -> p.score() >= top.score() - TIE)
                    .filter(p -> p.nameCoverage() >= top.nameCoverage() - 1e-9)
                    .toList();
            if (best.size() == 1) {
                return new Resolved(best.getFirst().product());
            }
            if (c.cheapest || c.dearest) {
                return pickByPrice(c, best.stream().map(ScoredProduct::product).toList());
            }
            return new Ambiguous(best.stream().map(p -> p.product().sku()).toList());
        }

        Resolution pickByPrice(Clause c, List<CatalogProduct> products) {
            CatalogProduct pick = products.stream().min((a, b) -> c.cheapest
                    ? Long.compare(a.priceCents(), b.priceCents()) : Long.compare(b.priceCents(), a.priceCents()))
                    .orElse(null);
            long ties = products.stream().filter(p -> pick != null && p.priceCents() == pick.priceCents()).count();
            if (pick == null) {
                return new NotFound();
            }
            return ties == 1 ? new Resolved(pick)
                    : new Ambiguous(products.stream().map(CatalogProduct::sku).toList());
        }

        ParseResult clarify(Clause c, Ambiguous ambiguous) {
            return clarify(c, ambiguous, null, null);
        }

        ParseResult clarify(Clause c, Ambiguous ambiguous, String question) {
            return clarify(c, ambiguous, question, null);
        }

        ParseResult clarify(Clause c, Ambiguous ambiguous, String question, String swapOut) {
            Action action = c.verb == null ? Action.ADD_TO_CART : c.verb;
            List<Intent> before = new ArrayList<>(intents);
            session.pending = new Pending(action.name(), c.quantity, c.quantity != null, List.copyOf(c.words),
                    ambiguous.candidates(), before, checkoutAfter || c.buy, swapOut);
            String q = question != null ? question : question(ambiguous.candidates());
            return ParseResult.clarify(q, ambiguous.candidates());
        }

        String question(List<String> candidates) {
            List<CatalogProduct> products = candidates.stream().map(index::get).flatMap(java.util.Optional::stream)
                    .toList();
            if (products.isEmpty()) {
                return "Which product do you mean?";
            }
            boolean sameName = products.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).distinct().count() == 1;
            if (sameName) {
                String name = products.getFirst().name();
                if (products.stream().map(CatalogProduct::size).distinct().count() == products.size()) {
                    return "Which size of " + name + ": " + or(products.stream().map(CatalogProduct::size).toList())
                            + "?";
                }
                if (products.stream().map(CatalogProduct::color).distinct().count() == products.size()) {
                    return "Which colour of " + name + ": "
                            + or(products.stream().map(CatalogProduct::color).toList()) + "?";
                }
                if (products.stream().map(CatalogProduct::brand).distinct().count() == products.size()) {
                    return "Which " + name + ": " + or(products.stream().map(CatalogProduct::brand).toList()) + "?";
                }
            }
            return "Which one do you mean: " + or(products.stream().limit(8).map(CatalogProduct::label).toList())
                    + "?";
        }

        String or(List<String> options) {
            if (options.size() <= 1) {
                return String.join("", options);
            }
            return String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.getLast();
        }

        boolean soldByPair(CatalogProduct p) {
            String text = (p.name() + " " + p.description() + " " + String.join(" ", p.tags()))
                    .toLowerCase(Locale.ROOT);
            return text.matches(".*\\b(pair|pairs)\\b.*");
        }

        boolean isNumber(String w) {
            return w.matches("\\d+") || Lexicon.NUMBERS.containsKey(w) || w.equals("a") || w.equals("an");
        }

        /** Reads the quantity, the swap target and the product words of a clause. */
        void readQuantityAndWords(Clause c) {
            List<String> t = c.tokens;
            boolean[] used = new boolean[t.size()];
            int swapAt = -1;
            if (c.swap) {
                // "swap X for Y": the old item is named between the verb and "for"/"with"/"to"/"into"
                boolean named = false;
                for (int i = 1; i < t.size(); i++) {
                    String w = t.get(i);
                    if (named && (w.equals("for") || w.equals("with") || w.equals("to") || w.equals("into"))) {
                        swapAt = i;
                        break;
                    }
                    named |= isProductWord(w) || Lexicon.PRONOUNS.contains(w);
                }
            }
            Integer[] quantities = new Integer[2];
            for (int i = 0; i < t.size(); i++) {
                if (used[i]) {
                    continue;
                }
                int part = swapAt >= 0 && i > swapAt ? 1 : 0;
                String w = t.get(i);
                String next = i + 1 < t.size() ? t.get(i + 1) : "";
                String next2 = i + 2 < t.size() ? t.get(i + 2) : "";
                String prev = i > 0 ? t.get(i - 1) : "";
                Integer q = null;
                int span = 1;
                if (Lexicon.ORDINALS.containsKey(w) && !isProductWord(w)) {
                    c.ordinal = Lexicon.ORDINALS.get(w);
                    used[i] = true;
                    continue;
                }
                if (Lexicon.MULTIPLIERS.containsKey(w)) {
                    c.multiplier = Lexicon.MULTIPLIERS.get(w);
                    c.verb = Action.SET_QUANTITY;
                    c.swap = false;
                    c.buy = false;
                    used[i] = true;
                    continue;
                }
                if ((w.equals("less") || w.equals("more")) && Lexicon.PRICE_WORDS.containsKey(next)) {
                    // "the less expensive one", "the more affordable mouse"
                    boolean cheaper = w.equals("less") == Lexicon.PRICE_WORDS.get(next);
                    c.cheapest |= cheaper;
                    c.dearest |= !cheaper;
                    used[i] = true;
                    used[i + 1] = true;
                    continue;
                }
                if (w.equals("half") && (next.equals("a") || next.equals("dozen"))) {
                    q = 6;
                    span = next.equals("a") && next2.equals("dozen") ? 3 : 2;
                } else if (w.equals("half-dozen")) {
                    q = 6;
                } else if (w.equals("dozen")) {
                    q = 12;
                } else if ((w.equals("a") || w.equals("one")) && next.equals("dozen")) {
                    q = 12;
                    span = 2;
                } else if ((w.equals("a") || w.equals("one")) && (next.equals("couple") || next.equals("pair"))) {
                    q = next.equals("couple") ? 2 : 1;
                    c.pairOf |= next.equals("pair");
                    span = next2.equals("of") ? 3 : 2;
                } else if (w.equals("couple")) {
                    q = 2;
                    span = next.equals("of") ? 2 : 1;
                } else if (w.equals("pair") && next.equals("of")) {
                    q = 1;
                    c.pairOf = true;
                    span = 2;
                } else if (w.equals("few") && (prev.equals("a"))) {
                    q = 3;
                } else if (w.matches("x\\d{1,4}") || w.matches("\\d{1,4}x")) {
                    q = Integer.parseInt(w.replace("x", ""));
                } else if (w.equals("x") && next.matches("\\d{1,4}")) {
                    q = Integer.parseInt(next);
                    span = 2;
                } else if (w.equals("one") && (next.equals("less") || next.equals("fewer"))) {
                    c.relativeLess = true;
                    c.verb = Action.SET_QUANTITY;
                    span = 2;
                } else if (w.equals("one") && next.equals("more") && !mentionsAfter(t, i + 2)) {
                    c.another = true;
                    span = 2;
                } else if (w.matches("\\d{1,4}") || Lexicon.NUMBERS.containsKey(w) && (!w.equals("one")
                        || oneIsNumber(t, i))) {
                    if (prev.equals("size") || (Lexicon.MEASURES.contains(next) || index.isSizePhrase(w, next))
                            && !w.equals("one")) {
                        // "size 10", "1000 piece": part of the product
                        c.words.add(w);
                        used[i] = true;
                        continue;
                    }
                    q = w.matches("\\d+") ? Integer.parseInt(w) : Lexicon.NUMBERS.get(w);
                    if (Lexicon.TENS.contains(w) && Lexicon.UNITS_OF_TEN.containsKey(next)) {
                        // "twenty four"
                        q += Lexicon.UNITS_OF_TEN.get(next);
                        span = 2;
                        next = next2;
                        next2 = i + 3 < t.size() ? t.get(i + 3) : "";
                    } else if (next.equals("hundred") && q < 10) {
                        q *= 100;
                        span = 2;
                    }
                    if (next.equals("dozen")) {
                        q = q * 12;
                        span += 1;
                    } else if ((next.equals("pairs") || next.equals("pair")) && next2.equals("of")) {
                        c.pairOf = true;
                        span += 2;
                    } else if (next.equals("of") && (next2.equals("them") || next2.equals("those")
                            || next2.equals("these"))) {
                        c.ofThem = true;
                        span += 2;
                    }
                }
                if (q != null && (next.equals("more") || i + span < t.size() && t.get(i + span).equals("more"))
                        && c.multiplier == null) {
                    // "two more", "3 more mugs": that many added
                    c.verb = Action.ADD_TO_CART;
                    c.swap = false;
                    c.another = true;
                }
                if (q != null) {
                    if (quantities[part] == null) {
                        quantities[part] = q;
                    }
                    for (int k = i; k < Math.min(t.size(), i + span); k++) {
                        used[k] = true;
                    }
                    // a counting unit right after the number: "2 bags", "5 boxes of"
                    int after = i + span;
                    if (after < t.size() && Lexicon.UNITS.contains(t.get(after))) {
                        used[after] = true;
                        if (after + 1 < t.size() && t.get(after + 1).equals("of")) {
                            used[after + 1] = true;
                        }
                    }
                    continue;
                }
                if (c.pairOf && (w.equals("pair") || w.equals("pairs"))) {
                    used[i] = true;
                    continue;
                }
                if (Lexicon.UNITS.contains(w) && next.equals("of")) {
                    used[i] = true;
                    continue;
                }
            }
            c.quantity = quantities[0];
            c.swapNewQuantity = quantities[1];
            List<String> newWords = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (used[i] || i == swapAt) {
                    continue;
                }
                String w = t.get(i);
                List<String> target = swapAt >= 0 && i > swapAt ? newWords : c.words;
                if (Lexicon.PRONOUNS.contains(w)) {
                    if (target == c.words) {
                        c.pronoun = true;
                    }
                    continue;
                }
                if (Lexicon.ONE_WORDS.contains(w) || w.equals("same")) {
                    c.one = true;
                    continue;
                }
                if (w.equals("another") || w.equals("more") && (prev(t, i).equals("one") || prev(t, i).equals("some"))) {
                    c.another = true;
                    continue;
                }
                if (Lexicon.CHEAP.contains(w)) {
                    c.cheapest = true;
                    continue;
                }
                if (Lexicon.EXPENSIVE.contains(w)) {
                    c.dearest = true;
                    continue;
                }
                if (w.equals("less") || w.equals("fewer")) {
                    c.relativeLess |= c.verb == Action.SET_QUANTITY || c.quantity != null;
                    continue;
                }
                if (Lexicon.STOPWORDS.contains(w) || Lexicon.CART_WORDS.contains(w) && !index.isKnownWord(w)
                        || isVerb(w) || AUXILIARIES.contains(w)) {
                    continue;
                }
                if (model.vocabulary().contains(w) && !(i > 0 && isProductWord(t.get(i - 1))
                        || i + 1 < t.size() && isProductWord(t.get(i + 1)))) {
                    // "set it to 3" is no brush set; "a watering can" still is a can
                    continue;
                }
                if (w.equals("cart") || w.equals("basket") || w.equals("trolley")) {
                    continue;
                }
                target.add(w);
            }
            if (swapAt >= 0) {
                c.swapNewWords = newWords;
            }
        }

        private String prev(List<String> t, int i) {
            return i > 0 ? t.get(i - 1) : "";
        }

        /** A word of the request rather than of the product: one the action model's examples use. */
        boolean isVerb(String w) {
            return model.vocabulary().contains(w) && !index.isKnownWord(w);
        }

        boolean mentionsAfter(List<String> t, int from) {
            for (int i = from; i < t.size(); i++) {
                if (!Lexicon.STOPWORDS.contains(t.get(i)) && index.isKnownWord(t.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /** "one" counts ("one blue towel", "to one") unless it stands for a product ("the red one"). */
        boolean oneIsNumber(List<String> t, int i) {
            String prev = i > 0 ? t.get(i - 1) : "";
            if (i + 1 >= t.size()) {
                return prev.equals("to") || prev.equals("just") || prev.equals("only") || i == 0 || isVerb(prev);
            }
            String next = t.get(i + 1);
            if (next.equals("of") || Lexicon.PARTICLES.contains(next)) {
                return true; // "one of them", "knock one off"
            }
            return prev.isEmpty() || prev.equals("to") || prev.equals("just") || prev.equals("only")
                    || prev.equals("and") || prev.equals("me") || prev.equals("us") || isVerb(prev)
                    || AUXILIARIES.contains(prev) || prev.equals("also") || prev.equals("plus");
        }
    }
}
