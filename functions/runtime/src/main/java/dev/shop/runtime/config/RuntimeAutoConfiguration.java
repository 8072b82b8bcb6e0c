package dev.shop.runtime.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.shop.events.EventCodec;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.crac.PoolCheckpoint;
import dev.shop.runtime.db.ModuleMigration;
import dev.shop.runtime.db.SchemaMigrations;
import dev.shop.runtime.http.CloudEventRequests;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpOperations;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.AfterInvocation;
import dev.shop.runtime.invocation.InvocationMode;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.invocation.ModuleFunctions;
import dev.shop.runtime.invocation.ScheduledFunction;
import dev.shop.runtime.kafka.KafkaClients;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.EmfMeteringSink;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringSink;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.outbox.OutboxRelay;
import dev.shop.runtime.saga.TaskReplies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every function module gets: Jdbi over its schema, metering, the outbox and its relay, the invocation layer
 * (its event, scheduled and HTTP functions bound by name and checked against the manifest), JSON body reading, the
 * deploy-time {@code migrateModule} and the scheduled {@code sweepOutbox}, and CRaC registration. A module adds only
 * its business beans: its rules as {@code EventFunction}/{@code ScheduledFunction}/{@code Function} beans and its
 * {@link HttpOperations}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration"})
@EnableConfigurationProperties(ShopProperties.class)
public class RuntimeAutoConfiguration {

    /** At most this many outbox rows are published before an invocation returns; the sweep takes the rest. */
    static final int FLUSH_ROWS = 1_000;

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

