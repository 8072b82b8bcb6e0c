package dev.shop.assistant.index;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.shop.ShopApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty index from the catalog's public API ({@code GET /products}, page by page).
 *
 * <p>Why: the index lives in the memory of each instance. Locally every instance reads every product event
 * (anonymous consumer group, from the earliest offset), but on Lambda the product events reach the separate
 * {@code indexProducts} function through an event source mapping, so a fresh parseIntent/executePlan instance
 * would otherwise start, and stay, with an empty index. Product versions are the catalog's, the same ones the
 * events carry, so later events still apply in order. Attempts are spaced out so that an unreachable catalog
 * does not slow every request down.
 */
public class CatalogWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CatalogWarmUp.class);
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 1000;

    private final ShopApi api;
    private final ProductIndex index;
    private final ObjectMapper mapper;
    private final Duration retryAfter;
    private final Clock clock;
    private Instant lastAttempt;

    public CatalogWarmUp(ShopApi api, ProductIndex index, ObjectMapper mapper, Duration retryAfter, Clock clock) {
        this.api = api;
        this.index = index;
        this.mapper = mapper;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** Loads the catalog when the index is empty and the last attempt is long enough ago; the number loaded. */
    public synchronized int ensureLoaded() {
        if (index.size() > 0) {
            return 0;
        }
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(retryAfter))) {
            return 0;
        }
        lastAttempt = now;
        return load();
    }

    /**
     * Reads the whole catalog again, whatever the index holds (after a SnapStart restore: the snapshot's index is
     * as old as the snapshot). Products the catalog no longer lists leave the index; the number changed.
     */
    public synchronized int refresh() {
        lastAttempt = clock.instant();
        java.util.Set<String> listed = new java.util.HashSet<>();
        int changed = load(listed);
        if (listed.isEmpty()) {
            return changed; // the catalog could not be read: keep what the index has rather than empty it
        }
        for (CatalogProduct product : index.all()) {
            if (!listed.contains(product.sku()) && index.delete(product.sku(), index.version(product.sku()))) {
                changed++;
            }
        }
        return changed;
    }

    private int load() {
        return load(new java.util.HashSet<>());
    }

    private int load(java.util.Set<String> listed) {
        int loaded = 0;
        try {
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                ShopApi.Response r = api.get("/products?limit=" + PAGE + (cursor == null ? ""
                        : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                if (!r.ok()) {
                    log.warn("the catalog could not be read to fill the product index: HTTP {}", r.status());
                    break;
                }
                for (JsonNode item : r.body().path("items")) {
                    CatalogProduct product = mapper.treeToValue(item, CatalogProduct.class);
                    listed.add(product.sku());
                    if (index.upsert(product, item.path("version").asLong(0))) {
                        loaded++;
                    }
                }
                JsonNode next = r.body().path("nextCursor");
                if (next.isNull() || next.isMissingNode() || next.asText().isBlank()
                        || r.body().path("items").isEmpty()) {
                    break;
                }
                cursor = next.asText();
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("the catalog could not be read to fill the product index: {}", e.getMessage());
        }
        if (loaded > 0) {
            log.info("filled the product index with {} products from the catalog", loaded);
        }
        return loaded;
    }
}
