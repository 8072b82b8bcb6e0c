package dev.shop.assistant.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.parser.Intent;
import dev.shop.assistant.parser.ParseResult;

/** The evaluation data set's files (catalog.json, cases.jsonl, tasks.jsonl) and how a case is scored. */
public final class DevSet {

    public record Catalog(List<CatalogProduct> products, Map<String, Integer> inventory, List<JsonNode> raw) {
    }

    /** @param unseenWording marked by the assistant's own held-out split: worded as nothing in training */
    public record Case(String id, String session, String text, JsonNode expect, boolean unseenWording) {
        public boolean clarify() {
            return expect.path("clarify").asBoolean(false);
        }
    }

    public record Task(String id, String text, String paymentToken, JsonNode expect) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DevSet() {
    }

    public static Catalog catalog(Path folder) {
        try {
            JsonNode root = MAPPER.readTree(folder.resolve("catalog.json").toFile());
            List<CatalogProduct> products = new ArrayList<>();
            List<JsonNode> raw = new ArrayList<>();
            for (JsonNode p : root.path("products")) {
                products.add(MAPPER.treeToValue(p, CatalogProduct.class));
                raw.add(p);
            }
            Map<String, Integer> inventory = new java.util.LinkedHashMap<>();
            root.path("inventory").properties().forEach(e -> inventory.put(e.getKey(), e.getValue().asInt()));
            return new Catalog(products, inventory, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> cases(Path folder) {
        return lines(folder.resolve("cases.jsonl")).stream().map(n -> new Case(n.path("id").asText(),
                n.path("session").asText(), n.path("text").asText(), n.path("expect"),
                n.path("unseenWording").asBoolean(false))).toList();
    }

    public static List<Task> tasks(Path folder) {
        return lines(folder.resolve("tasks.jsonl")).stream().map(n -> new Task(n.path("id").asText(),
                n.path("text").asText(), n.path("paymentToken").asText(), n.path("expect"))).toList();
    }

    private static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    nodes.add(MAPPER.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a parse passes a case: clarify cases need a question; intents cases the exact (action, sku, quantity) list. */
    public static boolean passes(Case c, ParseResult result) {
        if (c.clarify()) {
            return result.needsClarification();
        }
        if (result.needsClarification()) {
            return false;
        }
        return expected(c).equals(actual(result.intents()));
    }

    public static List<String> expected(Case c) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : c.expect().path("intents")) {
            out.add(key(i.path("action").asText(), i.hasNonNull("sku") ? i.get("sku").asText() : null,
                    i.hasNonNull("quantity") ? i.get("quantity").asInt() : null));
        }
        return out;
    }

    /** The actions a case expects, in order. */
    public static List<String> expectedActions(Case c) {
        List<String> out = new ArrayList<>();
        c.expect().path("intents").forEach(i -> out.add(i.path("action").asText()));
        return out;
    }

    public static List<String> actual(List<Intent> intents) {
        return intents.stream().map(i -> key(i.action().name(), i.sku(), i.quantity())).toList();
    }

    /** The same for intents read back from the HTTP API. */
    public static List<String> actual(JsonNode intents) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : intents) {
            out.add(key(i.path("action").asText(), i.hasNonNull("sku") ? i.get("sku").asText() : null,
                    i.hasNonNull("quantity") ? i.get("quantity").asInt() : null));
        }
        return out;
    }

    private static String key(String action, String sku, Integer quantity) {
        return action + (sku == null ? "" : " " + sku) + (quantity == null ? "" : " x" + quantity);
    }

    public static boolean exists(Path folder) {
        return folder != null && Files.isRegularFile(folder.resolve("cases.jsonl"))
                && Files.isRegularFile(folder.resolve("catalog.json"));
    }

    static String nonNull(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