    /** Jdbi over the module's schema; where the module migrates itself at start ({@code shop.db.migrate}), first that. */
    @Bean
    public Jdbi jdbi(DataSource dataSource, ShopProperties shop) {
        if (shop.db().migrate()) {
            SchemaMigrations.migrateModule(dataSource, shop.module(), shop.migrations());
            SchemaMigrations.migrateMetering(dataSource);
        }
        return Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    @Bean(destroyMethod = "close")
    public MeteringSink meteringSink(Jdbi jdbi, MeterRegistry registry, ShopProperties shop, ObjectMapper mapper) {
        return switch (shop.metering().sink()) {
            case "emf" -> new EmfMeteringSink(mapper, System.out);
            case "postgres" -> new MeteringWriter(jdbi, registry, shop.metering().queueCapacity(),
                    shop.metering().flushInterval().toMillis(), shop.runtime().mode() == InvocationMode.LONG_RUNNING);
            default -> throw new IllegalArgumentException("shop.metering.sink must be postgres or emf, got "
                    + shop.metering().sink());
        };
    }

    @Bean
    public InvocationMeter invocationMeter(FunctionManifest manifest, MeteringSink sink, MeterRegistry registry,
                                           Clock clock, ShopProperties shop) {
        return new InvocationMeter(manifest, sink, registry, clock, shop.module());
    }

    @Bean
    public JsonBodies jsonBodies(ObjectMapper mapper, Validator validator) {
        return new JsonBodies(mapper, validator);
    }

    @Bean
    public Outbox outbox(EventCodec codec) {
        return new Outbox(codec);
    }

    @Bean
    public TaskReplies taskReplies(Outbox outbox, FunctionManifest manifest, ShopProperties shop) {
        return new TaskReplies(outbox, manifest, shop.module());
    }

    /** Relays the outbox to Kafka: in the background where the process stays up, per invocation where it does not. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "shop.outbox.enabled", havingValue = "true", matchIfMissing = true)
    public OutboxRelay outboxRelay(Jdbi jdbi, ShopProperties shop, DataSourceProperties dataSource) {
        OutboxRelay relay = new OutboxRelay(jdbi,
                () -> new KafkaProducer<>(KafkaClients.producer(shop.kafka().bootstrap(), shop.kafka().auth(), "outbox-relay-" + shop.module()),
                        new StringSerializer(), new ByteArraySerializer()),
                new OutboxRelay.PostgresNotifications(dataSource.determineUrl(), dataSource.determineUsername(),
                        dataSource.determinePassword()),
                shop.outbox().idlePoll(), shop.outbox().retention());
        return shop.runtime().mode() == InvocationMode.LONG_RUNNING ? relay.start() : relay;
    }

    @Bean
    public Invocations invocations(FunctionManifest manifest, EventCodec codec, InvocationMeter meter, Jdbi jdbi,
                                   ShopProperties shop, Optional<OutboxRelay> relay, MeteringSink metering) {
        List<AfterInvocation> after = new ArrayList<>();
        relay.ifPresent(r -> after.add(step("outbox", () -> r.publishPending(FLUSH_ROWS))));
        after.add(step("metering", metering::flush));
        return new Invocations(manifest, codec, meter, jdbi, shop.runtime().mode(), after);
    }

    /** CloudEvents over HTTP into the module's event functions (Knative Eventing's delivery). */
    @Bean
    public CloudEventRequests cloudEventRequests(Invocations invocations, ObjectMapper mapper) {
        return new CloudEventRequests(invocations, mapper);
    }

    @Bean(destroyMethod = "close")
    public ModuleFunctions moduleFunctions(ConfigurableListableBeanFactory beans, FunctionManifest manifest,
                                           ShopProperties shop, Invocations invocations, Environment environment) {
        return new ModuleFunctions(beans, manifest, shop.module(), invocations, environment);
    }

    /** The module's HTTP face: its operations on the manifest's routes, the same on every platform. */
    @Bean
    @ConditionalOnMissingBean
    public HttpApi httpApi(FunctionManifest manifest, ShopProperties shop, ObjectProvider<HttpOperations> faces,
                           Invocations invocations, ObjectMapper mapper, CracResources crac) {
        Map<String, HttpOperation> operations = new LinkedHashMap<>();
        faces.orderedStream().forEach(face -> operations.putAll(face.operations()));
        HttpApi api = new HttpApi(manifest, shop.module(), operations, invocations, mapper,
                () -> Optional.ofNullable(shop.adminToken()).filter(t -> !t.isBlank()), shop.gatewayVerifiesAdmins());
        crac.prime("read routes", api::prime);
        return api;
    }

    /** Publishes what invocations left in the outbox; a schedule runs it on Lambda, where no relay thread runs. */
    @Bean
    @ConditionalOnProperty(name = "shop.outbox.enabled", havingValue = "true", matchIfMissing = true)
    public ScheduledFunction sweepOutbox(OutboxRelay outboxRelay) {
        return ScheduledFunction.of(() -> outboxRelay.publishPending(Integer.MAX_VALUE));
    }

    /** The deploy-time step: migrations and topics, so that no function migrates at init. */
    @Bean
    public Supplier<Map<String, Object>> migrateModule(DataSource dataSource, ShopProperties shop,
                                                       FunctionManifest manifest) {
        return new ModuleMigration(dataSource, shop.module(), shop.migrations(), manifest,
                KafkaClients.admin(shop.kafka().bootstrap(), shop.kafka().auth(), Duration.ofSeconds(30)));
    }

    @Bean
    public CracResources cracResources(MeteringSink metering, InvocationMeter meter, DataSource dataSource,
                                       Optional<OutboxRelay> relay, ShopProperties shop) {
        CracResources resources = new CracResources();
        if (dataSource instanceof HikariDataSource hikari) {
            resources.add(new PoolCheckpoint(hikari));
        }
        relay.ifPresent(r -> resources.add(new CracResources.CheckpointAware() {
            public String name() {
                return "outbox-relay";
            }

            public void suspend() {
                r.stop();
            }

            public void resume() {
                if (shop.runtime().mode() == InvocationMode.LONG_RUNNING) {
                    r.start();
                }
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

    private static AfterInvocation step(String name, Runnable work) {
        return new AfterInvocation() {
            public String name() {
                return name;
            }

            public void afterInvocation() {
                work.run();
            }
        };
    }
}
