package dev.shop.catalog.aws;

import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.shop.catalog.CatalogApplication;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.OutboxRelay;
import dev.shop.runtime.redis.RedisConnection;
import dev.shop.testing.KafkaTestClient;
import dev.shop.testing.LambdaFunctionHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.crac.Core;

/**
 * The catalog's Lambda through a SnapStart checkpoint and restore, the CRaC hooks called as the runtime calls them:
 * the hot path is primed without being metered, the snapshot holds no open Postgres, Redis or Kafka connection, and
 * after the restore every client connects afresh and the next invocation counts as cold.
 */
class CatalogSnapStartTest {

    @RegisterExtension
    static final LambdaFunctionHost lambda = LambdaFunctionHost.of("catalog", CatalogApplication.class, "catalogApi");

    @Test
    void restoredFunctionConnectsAfreshAndServesWhatItServedBefore() throws Exception {
        String sku = uniqueSku();
        assertThat(invoke("apigw-put-product.json", sku).get("statusCode").asInt()).isEqualTo(201);
        assertThat(invoke("apigw-get-product.json", sku).get("statusCode").asInt()).isEqualTo(200);
        Jdbi app = lambda.context().getBean(Jdbi.class);
        RedisConnection redis = lambda.context().getBean(RedisConnection.class);
        int backendBefore = backendPid(app);
        long redisClientBefore = redis.sync().clientId();
        CracResources crac = lambda.context().getBean(CracResources.class);

        crac.beforeCheckpoint(Core.getGlobalContext());

        assertThat(crac.primed()).containsExactly("read routes");
        assertThat(lambda.context().getBean(HikariDataSource.class).getHikariPoolMXBean().getTotalConnections())
                .as("pooled Postgres connections in the snapshot").isZero();
        assertThat(redis.connected()).as("Redis connection in the snapshot").isFalse();
        assertThat(lambda.context().getBean(OutboxRelay.class).producerOpen()).as("Kafka producer in the snapshot")
                .isFalse();
        assertThat(sessionsWithPid(backendBefore)).as("the checkpoint closed the server side too").isZero();
        assertThat(meteredRows(HttpApi.PRIMING_ID)).as("priming is not billed").isZero();

        crac.afterRestore(Core.getGlobalContext());

        String correlationId = "after-restore-" + UUID.randomUUID();
        JsonNode served = invoke("apigw-get-product.json", sku, correlationId);
        assertThat(served.get("statusCode").asInt()).isEqualTo(200);
        assertThat(served.get("headers").get("x-cache").asText()).isEqualTo("HIT");
        assertThat(backendPid(app)).isNotEqualTo(backendBefore);
        assertThat(redis.sync().clientId()).isNotEqualTo(redisClientBefore);
        List<Boolean> coldStarts = lambda.database().withHandle(h -> h.createQuery(
                        "select cold_start from metering.invocations where correlation_id = :id")
                .bind("id", correlationId).mapTo(Boolean.class).list());
        assertThat(coldStarts).as("the first invocation after a restore pays the restore").containsExactly(true);
    }

    @Test
    void restoredFunctionPublishesItsEventsOnAFreshProducer() throws Exception {
        CracResources crac = lambda.context().getBean(CracResources.class);
        crac.beforeCheckpoint(Core.getGlobalContext());
        crac.afterRestore(Core.getGlobalContext());
        String sku = uniqueSku();

        assertThat(invoke("apigw-put-product.json", sku).get("statusCode").asInt()).isEqualTo(201);

        // Flushed before the invocation returned: the event is on the topic without any relay thread.
        String topic = lambda.context().getBean(FunctionManifest.class).topicName("product-events");
        try (KafkaTestClient kafka = new KafkaTestClient(
                String.valueOf(lambda.properties().get("shop.kafka.bootstrap")))) {
            assertThat(kafka.awaitRecords(topic, sku, 1, KafkaTestClient.DEADLINE)).hasSize(1);
        }
    }

    private static JsonNode invoke(String fixture, String sku) {
        return lambda.invoke("events/" + fixture, Map.of("sku", sku));
    }

    private static JsonNode invoke(String fixture, String sku, String correlationId) {
        return lambda.invoke("events/" + fixture, Map.of("sku", sku, "correlationId", correlationId));
    }

    private static int backendPid(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one());
    }

    private static long sessionsWithPid(int pid) {
        return lambda.database().withHandle(h -> h.createQuery("select count(*) from pg_stat_activity where pid = :pid")
                .bind("pid", pid).mapTo(Long.class).one());
    }

    private static long meteredRows(String correlationId) {
        List<Long> counts = lambda.database().withHandle(h -> h.createQuery(
                        "select count(*) from metering.invocations where correlation_id = :id")
                .bind("id", correlationId).mapTo(Long.class).list());
        return counts.getFirst();
    }
}
