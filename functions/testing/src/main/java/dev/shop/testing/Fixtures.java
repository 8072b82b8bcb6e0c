package dev.shop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Text fixtures on the test class path (recorded events, commands) with {@code ${name}} placeholders. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The resource as text, e.g. {@code events/apigw-get-order.json}; a leading {@code /} is allowed. */
    public static String read(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Fixtures.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource as text with each {@code ${name}} replaced by its value. */
    public static String read(String resource, Map<String, String> values) {
        return replace(read(resource), values);
    }

    /** Replaces each {@code ${name}} in the text by its value. */
    public static String replace(String text, Map<String, String> values) {
        String replaced = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            replaced = replaced.replace("${" + value.getKey() + "}", value.getValue());
        }
        return replaced;
    }
}
