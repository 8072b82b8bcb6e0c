package dev.shop.checkout.http;

import static dev.shop.checkout.CheckoutBodies.aCheckoutOf;
import static dev.shop.checkout.CheckoutBodies.uniqueKey;
import static dev.shop.checkout.TestCarts.aCart;
import static dev.shop.checkout.TestCarts.aCartWithItems;
import static dev.shop.checkout.TestCarts.uniqueCartId;
import static dev.shop.runtime.http.HttpRequestBuilder.get;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.testing.JsonResponses.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.checkout.CartParticipant;
import dev.shop.checkout.CheckoutApi;
import dev.shop.checkout.CheckoutBodies;
import dev.shop.checkout.CheckoutOnRealServers;
import dev.shop.checkout.SagaCommands;
import dev.shop.checkout.TaskCommand;
import dev.shop.checkout.TestCarts;
import dev.shop.checkout.TaskResults;
import dev.shop.events.EventTypes;
import dev.shop.events.FreezeCart;
import dev.shop.events.ReserveInventory;
import dev.shop.events.StockLine;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.http.HttpRequestBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** {@code POST /checkouts} and {@code GET /checkouts/{checkoutId}}: what they answer and what they write. */
@CheckoutOnRealServers
class CheckoutHttpTest {

    @Autowired
    CheckoutApi api;
    @Autowired
    CartParticipant carts;
    @Autowired
    SagaCommands commands;
    @Autowired
    TaskResults participants;
    @Autowired
    FunctionManifest manifest;
    @Autowired
    Jdbi jdbi;

    // ---- POST /checkouts

    @Test
    void checksOutExactlyTheCartVersionTheShopperSaw() {
        TestCarts cart = carts.register(aCart().withLine(2, 1299).version(3));

        String checkoutId = api.start(aCheckoutOf(cart.cartId()).cartVersion(3)).checkoutId();

        assertThat(commands.of(checkoutId).getFirst().as(EventTypes.FREEZE_CART).cartVersion()).isEqualTo(3L);
        assertThat(commands.latest(checkoutId).data().get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void buysWhatTheCartHoldsWhenAskedNotAnEarlierState() {
        TestCarts cart = carts.register(aCart().withLine(1, 500).version(1));
        // The shopper changes the cart and checks out at once: the cart itself says what is bought.
        carts.register(cart.copy().noLines().withLine(5, 700).version(2));

        String checkoutId = api.start(cart.cartId()).checkoutId();

        ReserveInventory reserve = commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY)
                .as(EventTypes.RESERVE_INVENTORY);
        assertThat(reserve.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(5));
    }

    @Test
    void refusesACartThatChangedSinceTheShopperSawIt() {
        TestCarts cart = carts.register(aCart().withLine(2, 1299).version(4));

        HttpResponse response = api.call(HttpRequestBuilder.post("/checkouts").idempotencyKey(uniqueKey())
                .json(aCheckoutOf(cart.cartId()).cartVersion(3)));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(bodyOf(response).get("detail").asText()).contains("changed since version 3");
        assertRefusedByTheCart(cart.cartId(), "Checkout.CartChanged");
    }

    @Test
    void refusesACartVersionTheCartNeverHad() {
        TestCarts cart = carts.register(aCart().withLine(1, 500).version(1));

        HttpResponse response = api.call(HttpRequestBuilder.post("/checkouts").idempotencyKey(uniqueKey())
                .json(aCheckoutOf(cart.cartId()).cartVersion(7)));

        assertThat(response.status()).isEqualTo(409);
        assertThat(bodyOf(response).get("detail").asText()).contains(cart.cartId());
        assertRefusedByTheCart(cart.cartId(), "Checkout.CartChanged");
    }

    @Test
    void answersAcceptedWhenTheCartDoesNotAnswerInTimeAndGoesOnWhenItDoes() {
        TestCarts cart = aCartWithItems();
        carts.silence(cart.cartId());

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(uniqueKey()).json(aCheckoutOf(cart.cartId())));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String checkoutId = bodyOf(response).get("checkoutId").asText();
        assertThat(bodyOf(response).get("status").asText()).isEqualTo("RUNNING");
        assertThat(api.describe(checkoutId).get("currentState").asText()).isEqualTo("FreezeCart");
        // The cart function comes back and answers: the checkout goes on with what it holds.
        participants.succeed(commands.latest(checkoutId), cart.purchase());
        assertThat(commands.awaitLatest(checkoutId, EventTypes.RESERVE_INVENTORY).as(EventTypes.RESERVE_INVENTORY)
                .lines()).containsExactlyElementsOf(cart.stockLines());
    }

