package dev.shop.runtime.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every function module shares ({@code shop.*}).
 *
 * @param module     the module's name in the function manifest; also its Postgres schema
 * @param adminToken bearer token of the admin routes; unset means admin routes refuse everyone
 * @param migrations Flyway locations of embedded libraries, migrated into the module's schema too
 */
@ConfigurationProperties("shop")
public record ShopProperties(String module, String adminToken, Kafka kafka, Outbox outbox, Metering metering,
                             List<String> migrations) {

    public ShopProperties {
        if (module == null || !module.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("shop.module must name the module (lower case), got " + module);
        }
        kafka = kafka == null ? new Kafka("localhost:9092") : kafka;
        outbox = outbox == null ? new Outbox(true, Duration.ofSeconds(1), Duration.ofDays(1)) : outbox;
        metering = metering == null ? new Metering(10_000, Duration.ofMillis(200)) : metering;
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
    }

    public record Kafka(@DefaultValue("localhost:9092") String bootstrap) {
    }

    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration idlePoll,
                         @DefaultValue("1d") Duration retention) {
    }

    public record Metering(@DefaultValue("10000") int queueCapacity, @DefaultValue("200ms") Duration flushInterval) {
    }
}
