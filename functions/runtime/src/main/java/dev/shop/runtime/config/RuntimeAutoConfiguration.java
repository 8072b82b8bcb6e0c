package dev.shop.runtime.config;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.shop.events.EventCodec;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.db.SchemaMigrations;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.outbox.OutboxRelay;
import dev.shop.runtime.saga.TaskReplies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.lettuce.core.RedisClient;
import jakarta.validation.Validator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every function module gets: its schema migrated, Jdbi, metering, the outbox and its relay, event
 * consumers, JSON body reading and CRaC registration. A module adds only its business beans.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration"})
@EnableConfigurationProperties(ShopProperties.class)
public class RuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public FunctionManifest functionManifest() {
        return FunctionManifest.load();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean(MeterRegistry.class)
    public PrometheusMeterRegistry prometheusMeterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** Jdbi over the module's schema; creating it migrates the schema first. */
    @Bean
    public Jdbi jdbi(DataSource dataSource, ShopProperties shop) {
        SchemaMigrations.migrateModule(dataSource, shop.module(), shop.migrations());
        SchemaMigrations.migrateMetering(dataSource);
        return Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    @Bean(destroyMethod = "close")
    public MeteringWriter meteringWriter(Jdbi jdbi, MeterRegistry registry, ShopProperties shop) {
        return new MeteringWriter(jdbi, registry, shop.metering().queueCapacity(),
                shop.metering().flushInterval().toMillis());
    }

    @Bean
    public InvocationMeter invocationMeter(FunctionManifest manifest, MeteringWriter writer, MeterRegistry registry,
                                           Clock clock) {
        return new InvocationMeter(manifest, writer, registry, clock);
    }

    @Bean
    public JsonBodies jsonBodies(ObjectMapper mapper, Validator validator) {
        return new JsonBodies(mapper, validator);
    }

    @Bean
    public EventConsumers eventConsumers(EventCodec codec, InvocationMeter meter) {
        return new EventConsumers(codec, meter);
    }

    @Bean
    public Outbox outbox(EventCodec codec) {
        return new Outbox(codec);
    }

    @Bean
    public TaskReplies taskReplies(Outbox outbox, FunctionManifest manifest, ShopProperties shop) {
        return new TaskReplies(outbox, manifest, shop.module());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "shop.outbox.enabled", havingValue = "true", matchIfMissing = true)
    public OutboxRelay outboxRelay(Jdbi jdbi, ShopProperties shop, DataSourceProperties dataSource) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafka().bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail a batch within seconds when Kafka is down; the rows stay and are retried.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + shop.module());
        OutboxRelay relay = new OutboxRelay(jdbi,
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                new OutboxRelay.PostgresNotifications(dataSource.determineUrl(), dataSource.determineUsername(),
                        dataSource.determinePassword()),
                shop.outbox().idlePoll(), shop.outbox().retention());
        return relay.start();
    }

    @Bean
    public CracResources cracResources(MeteringWriter metering, InvocationMeter meter, DataSource dataSource,
                                       Optional<OutboxRelay> relay) {
        CracResources resources = new CracResources();
        if (dataSource instanceof HikariDataSource hikari) {
            resources.add(new CracResources.CheckpointAware() {
                public String name() {
                    return "database-pool";
                }

                public void suspend() {
                    if (hikari.getHikariPoolMXBean() != null) {
                        hikari.getHikariPoolMXBean().softEvictConnections();
                    }
                }

                public void resume() {
                    // the pool reconnects on demand
                }
            });
        }
        relay.ifPresent(r -> resources.add(new CracResources.CheckpointAware() {
            public String name() {
                return "outbox-relay";
            }

            public void suspend() {
                r.stop();
            }

            public void resume() {
                r.start();
            }
        }));
        resources.add(new CracResources.CheckpointAware() {
            public String name() {
                return "metering";
            }

            public void suspend() {
                metering.flush();
            }

            public void resume() {
                meter.markAllCold();
            }
        });
        return resources;
    }

    /** Redis for the modules that cache or keep sessions; set {@code shop.redis.uri} to enable. */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty("shop.redis.uri")
    public RedisClient redisClient(@Value("${shop.redis.uri}") String uri) {
        return RedisClient.create(uri);
    }

    /** Builds a module's HTTP face from its operations and the manifest's routes for it. */
    public static HttpApi httpApi(FunctionManifest manifest, ShopProperties shop, Map<String, HttpOperation> operations,
                                  InvocationMeter meter, ObjectMapper mapper) {
        return new HttpApi(manifest, shop.module(), operations, meter, mapper,
                () -> Optional.ofNullable(shop.adminToken()).filter(t -> !t.isBlank()));
    }

}