    /** The checkout ended at its first step: one failed execution, whose only command asked the cart. */
    private void assertRefusedByTheCart(String cartId, String error) {
        List<String> executions = executionsOfCart(cartId);
        assertThat(executions).hasSize(1);
        JsonNode checkout = api.describe(executions.getFirst());
        assertThat(checkout.get("status").asText()).isEqualTo("FAILED");
        assertThat(checkout.get("error").asText()).isEqualTo(error);
        assertThat(commands.typesOf(executions.getFirst())).containsExactly("shop.cart.freeze.v1");
    }

    @Test
    void startsCheckoutOfCartWithItemsAsksTheCartThenHoldsTheStock() {
        TestCarts cart = carts.register(aCart().withLine(2, 1299).withLine(1, 250));
        CheckoutBodies body = aCheckoutOf(cart.cartId());
        String key = uniqueKey();
        String correlationId = "corr-" + UUID.randomUUID();

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(key).correlationId(correlationId).json(body));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode accepted = bodyOf(response);
        String checkoutId = accepted.get("checkoutId").asText();
        assertThat(checkoutId).matches("chk_[0-9a-f]{32}");
        assertThat(accepted.get("status").asText()).isEqualTo("RUNNING");
        assertThat(response.headers()).containsEntry("location", "/checkouts/" + checkoutId)
                .containsEntry("content-type", "application/json")
                .doesNotContainKey("idempotent-replayed");
        assertThat(checkoutRow(key)).containsEntry("checkout_id", checkoutId).containsEntry("cart_id", cart.cartId())
                .containsEntry("customer_id", body.customerId());

