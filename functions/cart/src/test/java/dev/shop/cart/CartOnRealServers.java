package dev.shop.cart;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shop.local.servers.RealServersInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The cart application against the JVM's real Postgres, Redis and Kafka, with a database of its own. Every
 * test class carrying this shares one Spring context (and so one consumer of the product events).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CartApplication.class)
@ContextConfiguration(initializers = RealServersInitializer.class)
@Import(CatalogEvents.Configuration.class)
public @interface CartOnRealServers {
}
