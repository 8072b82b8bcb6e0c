package dev.shop.perf.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.shop.local.servers.FunctionProperties;
import dev.shop.local.servers.ServerEndpoints;
import dev.shop.localstack.ModuleConfig;
import dev.shop.runtime.manifest.FunctionManifest;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts one function module in this JVM, as the local stack does (its own {@code application.yml}, the servers'
 * properties), for the suite's in-process comparisons. The outbox relay is off and Kafka consumer groups are this
 * run's own, so nothing reaches the stack under test.
 */
final class ModuleHost {

    static final String ADMIN_TOKEN = "perf-admin-token";

    private ModuleHost() {
    }

    static ConfigurableApplicationContext start(String module, ServerEndpoints servers, String jdbcUrl,
                                                Map<String, Object> overrides) {
        FunctionManifest.ModuleSpec spec = FunctionManifest.load().module(module);
        Class<?> application;
        try {
            application = Class.forName(spec.application());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("module " + module + " is not on the class path", e);
        }
        Map<String, Object> properties = new LinkedHashMap<>(FunctionProperties.of(servers, jdbcUrl, ADMIN_TOKEN));
        properties.put("spring.config.location", ModuleConfig.location(module, application));
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("shop.outbox.enabled", "false");
        properties.put("shop.checkout.sweep-enabled", "false");
        properties.put("spring.cloud.stream.default.group", "perf-" + UUID.randomUUID());
        properties.putAll(overrides);
        // As defaults for what applies early, and again above the module's own application.yml, so they win.
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).registerShutdownHook(false)
                .properties(properties)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("shop-perf", properties)))
                .run();
    }
}
