package dev.shop.runtime.config;

import java.time.Duration;
import java.util.List;

import dev.shop.runtime.invocation.InvocationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every function module shares ({@code shop.*}).
 *
 * @param module     the module's name in the function manifest; also its Postgres schema
 * @param adminToken bearer token of the admin routes; unset means admin routes refuse everyone
 * @param adminAuth  {@code bearer} (the admin token only) or {@code gateway-jwt} (also a token API Gateway's JWT
 *                   authorizer verified, with scope {@code shop:admin})
 * @param migrations Flyway locations of embedded libraries, migrated into the module's schema too
 */
@ConfigurationProperties("shop")
public record ShopProperties(String module, String adminToken, String adminAuth, Kafka kafka, Outbox outbox,
                             Metering metering, Runtime runtime, Db db, List<String> migrations) {

    public ShopProperties {
        if (module == null || !module.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("shop.module must name the module (lower case), got " + module);
        }
        adminAuth = adminAuth == null ? "bearer" : adminAuth;
        if (!adminAuth.equals("bearer") && !adminAuth.equals("gateway-jwt")) {
            throw new IllegalArgumentException("shop.admin-auth must be bearer or gateway-jwt, got " + adminAuth);
        }
        kafka = kafka == null ? new Kafka("localhost:9092", "none") : kafka;
        outbox = outbox == null ? new Outbox(true, Duration.ofSeconds(1), Duration.ofDays(1)) : outbox;
        metering = metering == null ? new Metering(10_000, Duration.ofMillis(200), "postgres") : metering;
        runtime = runtime == null ? new Runtime(InvocationMode.LONG_RUNNING) : runtime;
        db = db == null ? new Db(true) : db;
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
    }

    /** Whether admin routes also accept a token the gateway verified. */
    public boolean gatewayVerifiesAdmins() {
        return adminAuth.equals("gateway-jwt");
    }

    /**
     * @param auth {@code none}, or {@code aws-msk-iam} for MSK with IAM authentication (SASL/IAM over TLS)
     */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrap, @DefaultValue("none") String auth) {
    }

    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration idlePoll,
                         @DefaultValue("1d") Duration retention) {
    }

    /** @param sink {@code postgres} (rows for the cost reports) or {@code emf} (CloudWatch embedded metric lines) */
    public record Metering(@DefaultValue("10000") int queueCapacity, @DefaultValue("200ms") Duration flushInterval,
                           @DefaultValue("postgres") String sink) {
    }

    /** @param mode whether the process stays up between invocations; the lambda profile makes it per-invocation */
    public record Runtime(@DefaultValue("long-running") InvocationMode mode) {
    }

    /** @param migrate whether the schema is migrated when the module starts (not on Lambda: migrateModule does it) */
    public record Db(@DefaultValue("true") boolean migrate) {
    }
}
