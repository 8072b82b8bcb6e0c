package dev.shop.runtime.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shop.runtime.invocation.StreamBindings;
import dev.shop.runtime.manifest.FunctionManifest;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the platform's settings into the properties the modules use, at the lowest precedence so a module's own
 * configuration wins: the {@code SHOP_*} environment variables Terraform and the local stack set, and, under the
 * {@code lambda} profile, what a function needs on a platform that freezes it between invocations (flush per
 * invocation, no schema migration at init, a small pool that holds no idle connection into a snapshot, no Stream
 * bindings, the module's HTTP handler unless {@code SPRING_CLOUD_FUNCTION_DEFINITION} names another function).
 * Where Stream runs, the module's consumer bindings come from the manifest ({@link StreamBindings}).
 */
public class ShopEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "shop-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        alias(environment, defaults, "SHOP_DB_URL", "spring.datasource.url");
        alias(environment, defaults, "SHOP_DB_USER", "spring.datasource.username");
        alias(environment, defaults, "SHOP_DB_PASSWORD", "spring.datasource.password");
        alias(environment, defaults, "SHOP_REDIS_URL", "shop.redis.uri");
        alias(environment, defaults, "SHOP_ADMIN_TOKEN", "shop.admin-token");
        alias(environment, defaults, "SHOP_ADMIN_AUTH", "shop.admin-auth");
        alias(environment, defaults, "SHOP_KAFKA_AUTH", "shop.kafka.auth");
        alias(environment, defaults, "SHOP_DB_MIGRATE", "shop.db.migrate");
        alias(environment, defaults, "SHOP_FUNCTION", "shop.function");
        alias(environment, defaults, "SHOP_ASSISTANT_BASE_URL", "shop.assistant.api-base-url");
        String module = environment.getProperty("shop.module");
        if (module != null && FunctionManifest.load().modules().containsKey(module)) {
            defaults.putAll(StreamBindings.of(FunctionManifest.load(), module));
        }
        if (List.of(environment.getActiveProfiles()).contains("lambda")) {
            defaults.put("shop.runtime.mode", "per-invocation");
            defaults.put("shop.db.migrate", environment.getProperty("SHOP_DB_MIGRATE", "false"));
            defaults.put("shop.schedules.enabled", "false");
            defaults.put("spring.datasource.hikari.minimum-idle", "0");
            defaults.put("spring.datasource.hikari.maximum-pool-size", "2");
            lambdaFunctionDefinition(environment);
            // Stream would bind the function definition to a Kafka topic; on Lambda Kafka arrives as MSK batches.
            // Without Stream nothing uses Spring Integration, whose channel set-up costs over a second of init.
            defaults.put("spring.autoconfigure.exclude", String.join(",",
                    "org.springframework.cloud.stream.config.BindingServiceConfiguration",
                    "org.springframework.cloud.stream.function.FunctionConfiguration",
                    "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
                    "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
                    "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
                    "org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration"));
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
        }
    }

    /**
     * The function a Lambda invokes: what {@code SPRING_CLOUD_FUNCTION_DEFINITION} names, else the module's HTTP
     * handler, over the Stream definition the module's configuration file names for where it runs on Kafka.
     */
    private static void lambdaFunctionDefinition(ConfigurableEnvironment environment) {
        boolean named = environment.getPropertySources().stream()
                .filter(source -> source.getName().equals("systemEnvironment") || source.getName().equals("systemProperties"))
                .anyMatch(source -> source.containsProperty("SPRING_CLOUD_FUNCTION_DEFINITION")
                        || source.containsProperty("spring.cloud.function.definition"));
        String module = environment.getProperty("shop.module");
        if (named || module == null || !FunctionManifest.load().modules().containsKey(module)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE + "-lambda-handler",
                Map.of("spring.cloud.function.definition", FunctionManifest.load().module(module).httpHandler())));
    }

    private static void alias(ConfigurableEnvironment environment, Map<String, Object> defaults, String variable,
                              String property) {
        String value = environment.getProperty(variable);
        if (value != null && !value.isBlank()) {
            defaults.put(property, value);
        }
    }
}
