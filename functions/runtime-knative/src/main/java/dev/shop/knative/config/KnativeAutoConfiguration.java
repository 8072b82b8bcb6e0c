package dev.shop.knative.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.shop.knative.server.KnativeHttpServer;
import dev.shop.runtime.http.CloudEventRequests;
import dev.shop.runtime.http.HttpApi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Starts the module's {@link KnativeHttpServer} when {@code shop.knative.port} is set (Knative sets {@code PORT}
 * in the container; the image's entry point passes it on). Without the property nothing listens, so the same
 * module jar still runs on Lambda and in the local stack unchanged.
 */
@AutoConfiguration(afterName = "dev.shop.runtime.config.RuntimeAutoConfiguration")
@ConditionalOnProperty(name = "shop.knative.port")
public class KnativeAutoConfiguration {

    @Bean(destroyMethod = "close")
    public KnativeHttpServer knativeHttpServer(Environment environment, HttpApi api, CloudEventRequests cloudEvents) {
        int port = environment.getRequiredProperty("shop.knative.port", Integer.class);
        try {
            return KnativeHttpServer.start(port, api, cloudEvents);
        } catch (IOException e) {
            throw new UncheckedIOException("the Knative HTTP server could not listen on " + port, e);
        }
    }
}
