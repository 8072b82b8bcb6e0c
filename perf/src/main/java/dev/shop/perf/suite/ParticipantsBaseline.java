package dev.shop.perf.suite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import dev.shop.events.ClearCart;
import dev.shop.events.CommitInventory;
import dev.shop.events.CreateOrder;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;
import dev.shop.events.EventTypes;
import dev.shop.events.FreezeCart;
import dev.shop.events.OrderLine;
import dev.shop.events.ProcessPayment;
import dev.shop.events.ProductChanged;
import dev.shop.events.ReserveInventory;
import dev.shop.events.StockLine;
import dev.shop.local.servers.LocalServers;
import dev.shop.perf.checkout.CheckoutJourneys;
import dev.shop.perf.load.LoadDriver;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.load.Outcome;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The saga's baseline: the same participants called in-process, one after the other, with no Kafka and no workflow
 * engine between them. Each checkout adds an item to a fresh cart (the cart's HTTP face), then hands
 * {@code freezeCart}, {@code reserveInventory}, {@code processPayment}, {@code createOrder}, {@code commitInventory}
 * and {@code clearCart} the very commands the saga would send, to the same Kafka-facing function beans (decode,
 * meter, idempotency, business transaction, reply in the outbox). Their own modules run in this JVM on the
 * suite's own servers, outbox relays off.
 */
final class ParticipantsBaseline implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();
    private static final String SOURCE = "/functions/perf-baseline";

    private final List<ConfigurableApplicationContext> modules = new ArrayList<>();
    private final Map<String, Consumer<Message<byte[]>>> participants = new LinkedHashMap<>();
    private final List<String> skus = new ArrayList<>();
    private HttpApi cart;
    private final List<Jdbi> databases = new ArrayList<>();

    @SuppressWarnings("unchecked")
    ParticipantsBaseline(LocalServers servers, int products) {
        String jdbcUrl = servers.createDatabase("perf_baseline_" + UUID.randomUUID().toString().substring(0, 8));
        for (String module : List.of("inventory", "payment", "order", "cart")) {
            modules.add(ModuleHost.start(module, servers.endpoints(), jdbcUrl, Map.of()));
        }
        for (ConfigurableApplicationContext module : modules) {
            for (String name : List.of("freezeCart", "reserveInventory", "processPayment", "createOrder",
                    "commitInventory", "clearCart", "syncCartPrices")) {
                if (module.containsBean(name)) {
                    participants.put(name, module.getBean(name, Consumer.class));
                }
            }
            databases.add(module.getBean(Jdbi.class));
        }
        HttpApi inventory = modules.get(0).getBean(HttpApi.class);
        cart = modules.get(3).getBean(HttpApi.class);
        for (int i = 1; i <= products; i++) {
            String sku = String.format(Locale.ROOT, "PERF-BASE-%03d", i);
            HttpResponse stocked = inventory.handle(request("PUT", "/inventory/" + sku, "{\"available\": 1000000}",
                    true));
            if (stocked.status() != 200) {
                throw new IllegalStateException("baseline stock for " + sku + ": " + stocked.status());
            }
            deliver("syncCartPrices", EventTypes.PRODUCT_CHANGED, "perf-seed", new ProductChanged(sku,
                    "Baseline item " + i, null, null, "perf", null, null, 1000 + i, "USD", List.of(), 1,
                    Instant.now()));
            skus.add(sku);
        }
    }

    LoadResult closed(int clients, Duration warmup, Duration measure) {
        return LoadDriver.closed("participants in-process x" + clients, clients, warmup, measure, this::checkout,
                Map::of);
    }

    private Outcome checkout(long intendedStart) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String checkoutId = "chk_base_" + id;
        String correlation = "perf-baseline-" + id;
        String cartId = "perf-base-cart-" + id;
        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
        HttpResponse added = cart.handle(request("POST", "/carts/" + cartId + "/items",
                "{\"sku\": \"" + sku + "\", \"quantity\": 1}", false));
        if (added.status() != 200) {
            return Outcome.failure("addToCart " + added.status());
        }
        long price = 1000 + Long.parseLong(sku.substring(sku.length() - 3));
        String customer = "perf-baseline-customer";
        deliver("freezeCart", EventTypes.FREEZE_CART, correlation,
                new FreezeCart(token(), cartId, checkoutId, null, 900));
        deliver("reserveInventory", EventTypes.RESERVE_INVENTORY, correlation,
                new ReserveInventory(token(), checkoutId, List.of(new StockLine(sku, 1)), 900));
        deliver("processPayment", EventTypes.PROCESS_PAYMENT, correlation,
                new ProcessPayment(token(), checkoutId, customer, price, "USD", CheckoutJourneys.PAYMENT_TOKEN));
        deliver("createOrder", EventTypes.CREATE_ORDER, correlation, new CreateOrder(token(), checkoutId, customer,
                List.of(new OrderLine(sku, "item", 1, price)), price, "USD"));
        deliver("commitInventory", EventTypes.COMMIT_INVENTORY, correlation, new CommitInventory(token(), checkoutId));
        deliver("clearCart", EventTypes.CLEAR_CART, correlation, new ClearCart(token(), cartId, checkoutId,
                List.of(new StockLine(sku, 1))));
        return Outcome.SUCCESS;
    }

    /** Replies the participants wrote: each step answers with TaskSucceeded or TaskFailed into its outbox. */
    Map<String, Long> replies() {
        Map<String, Long> replies = new LinkedHashMap<>();
        for (Jdbi jdbi : databases) {
            jdbi.useHandle(h -> h.createQuery("select event_type, count(*) from outbox group by event_type")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> replies.merge(e.getKey(), e.getValue(), Long::sum)));
        }
        return replies;
    }

    private <T> void deliver(String function, EventType<T> type, String correlation, T command) {
        EventEnvelope<T> envelope = EventEnvelope.of(type, SOURCE, correlation, command);
        participants.get(function).accept(MessageBuilder.withPayload(CODEC.encode(envelope))
                .setHeader("event-id", envelope.id().getBytes(StandardCharsets.UTF_8))
                .setHeader("event-type", type.name().getBytes(StandardCharsets.UTF_8))
                .build());
    }

    private static String token() {
        return "perf-token-" + UUID.randomUUID();
    }

    private static HttpRequest request(String method, String path, String body, boolean admin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (admin) {
            headers.put("authorization", "Bearer " + ModuleHost.ADMIN_TOKEN);
        }
        return new HttpRequest(method, path, null, null, headers, body == null ? null
                : body.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        modules.forEach(ConfigurableApplicationContext::close);
    }
}
