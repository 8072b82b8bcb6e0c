package dev.shop.local.servers;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For tests of a function module: points the Spring context at the JVM's shared real servers, with a
 * fresh database of its own, so test contexts never see each other's rows.
 * Use with {@code @ContextConfiguration(initializers = RealServersInitializer.class)}.
 */
public class RealServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String module = context.getEnvironment().getProperty("shop.module", "test");
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("real-servers", properties(module)));
    }

    /** The same properties for code that boots a function itself (such as the AWS adapter's invoker). */
    public static Map<String, Object> properties(String module) {
        return FunctionProperties.of(SharedServers.get().endpoints(), SharedServers.newDatabase(module), ADMIN_TOKEN);
    }
}
