package dev.shop.perf.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's catalog: {@code PERF-00001...}, generated from the index alone, so every run writes the same one. */
final class PerfCatalog {

    static final List<String> CATEGORIES = List.of("perf-kitchen", "perf-office", "perf-garden", "perf-toys",
            "perf-books", "perf-sports", "perf-audio", "perf-bath", "perf-tools", "perf-pets");
    static final List<String> COLORS = List.of("red", "blue", "green", "black", "white", "teal", "amber", "grey");
    static final List<String> NOUNS = List.of("widget", "gadget", "lamp", "mug", "bottle", "notebook", "cable",
            "brush", "basket", "speaker");

    private PerfCatalog() {
    }

    static String sku(int index) {
        return String.format(Locale.ROOT, "PERF-%05d", index);
    }

    /** The JSON body of {@code PUT /products/{sku}} for product {@code index} (1-based) at {@code priceCents}. */
    static Map<String, Object> product(int index, long priceCents) {
        String color = COLORS.get(index % COLORS.size());
        String noun = NOUNS.get((index / COLORS.size()) % NOUNS.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Bench " + color + " " + noun + " " + index);
        body.put("description", "A " + color + " " + noun + " made for the performance suite.");
        body.put("brand", "Benchworks");
        body.put("category", CATEGORIES.get(index % CATEGORIES.size()));
        body.put("color", color);
        body.put("priceCents", priceCents);
        body.put("currency", "USD");
        body.put("tags", List.of("bench", noun));
        return body;
    }

    static long basePrice(int index) {
        return 500 + (index * 37L) % 9_500;
    }
}
