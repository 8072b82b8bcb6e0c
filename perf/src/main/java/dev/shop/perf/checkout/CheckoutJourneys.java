package dev.shop.perf.checkout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.perf.load.Arrival;
import dev.shop.perf.load.Latencies;
import dev.shop.perf.load.Outcome;
import dev.shop.perf.load.ShopHttp;

/**
 * A shopper's checkout, as a fast and correct client makes it: add one item to a fresh cart, check out at once
 * (no pause; with the cart version the cart answered, unless told not to), then follow the checkout until it ends.
 * Every call of a journey carries one correlation id, so the cost report can price the order it makes.
 *
 * <p>Measured per journey: accepted to terminal (the 202 of {@code POST /checkouts}, by this client's clock, to the
 * execution's {@code updatedAt} when it ended, by the server's: one clock on one machine), and the saga's own
 * duration ({@code startedAt} to {@code updatedAt}). The load driver adds the whole journey from its scheduled start.
 */
public final class CheckoutJourneys implements Arrival {

    public static final String PAYMENT_TOKEN = "tok_visa";
    public static final Duration TERMINAL_DEADLINE = Duration.ofSeconds(120);

    private final ShopHttp http;
    private final List<String> skus;
    private final boolean passCartVersion;
    private final Latencies acceptedToTerminal = new Latencies();
    private final Latencies saga = new Latencies();
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> correlationIds = Collections.synchronizedList(new ArrayList<>());
    private volatile long measureFromNanos = Long.MIN_VALUE;

    private final Duration deadline;

    public CheckoutJourneys(ShopHttp http, List<String> skus, boolean passCartVersion, Duration deadline) {
        this.http = http;
        this.skus = List.copyOf(skus);
        this.passCartVersion = passCartVersion;
        this.deadline = deadline;
    }

    @Override
    public Outcome run(long intendedStartNanos) throws IOException, InterruptedException {
        long n = sequence.incrementAndGet();
        String journey = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String correlationId = "perf-checkout-" + journey;
        String cartId = "perf-cart-" + journey;
        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));

        ShopHttp.Reply added = http.send("POST", "/carts/" + cartId + "/items", Map.of("sku", sku, "quantity", 1),
                false, null, correlationId);
        if (!added.ok()) {
            return Outcome.failure("POST /carts/{id}/items " + added.problem());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cartId", cartId);
        request.put("customerId", "perf-customer-" + (n % 1000));
        request.put("paymentToken", PAYMENT_TOKEN);
        if (passCartVersion && added.body().hasNonNull("version")) {
            request.put("cartVersion", added.body().get("version").asLong());
        }
        ShopHttp.Reply started = http.send("POST", "/checkouts", request, false, UUID.randomUUID().toString(),
                correlationId);
        Instant accepted = Instant.now();
        if (started.status() != 202) {
            return Outcome.failure("POST /checkouts " + started.problem());
        }
        correlationIds.add(correlationId);
        String checkoutId = started.body().path("checkoutId").asText();
        JsonNode state = started.body();
        long until = System.nanoTime() + deadline.toNanos();
        long pause = 20;
        while ("RUNNING".equals(state.path("status").asText("RUNNING"))) {
            if (System.nanoTime() > until) {
                return Outcome.failure("still RUNNING after " + deadline.toSeconds() + " s");
            }
            Thread.sleep(pause); // polling interval of the client, not a pause between a write and a read
            pause = Math.min(100, pause * 2);
            ShopHttp.Reply polled = http.get("/checkouts/" + checkoutId, correlationId);
            if (!polled.ok()) {
                return Outcome.failure("GET /checkouts/{id} " + polled.problem());
            }
            state = polled.body();
        }
        Instant startedAt = Instant.parse(state.path("startedAt").asText());
        Instant updatedAt = Instant.parse(state.path("updatedAt").asText());
        if (intendedStartNanos >= measureFromNanos) {
            saga.recordMicros(Duration.between(startedAt, updatedAt).toNanos() / 1000);
            acceptedToTerminal.recordMicros(Math.max(0, Duration.between(accepted, updatedAt).toNanos() / 1000));
        }
        String status = state.path("status").asText();
        if (!status.equals("SUCCEEDED")) {
            return Outcome.failure(status + " " + state.path("error").asText(""));
        }
        return Outcome.SUCCESS;
    }

    /** Journeys scheduled before this System.nanoTime() are warm-up: their saga times are not recorded. */
    public CheckoutJourneys measureFrom(long nanos) {
        this.measureFromNanos = nanos;
        return this;
    }

    /** From the 202 to the terminal state, for every journey that got a 202 and ended. */
    public Latencies acceptedToTerminal() {
        return acceptedToTerminal;
    }

    /** The saga's own duration, startedAt to updatedAt. */
    public Latencies saga() {
        return saga;
    }

    /** The correlation ids of the checkouts this load started. */
    public List<String> correlationIds() {
        synchronized (correlationIds) {
            return List.copyOf(correlationIds);
        }
    }

    public Map<String, Object> extra() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("acceptedToTerminal", acceptedToTerminal.summary());
        extra.put("saga", saga.summary());
        return extra;
    }
}
