package dev.shop.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.servers.RealServersInitializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function module as Lambda runs it: the Spring Cloud Function AWS adapter's {@link FunctionInvoker} boots the
 * application with the lambda profile, pointed at the JVM's shared real servers with a fresh database of its own
 * ({@link RealServersInitializer#properties(String)}), and is handed recorded events.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LambdaFunctionHost lambda = LambdaFunctionHost.of("catalog", CatalogApplication.class, "catalogApi");
 *
 * JsonNode response = lambda.invoke("events/apigw-get-product.json", Map.of("sku", sku));
 * }</pre>
 * After the test class (or on {@link #close()}) it closes the booted context and restores the system properties
 * the boot set.
 */
public final class LambdaFunctionHost implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String module;
    private final Class<?> mainClass;
    private final String function;
    private Map<String, Object> properties;
    private Map<String, String> previousProperties;
    private FunctionInvoker invoker;
    private ConfigurableApplicationContext context;

    private LambdaFunctionHost(String module, Class<?> mainClass, String function) {
        this.module = module;
        this.mainClass = mainClass;
        this.function = function;
    }

    /**
     * A host for {@code mainClass} of {@code module}, with the AWS adapter invoking {@code function} (what
     * {@code SPRING_CLOUD_FUNCTION_DEFINITION} names on Lambda), booted before the test class's tests and
     * closed after them: {@code @RegisterExtension static final LambdaFunctionHost lambda = of(...)}.
     * The boot happens before the class's own {@code @BeforeAll} methods, which may use {@link #context()}.
     */
    public static LambdaFunctionHost of(String module, Class<?> mainClass, String function) {
        return new LambdaFunctionHost(module, mainClass, function);
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }

    private void start() {
        if (invoker != null) {
            throw new IllegalStateException(function + " is booted already");
        }
        Map<String, Object> boot = new LinkedHashMap<>(RealServersInitializer.properties(module));
        boot.put("MAIN_CLASS", mainClass.getName());
        boot.put("spring.profiles.active", "lambda");
        // An extra source of the invoker's application: hands this host the context the invoker boots.
        boot.put("spring.main.sources", BootedContext.class.getName());
        Map<String, String> previous = new LinkedHashMap<>();
        boot.forEach((name, value) -> previous.put(name, System.setProperty(name, String.valueOf(value))));
        properties = Collections.unmodifiableMap(boot);
        previousProperties = previous;
        try {
            BootedContext.last = null;
            invoker = new FunctionInvoker(function);
            context = BootedContext.last;
            // On AWS the module's migration Lambda runs at deploy time, before any function takes traffic; a
            // function's own init never migrates (SHOP_DB_MIGRATE=false under the lambda profile).
            context.getBean("migrateModule", java.util.function.Supplier.class).get();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        } finally {
            BootedContext.last = null;
        }
    }

    /**
     * Invokes the function with a recorded event from the test class path (e.g. {@code events/apigw-get-order.json}),
     * each {@code ${name}} replaced by its value and {@code ${correlationId}}, unless given, by a fresh one; returns
     * what the function answered, as JSON (for API Gateway events the payload 2.0 response).
     */
    public JsonNode invoke(String fixture, Map<String, String> values) {
        String output = invokeForText(fixture, values);
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new AssertionError("the function's answer is not JSON: " + output, e);
        }
    }

    /** As {@link #invoke(String, Map)}, the answer as the bytes Lambda would return, in UTF-8. */
    public String invokeForText(String fixture, Map<String, String> values) {
        if (invoker == null) {
            throw new IllegalStateException(function + " is not booted");
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent("correlationId", UUID.randomUUID().toString());
        byte[] event = Fixtures.read(fixture, all).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            invoker.handleRequest(new ByteArrayInputStream(event), out, new TestLambdaContext(function));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The application context the invoker booted. */
    public ConfigurableApplicationContext context() {
        assertThat(context).as("the context the FunctionInvoker booted").isNotNull();
        return context;
    }

    /** The properties the function was booted with: the real servers' endpoints and its own database. */
    public Map<String, Object> properties() {
        if (properties == null) {
            throw new IllegalStateException(function + " is not booted");
        }
        return properties;
    }

    /** The function's own database, which its boot has migrated; tables are named with their schema. */
    public Jdbi database() {
        return database(null);
    }

    /** The function's own database with {@code schema} as the connections' schema. */
    public Jdbi database(String schema) {
        Map<String, Object> properties = properties();
        Properties login = new Properties();
        if (properties.get("spring.datasource.username") != null) {
            login.setProperty("user", String.valueOf(properties.get("spring.datasource.username")));
        }
        if (properties.get("spring.datasource.password") != null) {
            login.setProperty("password", String.valueOf(properties.get("spring.datasource.password")));
        }
        String url = String.valueOf(properties.get("spring.datasource.url"));
        return Jdbi.create(() -> {
            Connection connection = DriverManager.getConnection(url, login);
            if (schema != null) {
                connection.setSchema(schema);
            }
            return connection;
        });
    }

    /** Closes the booted context and restores the system properties as they were before the boot. */
    @Override
    public void close() {
        ConfigurableApplicationContext booted = context;
        Map<String, String> previous = previousProperties;
        context = null;
        invoker = null;
        previousProperties = null;
        try {
            if (booted != null) {
                booted.close();
            }
        } finally {
            if (previous != null) {
                previous.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
        }
    }

    /** A source of the booted application that hands its context to the host booting it. */
    public static class BootedContext implements ApplicationContextAware {

        static volatile ConfigurableApplicationContext last;

        @Override
        public void setApplicationContext(ApplicationContext applicationContext) {
            last = (ConfigurableApplicationContext) applicationContext;
        }
    }
}
