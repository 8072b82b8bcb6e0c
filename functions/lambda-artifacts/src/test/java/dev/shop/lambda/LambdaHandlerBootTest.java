package dev.shop.lambda;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every function module's HTTP Lambda booted from its built jar the way the Lambda Java runtime does it (a JVM
 * running the runtime interface client against a Runtime API, {@code FunctionInvoker} as the handler, the
 * function bean, profile and application in the environment as Terraform sets them), answering API Gateway HTTP
 * API (payload 2.0) events: recorded ones, and AWS's own published event adapted to the route.
 */
class LambdaHandlerBootTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Up to seven Spring applications starting with their migrations on two cores shared with other work. */
    private static final Duration INIT = Duration.ofMinutes(5);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    /**
     * How many instances initialise at once ({@code -Dshop.lambda-boot.parallelism}): one, since starting them
     * together was no faster on two cores (measured in the README).
     */
    private static final int PARALLELISM = Integer.getInteger("shop.lambda-boot.parallelism", 1);

    private static LambdaInstances lambdas;

    @BeforeAll
    static void startEveryModule() {
        lambdas = LambdaInstances.startAll(Repository.artifacts(), PARALLELISM);
    }

    @AfterAll
    static void stopEveryModule() {
        if (lambdas != null) {
            System.out.println("init (JVM start to first poll): " + lambdas.initTimes());
            lambdas.close();
        }
    }

    @Test
    void everyModuleMigratesAtDeployTime() throws Exception {
        for (LambdaArtifact artifact : Repository.artifacts()) {
            lambdas.ready(artifact.module(), INIT);
            Invocation migrated = lambdas.migration(artifact.module());
            assertThat(migrated).as(artifact.module() + "-migrate").isInstanceOf(Invocation.Answered.class);
            JsonNode answer = JSON.readTree(((Invocation.Answered) migrated).payload());
            assertThat(answer.path("module").asText()).as(answer.toString()).isEqualTo(artifact.module());
            assertThat(answer.path("migrations").asInt()).as(answer.toString()).isPositive();
        }
    }

    @Test
    void catalogStoresAndServesProduct() throws Exception {
        String sku = "LMB-" + shortId();

        JsonNode created = answer("catalog", "events/catalog-put-product.json", Map.of("sku", sku));
        JsonNode read = answer("catalog", "events/catalog-get-product.json", Map.of("sku", sku));

        assertThat(created.path("statusCode").asInt()).as(created.toString()).isEqualTo(201);
        assertThat(read.path("statusCode").asInt()).as(read.toString()).isEqualTo(200);
        assertThat(read.path("headers").path("content-type").asText()).isEqualTo("application/json");
        JsonNode product = body(read);
        assertThat(product.path("sku").asText()).isEqualTo(sku);
        assertThat(product.path("name").asText()).isEqualTo("Lambda Travel Mug");
        assertThat(product.path("priceCents").asLong()).isEqualTo(2499);
    }

    @Test
    void catalogAnswersAwsFormatEvent() throws Exception {
        assumeAwsEvents();
        String sku = "LMB-" + shortId();
        answer("catalog", "events/catalog-put-product.json", Map.of("sku", sku));

        JsonNode first = answer("catalog", AwsHttpEvent.request("GET", "/products/{sku}", "/products/" + sku)
                .pathParameters(Map.of("sku", sku)).json());
        JsonNode second = answer("catalog", AwsHttpEvent.request("GET", "/products/{sku}", "/products/" + sku)
                .pathParameters(Map.of("sku", sku)).json());

        assertThat(first.path("statusCode").asInt()).as(first.toString()).isEqualTo(200);
        assertThat(body(first).path("sku").asText()).isEqualTo(sku);
        assertThat(first.path("headers").path("x-cache").asText()).isEqualTo("MISS");
        assertThat(second.path("headers").path("x-cache").asText()).as("Redis answers the second read").isEqualTo("HIT");
    }

    @Test
    void cartAddsItemAtReplicatedPrice() throws Exception {
        String sku = seededProduct();
        String cartId = "cart-" + shortId();

        JsonNode added = answer("cart", "events/cart-add-item.json", Map.of("sku", sku, "cartId", cartId));

        assertThat(added.path("statusCode").asInt()).as(added.toString()).isEqualTo(200);
        JsonNode cart = body(added);
        assertThat(cart.path("cartId").asText()).isEqualTo(cartId);
        assertThat(cart.path("items").get(0).path("sku").asText()).isEqualTo(sku);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(cart.path("totalCents").asLong()).isEqualTo(2900);
    }

    @Test
    void cartAnswersAwsFormatEvent() throws Exception {
        assumeAwsEvents();
        String sku = seededProduct();
        String cartId = "cart-" + shortId();

        JsonNode added = answer("cart", AwsHttpEvent.request("POST", "/carts/{cartId}/items", "/carts/" + cartId + "/items")
                .pathParameters(Map.of("cartId", cartId)).jsonBody("{\"sku\":\"" + sku + "\",\"quantity\":1}").json());

        assertThat(added.path("statusCode").asInt()).as(added.toString()).isEqualTo(200);
        assertThat(body(added).path("cartId").asText()).isEqualTo(cartId);
        assertThat(body(added).path("totalCents").asLong()).isEqualTo(1450);
    }

    @Test
    void inventorySetsStock() throws Exception {
        String sku = "LMB-" + shortId();

        JsonNode set = answer("inventory", "events/inventory-put-stock.json", Map.of("sku", sku));

        assertThat(set.path("statusCode").asInt()).as(set.toString()).isEqualTo(200);
        assertThat(body(set).path("available").asInt()).isEqualTo(7);
    }

    @Test
    void inventoryAnswersAwsFormatEvent() throws Exception {
        assumeAwsEvents();
        String sku = "LMB-" + shortId();
        answer("inventory", "events/inventory-put-stock.json", Map.of("sku", sku));

        JsonNode stock = answer("inventory", AwsHttpEvent.request("GET", "/inventory/{sku}", "/inventory/" + sku)
                .pathParameters(Map.of("sku", sku)).json());

        assertThat(stock.path("statusCode").asInt()).as(stock.toString()).isEqualTo(200);
        assertThat(body(stock).path("available").asInt()).isEqualTo(7);
    }

    @Test
    void paymentAnswersUnknownCheckoutWithProblem() throws Exception {
        JsonNode unknown = answer("payment", "events/payment-get-payment.json", Map.of("checkoutId", "chk_" + shortId()));

        assertProblem(unknown, 404);
    }

    @Test
    void paymentRefusesAwsFormatEventWithoutToken() throws Exception {
        assumeAwsEvents();
        String checkoutId = "chk_" + shortId();

        JsonNode refused = answer("payment", AwsHttpEvent.request("GET", "/payments/{checkoutId}", "/payments/" + checkoutId)
                .pathParameters(Map.of("checkoutId", checkoutId)).json());

        assertProblem(refused, 401);
    }

    @Test
    void orderListsNoOrdersOfNewCustomer() throws Exception {
        JsonNode listed = answer("order", "events/order-list-orders.json", Map.of("customerId", "cust-" + shortId()));

        assertThat(listed.path("statusCode").asInt()).as(listed.toString()).isEqualTo(200);
        assertThat(body(listed).path("items").isArray()).isTrue();
        assertThat(body(listed).path("items")).isEmpty();
    }

    @Test
    void orderAnswersAwsFormatEvent() throws Exception {
        assumeAwsEvents();
        String orderId = "ord_" + crockford(26);

        JsonNode unknown = answer("order", AwsHttpEvent.request("GET", "/orders/{orderId}", "/orders/" + orderId)
                .pathParameters(Map.of("orderId", orderId)).json());

        assertProblem(unknown, 404);
    }

    @Test
    void checkoutRefusesStartWithoutIdempotencyKey() throws Exception {
        JsonNode refused = answer("checkout", "events/checkout-post-without-key.json", Map.of("cartId", "cart-" + shortId()));

        assertProblem(refused, 400);
        assertThat(body(refused).toString()).containsIgnoringCase("Idempotency-Key");
    }

    @Test
    void checkoutAnswersAwsFormatEvent() throws Exception {
        assumeAwsEvents();
        String checkoutId = "chk_" + shortId();

        JsonNode unknown = answer("checkout", AwsHttpEvent.request("GET", "/checkouts/{checkoutId}", "/checkouts/" + checkoutId)
                .pathParameters(Map.of("checkoutId", checkoutId)).json());

        assertProblem(unknown, 404);
    }

    @Test
    void assistantParsesRequestIntoIntents() throws Exception {
        JsonNode parsed = answer("assistant", "events/assistant-parse-intent.json", Map.of("sessionId", "s-" + shortId()));

        assertThat(parsed.path("statusCode").asInt()).as(parsed.toString()).isEqualTo(200);
        assertThat(body(parsed).path("intents").findValuesAsText("action")).containsExactly("VIEW_CART");
    }

    @Test
    void assistantAnswersAwsFormatEvent() throws Exception {
        assumeAwsEvents();

        JsonNode parsed = answer("assistant", AwsHttpEvent.request("POST", "/assistant/intents", "/assistant/intents")
                .jsonBody("{\"sessionId\":\"s-" + shortId() + "\",\"text\":\"check out\"}").json());

        assertThat(parsed.path("statusCode").asInt()).as(parsed.toString()).isEqualTo(200);
        assertThat(body(parsed).path("intents").findValuesAsText("action")).containsExactly("CHECKOUT");
    }

    /** AWS's own event format, from the runtime-aws test resources; without them only these checks are skipped. */
    private static void assumeAwsEvents() {
        assumeTrue(Repository.hasAwsEvents(), "no " + Repository.AWS_EVENTS + ": AWS-format events skipped");
    }

    /** A product the cart knows the price of (1450 EUR cents), once its instance has migrated its database. */
    private static String seededProduct() throws SQLException {
        String sku = "LMB-" + shortId();
        lambdas.ready("cart", INIT);
        // Under the lambda profile product events reach syncCartPrices through its own Lambda: seed the replica.
        seedPrice(sku, "Enamel mug", 1450);
        return sku;
    }

    private static JsonNode answer(String module, String fixture, Map<String, String> values) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.putIfAbsent("correlationId", UUID.randomUUID().toString());
        all.putIfAbsent("adminToken", LambdaInstances.ADMIN_TOKEN);
        return answer(module, Fixtures.read(fixture, all));
    }

    private static JsonNode answer(String module, String event) throws Exception {
        LambdaJvm instance = lambdas.ready(module, INIT);
        Invocation invocation = instance.invoke(event, ANSWER);
        if (!(invocation instanceof Invocation.Answered answered)) {
            return fail(module + " did not answer: " + invocation + "\n" + instance.logTail(60));
        }
        return JSON.readTree(answered.payload());
    }

    private static JsonNode body(JsonNode response) throws Exception {
        return JSON.readTree(response.path("body").asText());
    }

    private static void assertProblem(JsonNode response, int status) throws Exception {
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(body(response).path("status").asInt()).isEqualTo(status);
    }

    /** What syncCartPrices would have written for a ProductChanged event, in the cart's own database. */
    private static void seedPrice(String sku, String name, long priceCents) throws SQLException {
        int rows = FunctionDatabase.of(lambdas.properties("cart")).update("""
                insert into cart.product_prices (sku, name, price_cents, currency, version, deleted, updated_at)
                values (?, ?, ?, 'EUR', 1, false, now())""", sku, name, priceCents);
        assertThat(rows).isEqualTo(1);
    }

    /** An id in the form the shop gives out (Crockford base32, as ULIDs). */
    private static String crockford(int length) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder id = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