        // The saga's first step committed with the checkout: it asked the cart what it holds...
        List<TaskCommand> sent = commands.of(checkoutId);
        assertThat(sent).hasSize(2);
        TaskCommand freeze = sent.get(0);
        assertThat(freeze.topic()).isEqualTo("shop.freeze-cart.v1");
        assertThat(freeze.envelope().source()).isEqualTo("/functions/checkout");
        assertThat(freeze.envelope().subject()).as("the request's correlation id").isEqualTo(correlationId);
        FreezeCart hold = freeze.as(EventTypes.FREEZE_CART);
        assertThat(hold.cartId()).isEqualTo(cart.cartId());
        assertThat(hold.checkoutId()).isEqualTo(checkoutId);
        assertThat(hold.cartVersion()).as("none named: the cart as it is").isNull();
        assertThat(hold.holdSeconds()).isEqualTo(900);
        assertThat(hold.taskToken()).startsWith(checkoutId + ":FreezeCart:");
        // ...and, the cart having answered before the 202, holds the stock for what the cart said it holds.
        TaskCommand command = sent.get(1);
        assertThat(command.topic()).isEqualTo("shop.reserve-inventory.v1");
        assertThat(command.type()).isEqualTo("shop.inventory.reserve.v1");
        assertThat(command.envelope().subject()).isEqualTo(correlationId);
        ReserveInventory reserve = command.as(EventTypes.RESERVE_INVENTORY);
        assertThat(reserve.checkoutId()).isEqualTo(checkoutId);
        assertThat(reserve.lines()).containsExactly(
                new StockLine(cart.lines().get(0).sku(), 2), new StockLine(cart.lines().get(1).sku(), 1));
        assertThat(reserve.holdSeconds()).isEqualTo(900);
        assertThat(reserve.taskToken()).startsWith(checkoutId + ":ReserveInventory:");
    }

    @Test
    void relaysTheSagasCommandsToTheirKafkaTopics(@Value("${shop.kafka.bootstrap}") String bootstrap) {
        String checkoutId = api.start(cartWithItems()).checkoutId();
        TaskCommand reserve = commands.latest(checkoutId);

        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(manifest.topicName("reserve-inventory")));
            await("ReserveInventory of " + checkoutId + " on Kafka").atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (checkoutId.equals(r.key())) {
                        received.add(r);
                    }
                });
                return !received.isEmpty();
            });
        }

        ConsumerRecord<String, byte[]> record = received.getFirst();
        assertThat(header(record, "event-id")).isEqualTo(reserve.envelope().id());
        assertThat(header(record, "event-type")).isEqualTo("shop.inventory.reserve.v1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(reserve.taskToken());
    }

    @Test
    void sameKeyAndSameBodyReplaysTheCheckout() {
        String cartId = cartWithItems();
        CheckoutBodies body = aCheckoutOf(cartId);
        String key = uniqueKey();

        HttpResponse first = api.call(post("/checkouts").idempotencyKey(key).json(body));
        HttpResponse again = api.call(post("/checkouts").idempotencyKey(key).json(body));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        String checkoutId = bodyOf(first).get("checkoutId").asText();
        assertThat(bodyOf(again).get("checkoutId").asText()).isEqualTo(checkoutId);
        assertThat(bodyOf(again).get("status").asText()).isEqualTo("RUNNING");
        assertThat(again.headers()).containsEntry("idempotent-replayed", "true")
                .containsEntry("location", "/checkouts/" + checkoutId);
        assertThat(executionsOfCart(cartId)).as("executions").containsExactly(checkoutId);
        assertThat(commands.typesOf(checkoutId)).containsExactly("shop.cart.freeze.v1", "shop.inventory.reserve.v1");
    }

    @Test
    void concurrentRetriesWithOneKeyStartOneCheckout() throws Exception {
        String cartId = cartWithItems();
        CheckoutBodies body = aCheckoutOf(cartId);
        String key = uniqueKey();
        List<Callable<HttpResponse>> retries = Stream.generate(
                () -> (Callable<HttpResponse>) () -> api.call(post("/checkouts").idempotencyKey(key).json(body)))
                .limit(4).toList();

        List<HttpResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<HttpResponse> response : pool.invokeAll(retries)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(HttpResponse::status).containsOnly(202);
        assertThat(responses).extracting(r -> bodyOf(r).get("checkoutId").asText()).containsOnly(
                bodyOf(responses.getFirst()).get("checkoutId").asText());
        assertThat(responses).filteredOn(r -> r.headers().containsKey("idempotent-replayed")).hasSize(3);
        String checkoutId = executionsOfCart(cartId).getFirst();
        assertThat(executionsOfCart(cartId)).containsExactly(checkoutId);
        assertThat(commands.typesOf(checkoutId)).containsExactly("shop.cart.freeze.v1", "shop.inventory.reserve.v1");
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String cartId = cartWithItems();
        String key = uniqueKey();
        CheckoutApi.Started started = startWithKey(key, aCheckoutOf(cartId).paymentToken("tok_first"));

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(key)
                .json(aCheckoutOf(cartId).paymentToken("tok_second")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/unprocessable");
        assertThat(problem.get("detail").asText()).contains("Idempotency-Key");
        assertThat(executionsOfCart(cartId)).containsExactly(started.checkoutId());
        assertThat(commands.typesOf(started.checkoutId())).containsExactly("shop.cart.freeze.v1", "shop.inventory.reserve.v1");
    }

    static Stream<Arguments> badIdempotencyKeys() {
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("empty", ""),
                Arguments.of("blank", "   "),
                Arguments.of("201 characters", "k".repeat(201)),
                Arguments.of("inner space", "two words"),
                Arguments.of("control character", "key\u0007bell"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIdempotencyKeys")
    void refusesCheckoutWithoutUsableIdempotencyKey(String what, String key) {
        String cartId = cartWithItems();
        HttpRequestBuilder request = post("/checkouts").json(aCheckoutOf(cartId));
        if (key != null) {
            request.idempotencyKey(key);
        }

        HttpResponse response = api.call(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertNothingWritten(cartId);
    }

    @Test
    void acceptsIdempotencyKeyOf200Characters() {
        String cartId = cartWithItems();

        String key = UUID.randomUUID() + "k".repeat(164);
        assertThat(key).hasSize(200);

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(key).json(aCheckoutOf(cartId)));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void unknownCartIsNotFound() {
        String cartId = uniqueCartId();

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(uniqueKey()).json(aCheckoutOf(cartId)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("detail").asText()).contains(cartId);
        assertRefusedByTheCart(cartId, "Checkout.CartNotFound");
    }

    @Test
    void emptiedCartIsConflict() {
        TestCarts cart = carts.register(aCartWithItems());
        carts.register(cart.copy().noLines().version(2));

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(uniqueKey())
                .json(aCheckoutOf(cart.cartId())));

        assertThat(response.status()).isEqualTo(409);
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/conflict");
        assertThat(problem.get("detail").asText()).contains(cart.cartId()).contains("empty");
        assertRefusedByTheCart(cart.cartId(), "Checkout.CartEmpty");
    }

    @Test
    void refusedCheckoutReplaysItsRefusal() {
        String cartId = uniqueCartId();
        String key = uniqueKey();
        CheckoutBodies body = aCheckoutOf(cartId);

        HttpResponse first = api.call(post("/checkouts").idempotencyKey(key).json(body));
        HttpResponse again = api.call(post("/checkouts").idempotencyKey(key).json(body));

        assertThat(first.status()).isEqualTo(404);
        assertThat(again.status()).isEqualTo(404);
        assertThat(bodyOf(again).get("detail")).isEqualTo(bodyOf(first).get("detail"));
        assertRefusedByTheCart(cartId, "Checkout.CartNotFound");
    }

    @Test
    void secondCheckoutOfCartInCheckoutIsConflictNamingTheRunningOne() {
        String cartId = cartWithItems();
        String running = api.start(cartId).checkoutId();

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(uniqueKey()).json(aCheckoutOf(cartId)));

        assertThat(response.status()).isEqualTo(409);
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/conflict");
        assertThat(problem.get("detail").asText()).contains(cartId).contains(running);
        assertThat(executionsOfCart(cartId)).containsExactly(running);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/requests/bad-checkout/cases.csv", numLinesToSkip = 1)
    void refusesBadBodyAndWritesNothing(String fixture, int status, String type, String field) throws IOException {
        String cartId = cartWithItems();
        String key = uniqueKey();

        HttpResponse response = api.call(post("/checkouts").idempotencyKey(key)
                .body(fixture(fixture).replace("${cartId}", cartId)));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("dev.shop");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(checkoutRows(key)).isZero();
        assertNothingWritten(cartId);
    }

    // ---- GET /checkouts/{checkoutId}

    @Test
    void describesRunningCheckout() {
        String cartId = cartWithItems();
        String checkoutId = api.start(cartId).checkoutId();

        JsonNode checkout = api.describe(checkoutId);

        assertThat(checkout.get("checkoutId").asText()).isEqualTo(checkoutId);
        assertThat(checkout.get("status").asText()).isEqualTo("RUNNING");
        assertThat(checkout.get("currentState").asText()).isEqualTo("ReserveInventory");
        assertThat(checkout.has("orderId")).isFalse();
        assertThat(checkout.has("error")).isFalse();
        assertThat(checkout.get("startedAt").asText()).isNotBlank();
        JsonNode history = checkout.get("history");
        assertThat(history.findValuesAsText("type")).startsWith("ExecutionStarted", "StateEntered", "TaskScheduled",
                "TaskSucceeded", "StateExited", "StateEntered", "TaskScheduled");
        assertThat(history.get(1).get("state").asText()).isEqualTo("FreezeCart");
        assertThat(history.get(2).get("state").asText()).isEqualTo("FreezeCart");
        assertThat(history.get(5).get("state").asText()).isEqualTo("ReserveInventory");
        assertThat(history.findValuesAsText("seq")).startsWith("1", "2", "3");
    }

    @Test
    void longPollAnswersWhenTheCheckoutEndsWokenByItsStep() throws Exception {
        TestCarts cart = aCartWithItems();
        carts.silence(cart.cartId());
        HttpResponse started = api.call(post("/checkouts").idempotencyKey(uniqueKey()).json(aCheckoutOf(cart.cartId())));
        String checkoutId = bodyOf(started).get("checkoutId").asText();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse> waiting = pool.submit(() ->
                    api.call(get("/checkouts/" + checkoutId).query("waitSeconds", String.valueOf(CheckoutHttp.MAX_WAIT_SECONDS))));
            // The cart refuses: the step's NOTIFY wakes the waiting request, which answers with the ended checkout.
            participants.fail(commands.latest(checkoutId), "Cart.Empty", "Cart " + cart.cartId() + " is empty");

            HttpResponse response = waiting.get(CheckoutHttp.MAX_WAIT_SECONDS + 5L, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(bodyOf(response).get("status").asText()).isEqualTo("FAILED");
            assertThat(bodyOf(response).get("error").asText()).isEqualTo("Checkout.CartEmpty");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void longPollOnACheckoutThatGoesOnAnswersWithWhatIsKnown() {
        String checkoutId = api.start(cartWithItems()).checkoutId();

        HttpResponse response = api.call(get("/checkouts/" + checkoutId).query("waitSeconds", "1"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(bodyOf(response).get("status").asText()).isEqualTo("RUNNING");
        assertThat(bodyOf(response).get("currentState").asText()).isEqualTo("ReserveInventory");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-1", "9", "soon"})
    void refusesAWaitOutsideWhatTheFunctionCanHold(String wait) {
        String checkoutId = api.start(cartWithItems()).checkoutId();

        HttpResponse response = api.call(get("/checkouts/" + checkoutId).query("waitSeconds", wait));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(bodyOf(response).get("errors").findValuesAsText("field")).containsExactly("waitSeconds");
    }

    @Test
    void unknownCheckoutIsNotFound() {
        HttpResponse response = api.call(get("/checkouts/chk_" + UUID.randomUUID().toString().replace("-", "")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(bodyOf(response).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void malformedCheckoutIdIsBadRequest() {
        HttpResponse response = api.call(get("/checkouts/not%20an%20id!"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("checkoutId");
    }

    // ---- helpers

    /** A cart with items, as the cart function holds it. */
    private String cartWithItems() {
        return carts.register(aCartWithItems()).cartId();
    }

    private CheckoutApi.Started startWithKey(String key, CheckoutBodies body) {
        HttpResponse response = api.call(post("/checkouts").idempotencyKey(key).json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return new CheckoutApi.Started(bodyOf(response).get("checkoutId").asText(), key, null, body);
    }

    /** No checkout row, no saga execution and no command exists for the cart. */
    private void assertNothingWritten(String cartId) {
        Map<String, Object> counts = jdbi.withHandle(h -> h.createQuery("""
                        select (select count(*) from checkouts where cart_id = :cartId) as checkouts,
                               (select count(*) from executions where input ->> 'cartId' = :cartId) as executions,
                               (select count(*) from outbox o join executions e on e.id = o.message_key
                                 where e.input ->> 'cartId' = :cartId) as commands""")
                .bind("cartId", cartId)
                .mapToMap()
                .one());
        assertThat(counts).containsEntry("checkouts", 0L).containsEntry("executions", 0L).containsEntry("commands", 0L);
    }

    private List<String> executionsOfCart(String cartId) {
        return jdbi.withHandle(h -> h.createQuery("select id from executions where input ->> 'cartId' = :cartId")
                .bind("cartId", cartId).mapTo(String.class).list());
    }

    private Map<String, Object> checkoutRow(String key) {
        return jdbi.withHandle(h -> h.createQuery("select * from checkouts where idempotency_key = :key")
                .bind("key", key).mapToMap().one());
    }

    private long checkoutRows(String key) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from checkouts where idempotency_key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "checkout-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = CheckoutHttpTest.class.getResourceAsStream("/requests/bad-checkout/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
