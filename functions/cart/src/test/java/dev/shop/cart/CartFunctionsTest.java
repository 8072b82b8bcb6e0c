package dev.shop.cart;

import static dev.shop.cart.TestCarts.uniqueCartId;
import static dev.shop.cart.TestProducts.aProduct;
import static dev.shop.runtime.http.HttpRequestBuilder.delete;
import static dev.shop.runtime.http.HttpRequestBuilder.get;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.runtime.http.HttpRequestBuilder.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.http.HttpRequestBuilder;
import dev.shop.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.ApplicationContext;

@CartOnRealServers
class CartFunctionsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    FunctionManifest manifest;

    @Autowired
    HttpApi cartHttpApi;

    @Autowired
    CatalogEvents catalog;

    @Autowired
    MeteringWriter metering;

    @Autowired
    Jdbi jdbi;

    @Test
    void definesEveryManifestFunctionOfTheModuleAsABean() {
        List<String> names = manifest.functionsOf("cart").stream().map(FunctionManifest.FunctionSpec::name).toList();

        assertThat(names).containsExactlyInAnyOrder("addToCart", "getCart", "setCartItemQuantity",
                "removeCartItem", "deleteCart", "syncCartPrices", "freezeCart", "releaseCart", "clearCart");
        assertThat(names).allSatisfy(name -> assertThat(context.containsBean(name)).as(name).isTrue());
        assertThat(context.containsBean("cartApi")).isTrue();
        assertThat(cartHttpApi.routeKeys()).containsExactlyInAnyOrder("POST /carts/{cartId}/items",
                "GET /carts/{cartId}", "PUT /carts/{cartId}/items/{sku}", "DELETE /carts/{cartId}/items/{sku}",
                "DELETE /carts/{cartId}");
    }

    @Test
    void bindsItsConsumersToTheirManifestTopics() {
        BindingService bindings = context.getBean(BindingService.class);

        assertThat(bindings.getConsumerBindingNames()).containsExactlyInAnyOrder("syncCartPrices-in-0",
                "freezeCart-in-0", "releaseCart-in-0", "clearCart-in-0");
        assertThat(bindings.getProducerBindingNames()).isEmpty();
        assertThat(bindings.getBindingServiceProperties().getBindingDestination("syncCartPrices-in-0"))
                .isEqualTo(manifest.topicName("product-events"));
        assertThat(bindings.getBindingServiceProperties().getBindingDestination("freezeCart-in-0"))
                .isEqualTo(manifest.topicName("freeze-cart"));
        assertThat(bindings.getBindingServiceProperties().getBindingDestination("releaseCart-in-0"))
                .isEqualTo(manifest.topicName("release-cart"));
        assertThat(bindings.getBindingServiceProperties().getBindingDestination("clearCart-in-0"))
                .isEqualTo(manifest.topicName("clear-cart"));
    }

    @Test
    void recordsMeteringRowForEachInvocation() {
        String productCorrelation = "product-" + UUID.randomUUID();
        TestProducts mug = aProduct().correlationId(productCorrelation);
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        String items = "/carts/" + cartId + "/items";

        String added = invoke(post(items).jsonFields("sku", mug.sku(), "quantity", 1));
        String read = invoke(get("/carts/" + cartId));
        String set = invoke(put(items + "/" + mug.sku()).jsonFields("quantity", 3));
        String refused = invoke(put(items + "/" + mug.sku()).jsonFields("quantity", 0));
        String removed = invoke(delete(items + "/" + mug.sku()));
        String deleted = invoke(delete("/carts/" + cartId));

        assertThat(meteringRow(added)).containsEntry("function_name", "addToCart").containsEntry("module", "cart")
                .containsEntry("trigger", "HTTP").containsEntry("outcome", "SUCCESS").containsEntry("memory_mb", 512);
        assertThat(meteringRow(read)).containsEntry("function_name", "getCart").containsEntry("outcome", "SUCCESS");
        assertThat(meteringRow(set)).containsEntry("function_name", "setCartItemQuantity")
                .containsEntry("outcome", "SUCCESS");
        assertThat(meteringRow(refused)).containsEntry("function_name", "setCartItemQuantity")
                .containsEntry("outcome", "REJECTED");
        assertThat(meteringRow(removed)).containsEntry("function_name", "removeCartItem")
                .containsEntry("outcome", "SUCCESS");
        assertThat(meteringRow(deleted)).containsEntry("function_name", "deleteCart").containsEntry("outcome", "SUCCESS");
        // The Kafka consumer is metered too, under the correlation id the event carries.
        assertThat(meteringRow(productCorrelation)).containsEntry("function_name", "syncCartPrices")
                .containsEntry("trigger", "KAFKA").containsEntry("outcome", "SUCCESS").containsEntry("memory_mb", 256);
    }

    @Test
    void sendsUndecodableEventToDeadLetterTopicAtOnceAndCarriesOn(@Value("${shop.kafka.bootstrap}") String bootstrap) {
        TestProducts mug = aProduct();
        byte[] poison = ("not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        catalog.publishRaw(mug.sku(), poison);
        // Same key, same partition: this one waits behind the poison until it has been dead-lettered.
        catalog.publishProduct(mug);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            List<byte[]> deadLettered = kafka.awaitRecords("error.shop.product-events.v1.syncCartPrices", mug.sku(), 1,
                    CatalogEvents.DEADLINE).stream().map(ConsumerRecord::value).toList();
            assertThat(deadLettered).singleElement().isEqualTo(poison);
        }
        metering.flush();
        long rejections = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from metering.invocations
                         where function_name = 'syncCartPrices' and outcome = 'REJECTED'""")
                .mapTo(Long.class).one());
        assertThat(rejections).as("dead-lettered at once, not retried").isEqualTo(1);
    }

    /** Sends the request under a fresh correlation id and returns the id. */
    private String invoke(HttpRequestBuilder request) {
        String correlationId = "metering-" + UUID.randomUUID();
        HttpRequest built = request.correlationId(correlationId).build();
        assertThat(cartHttpApi.handle(built).headers()).containsEntry("x-correlation-id", correlationId);
        return correlationId;
    }

    /** The one metering row of the correlation id, once the writer has written it. */
    private Map<String, Object> meteringRow(String correlationId) {
        List<Map<String, Object>> rows = await("metering row of " + correlationId)
                .atMost(CatalogEvents.DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    metering.flush();
                    return jdbi.withHandle(h -> h.createQuery("""
                                    select function_name, module, trigger, outcome, memory_mb, cold_start,
                                           duration_micros
                                      from metering.invocations where correlation_id = :id""")
                            .bind("id", correlationId)
                            .mapToMap()
                            .list());
                }, found -> !found.isEmpty());
        assertThat(rows).as("one row per invocation").hasSize(1);
        assertThat(rows.getFirst().get("duration_micros")).isNotNull();
        return rows.getFirst();
    }
}
