package dev.shop.assistant.parser;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The closed-class English the parser's slot rules rely on: number words, ordinals, units, fillers. Catalog-independent. */
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

    static final Set<String> TENS = set("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
    static final Map<String, Integer> UNITS_OF_TEN = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5,
            "six", 6, "seven", 7, "eight", 8, "nine", 9);

    static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("1st", 1),
            Map.entry("2nd", 2), Map.entry("3rd", 3), Map.entry("4th", 4), Map.entry("5th", 5), Map.entry("last", -1));

    /** Words that open a question: a question asks (cart, search, orders), it does not change the cart. */
    static final Set<String> QUESTION_WORDS = set("what", "what's", "whats", "which", "where", "where's", "when",
            "how", "how's", "has", "have", "is", "are", "did", "does", "do", "any", "got");

    /** Particles after a counted "one": "knock one off", "take one out", "put one in". */
    static final Set<String> PARTICLES = set("off", "out", "away", "in", "back");

    /** Words that only lead into the next clause: "go ahead and buy", "try and find". */
    static final Set<String> LEAD_INS = set("go", "ahead", "come", "try", "let's", "lets");

    /** "double the pens": the new total is the old one times this. */
    static final Map<String, Integer> MULTIPLIERS = Map.of("double", 2, "twice", 2, "triple", 3, "treble", 3,
            "quadruple", 4);

    /** After "less"/"more": whether the word means dear (true) or cheap (false). */
    static final Map<String, Boolean> PRICE_WORDS = Map.of("expensive", true, "pricey", true, "costly", true,
            "affordable", false, "cheap", false, "pricy", true);

    /**
     * Small words that say nothing about what a clause asks for: a clause with nothing else but product words
     * and numbers has no act of its own ("and a blue pen", "white, size L", "just 2").
     */
    static final Set<String> FUNCTION_WORDS = set("a", "an", "the", "of", "for", "me", "my", "mine", "to", "in",
            "into", "on", "onto", "at", "with", "from", "by", "please", "pls", "plz", "some", "i", "we", "us", "you",
            "your", "our", "it", "that", "this", "them", "those", "these", "they", "one", "ones", "same", "and",
            "then", "plus", "also", "too", "as", "well", "just", "only", "thanks", "thank", "thx", "cheers", "ok",
            "okay", "yes", "yeah", "yep", "sure", "oh", "um", "uh", "hmm", "hm", "hi", "hello", "hey", "great",
            "cool", "nice", "lovely", "perfect", "good", "fine", "alright", "right", "so", "size", "colour", "color",
            "x", "is", "are", "am", "be", "actually", "wait", "sorry", "oops", "now", "maybe", "kindly", "really",
            "very", "both", "each", "but", "or", "straight", "today", "asap", "immediately");

    /** Counting units: "two boxes of tea", "3 packs", "2 bags". Dropped when they follow a number or precede "of". */
    static final Set<String> UNITS = set("pack", "packs", "box", "boxes", "bag", "bags", "pair", "pairs", "pcs",
            "unit", "units", "item", "items", "packet", "packets", "carton", "cartons", "roll", "rolls", "can", "cans",
            "jar", "jars", "bunch", "bunches", "set", "sets", "piece", "pieces", "copies", "copy", "count", "lots",
            "bundle", "bundles", "case", "cases", "tin", "tins", "sachet", "sachets", "tube", "tubes");

    /** Units of measure after a number make it part of the product ("1000 piece", "30 l"), not a quantity. */
    static final Set<String> MEASURES = set("piece", "pieces", "pc", "l", "litre", "liter", "litres", "liters",
            "ml", "cl", "mm", "cm", "m", "g", "kg", "gram", "grams", "oz", "ounce", "lb", "lbs", "inch", "inches",
            "w", "watt", "watts", "v", "volt", "gb", "tb", "mb", "mah", "year", "years", "yr", "yrs", "month",
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
