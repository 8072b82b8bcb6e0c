package dev.shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.domain.OutboxTaskDispatcher;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.invocation.ModuleFunctions;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.workflow.definition.StateMachine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.ApplicationContext;

/** The module as the platform sees it: its manifest functions, their Kafka bindings, the dispatcher and the sweeper. */
@CheckoutOnRealServers
class CheckoutFunctionsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    FunctionManifest manifest;
    @Autowired
    HttpApi checkoutHttpApi;
    @Autowired
    Outbox outbox;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    StateMachine checkoutStateMachine;
    @Autowired
    Supplier<Integer> sweepCheckouts;
    @Autowired
    TaskResults participants;
    @Autowired
    Metering metering;

    @Test
    void definesEveryManifestFunctionOfTheModuleAsABean() {
        List<String> names = manifest.functionsOf("checkout").stream().map(FunctionManifest.FunctionSpec::name).toList();

        assertThat(names).containsExactlyInAnyOrder("startCheckout", "getCheckout", "advanceCheckout",
                "sweepCheckouts");
        assertThat(names).allSatisfy(name -> assertThat(context.containsBean(name)).as(name).isTrue());
        assertThat(context.containsBean(manifest.module("checkout").httpHandler())).as("checkoutApi").isTrue();
        assertThat(checkoutHttpApi.routeKeys()).containsExactlyInAnyOrder("POST /checkouts",
                "GET /checkouts/{checkoutId}");
    }

    @Test
    void bindsItsConsumersToTheirManifestTopics() {
        BindingService bindings = context.getBean(BindingService.class);

        assertThat(bindings.getConsumerBindingNames()).containsExactlyInAnyOrder("advanceCheckout-in-0");
        assertThat(bindings.getProducerBindingNames()).as("commands leave through the outbox").isEmpty();
        var properties = bindings.getBindingServiceProperties();
        assertThat(properties.getBindingDestination("advanceCheckout-in-0"))
                .isEqualTo(manifest.topicName("task-results")).isEqualTo("shop.task-results.v1");
        assertThat(properties.getBindingProperties("advanceCheckout-in-0").getGroup()).as("the consumer group Terraform gives its event source mapping").isEqualTo("advanceCheckout");
    }

    @Test
    void dispatcherAcceptsTheSagasParticipants() {
        OutboxTaskDispatcher dispatcher = new OutboxTaskDispatcher(manifest, outbox, mapper);

        assertThat(checkoutStateMachine.taskFunctionNames()).containsExactlyInAnyOrder("freezeCart",
                "reserveInventory", "processPayment", "createOrder", "commitInventory", "clearCart", "refundPayment",
                "releaseInventory", "releaseCart");
        assertThatCode(() -> dispatcher.requireFunctions(checkoutStateMachine.taskFunctionNames()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "noSuchFunction",     // not in the manifest at all
            "getProduct",         // an HTTP function
            "expireReservations", // a scheduled function
            "advanceCheckout",    // consumes replies, not a command
            "syncCartPrices",     // consumes the catalog's events, not a command
    })
    void dispatcherRefusesAtStartUpATaskNamingNoCommandConsumer(String function) {
        OutboxTaskDispatcher dispatcher = new OutboxTaskDispatcher(manifest, outbox, mapper);

        assertThatThrownBy(() -> dispatcher.requireFunctions(List.of("reserveInventory", function)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(function)
                .hasMessageContaining("not a command consumer");
    }

    @Test
    void sweepRunsAsAMeteredScheduledInvocation() {
        // A millisecond either side: the database keeps microseconds.
        Instant before = Instant.now().minusMillis(1);

        Integer advanced = sweepCheckouts.get();

        Instant after = Instant.now().plusMillis(1);
        assertThat(advanced).as("executions advanced").isNotNull().isNotNegative();
        metering.flush();
        // The local timer sweeps too (every 500 ms): whichever rows fall within the call, all are sweeps like it.
        List<Map<String, Object>> rows = await("metering row of the sweep").atMost(Metering.DEADLINE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> metering.rowsStartedBetween("sweepCheckouts", before, after), found -> !found.isEmpty());
        assertThat(rows).allSatisfy(row -> assertThat(row)
                .containsEntry("module", "checkout")
                .containsEntry("trigger", "SCHEDULE")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("memory_mb", 512));
    }

    @Test
    void sweepTimerRunsOnItsOwn() {
        assertThat(context.getBean(ModuleFunctions.class).every("sweepCheckouts")).isEqualTo(Duration.ofMillis(500));
        Instant since = Instant.now();

        // Every 500 ms locally (a schedule in the cloud): sweeps happen without anyone calling the function.
        await("scheduled sweeps").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> metering.rowsStartedBetween("sweepCheckouts", since, Instant.now()).size() >= 2);
    }

    @Test
    void sendsUndecodableReplyToDeadLetterTopicAtOnce(@Value("${shop.kafka.bootstrap}") String bootstrap) {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = ("not a reply " + key).getBytes(StandardCharsets.UTF_8);

        participants.publishRaw(key, poison);

        try (KafkaConsumer<String, byte[]> dlq = consumer(bootstrap)) {
            dlq.subscribe(List.of("error.shop.task-results.v1.advanceCheckout"));
            List<byte[]> deadLettered = new ArrayList<>();
            await("dead letter of the poison").atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        deadLettered.add(record.value());
                    }
                });
                return !deadLettered.isEmpty();
            });
            assertThat(deadLettered).singleElement().isEqualTo(poison);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "checkout-tests-dlq-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
