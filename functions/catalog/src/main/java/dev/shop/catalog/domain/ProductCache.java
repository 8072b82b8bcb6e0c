package dev.shop.catalog.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.redis.RedisConnection;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Products cached in Redis as JSON, with a TTL plus up to 20% jitter so entries filled together do not
 * expire together. The cache only speeds reads up: when Redis fails, reads fall through to Postgres.
 */
public class ProductCache {

    private static final Logger log = LoggerFactory.getLogger(ProductCache.class);
    static final String PREFIX = "catalog:product:v1:";

    private final RedisConnection redis;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;

    public ProductCache(RedisConnection redis, ObjectMapper mapper, Duration ttl, MeterRegistry registry) {
        this.redis = redis;
        this.mapper = mapper;
        this.ttl = ttl;
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
        this.errors = counter(registry, "error");
    }

    public Optional<Product> get(String sku) {
        try {
            String json = redis.sync().get(key(sku));
            if (json == null) {
                misses.increment();
                return Optional.empty();
            }
            hits.increment();
            return Optional.of(mapper.readValue(json, Product.class));
        } catch (RedisException | JsonProcessingException e) {
            errors.increment();
            log.warn("product cache read failed for {}, reading the database: {}", sku, e.toString());
            return Optional.empty();
        }
    }

    public void put(Product product) {
        long base = ttl.toMillis();
        long jittered = base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 5));
        try {
            redis.sync().set(key(product.sku()), mapper.writeValueAsString(product), SetArgs.Builder.px(jittered));
        } catch (RedisException | JsonProcessingException e) {
            errors.increment();
            log.warn("product cache write failed for {}: {}", product.sku(), e.toString());
        }
    }

    public void evict(String sku) {
        try {
            redis.sync().del(key(sku));
        } catch (RedisException e) {
            errors.increment();
            // The entry expires with its TTL; say so loudly, it may serve stale data until then.
            log.error("product cache eviction failed for {}; stale for at most {}: {}", sku, ttl, e.toString());
        }
    }

    /**
     * Evicts the entry if it is older than {@code version}. An entry at that version or newer is already
     * what the event reports (the writing instance evicted and a later read refilled it), so it stays.
     */
    public void evictOlderThan(String sku, long version) {
        try {
            String json = redis.sync().get(key(sku));
            if (json != null && mapper.readValue(json, Product.class).version() < version) {
                redis.sync().del(key(sku));
            }
        } catch (JsonProcessingException e) {
            evict(sku);
        } catch (RedisException e) {
            errors.increment();
            log.error("product cache eviction failed for {}; stale for at most {}: {}", sku, ttl, e.toString());
        }
    }

    public static String key(String sku) {
        return PREFIX + sku;
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("shop.cache.requests")
                .description("Product cache lookups by result")
                .tag("cache", "product")
                .tag("result", result)
                .register(registry);
    }
}
