package dev.shop.assistant.parser;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The closed-class English the parser relies on: number words, verbs, units, fillers. Catalog-independent. */
final class Lexicon {

    private Lexicon() {
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < small.length; i++) {
            NUMBERS.put(small[i], i);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            NUMBERS.put(tens[i], (i + 2) * 10);
            for (int j = 1; j < 10; j++) {
                NUMBERS.put(tens[i] + "-" + small[j], (i + 2) * 10 + j);
            }
        }
        NUMBERS.put("hundred", 100);
        NUMBERS.put("single", 1);
        NUMBERS.put("once", 1);
    }

    static final Set<String> ADD_VERBS = set("add", "adding", "added", "put", "putting", "get", "grab", "take",
            "give", "throw", "toss", "include", "want", "need", "like", "love", "have", "pick", "bring", "send",
            "ship", "stick", "pop", "chuck", "i'd", "i'll");
    static final Set<String> BUY_VERBS = set("buy", "purchase", "order", "buying", "purchasing", "ordering");
    static final Set<String> REMOVE_VERBS = set("remove", "removing", "delete", "drop", "ditch", "discard",
            "cancel", "unadd", "lose", "scrap", "erase");
    static final Set<String> SET_VERBS = set("make", "change", "update", "set", "reduce", "increase", "decrease",
            "adjust", "lower", "raise", "bump", "edit", "modify", "cut");
    static final Set<String> SWAP_VERBS = set("swap", "replace", "switch", "exchange", "substitute", "trade");

    /** Words after which "order" is a noun ("my order"), not a verb ("order two mugs"). */
    static final Set<String> DETERMINERS = set("my", "the", "your", "an", "a", "this", "that", "our", "his", "her",
            "their", "to");

    /** Counting units: "two boxes of tea", "3 packs", "2 bags". Dropped when they follow a number or precede "of". */
    static final Set<String> UNITS = set("pack", "packs", "box", "boxes", "bag", "bags", "pair", "pairs", "pcs",
            "unit", "units", "item", "items", "packet", "packets", "carton", "cartons", "roll", "rolls", "can", "cans",
            "jar", "jars", "bunch", "bunches", "set", "sets", "piece", "pieces", "copies", "copy", "count", "lots",
            "bundle", "bundles", "case", "cases", "tin", "tins", "sachet", "sachets", "tube", "tubes");

    /** Units of measure after a number make it part of the product ("1000 piece", "30 l"), not a quantity. */
    static final Set<String> MEASURES = set("piece", "pieces", "pc", "l", "litre", "liter", "litres", "liters",
            "ml", "cl", "mm", "cm", "m", "g", "kg", "gram", "grams", "oz", "ounce", "lb", "lbs", "inch", "inches",
            "in", "w", "watt", "watts", "v", "volt", "gb", "tb", "mb", "mah", "year", "years", "yr", "yrs", "month",
            "months", "percent", "lumen", "lumens", "gsm", "sheet", "sheets", "page", "pages", "cup", "cups",
            "hour", "hours", "minute", "minutes", "metre", "meter", "metres", "meters", "ft", "foot", "feet",
            "pound", "mp", "hz", "p", "k", "ply");

    static final Set<String> PRONOUNS = set("it", "that", "this", "them", "those", "these", "they");
    static final Set<String> ONE_WORDS = set("one", "ones");
    static final Set<String> INDEFINITE = set("a", "an", "another", "some");

    static final Set<String> CART_WORDS = set("cart", "basket", "trolley", "bag");

    static final Set<String> CHEAP = set("cheap", "cheaper", "cheapest", "budget", "inexpensive", "affordable");
    static final Set<String> EXPENSIVE = set("expensive", "pricier", "priciest", "premium", "fancier", "fanciest",
            "dearer");

    /** Words that never name a product. */
    static final Set<String> STOPWORDS = set("a", "an", "the", "of", "for", "me", "my", "mine", "to", "in", "into",
            "on", "onto", "please", "pls", "plz", "some", "i", "i'd", "i'll", "i'm", "i've", "im", "id", "we", "we'd",
            "we'll", "us", "you", "your", "can", "could", "would", "will", "should", "shall", "may", "might", "mind",
            "just", "only", "too", "also", "as", "well", "with", "thanks", "thank", "thx", "cheers", "hi", "hello",
            "hey", "ok", "okay", "hmm", "hm", "um", "uh", "actually", "oh", "great", "cool", "yes", "yeah", "yep",
            "sure", "now", "yet", "anymore", "again", "go", "ahead", "maybe", "really", "kindly", "instead", "same",
            "all", "both", "each", "every", "is", "are", "am", "be", "do", "does", "did", "there", "here", "and",
            "then", "plus", "but", "or", "so", "at", "from", "by", "about", "what", "what's", "whats", "which",
            "that's", "it's", "let", "let's", "lets", "done", "perfect", "alright", "right", "wait", "sorry", "fine",
            "good", "nice", "awesome", "excellent", "lovely", "of", "out", "off", "up", "rid", "more", "less", "fewer",
            "another", "other", "else", "extra", "quantity", "qty", "amount", "number", "total", "new", "old",
            "cart", "basket", "trolley", "order", "something", "thing", "things", "stuff", "want", "need", "like",
            "love", "have", "has", "had", "get", "got", "give", "take", "put", "add", "adding", "much", "many",
            "own", "already", "still", "those", "these", "them", "it", "that", "this", "they", "one", "ones",
            "instead", "rather", "prefer", "go", "with", "without", "too", "very", "quite", "kind", "sort", "type",
            "version", "variant", "model", "colour", "color", "size", "brand", "please", "thankyou", "buddy", "mate",
            "hun", "dear", "x", "times", "time", "go", "along", "something", "anything", "any", "else", "in",
            "guess", "think", "suppose", "looks", "look", "seems", "oops", "whoops", "meant", "mean");
}
