package dev.shop.checkout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shop.local.servers.RealServersInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The checkout application against the JVM's real Postgres, Redis and Kafka, with a database of its own. Every
 * test class carrying this shares one Spring context (and so one consumer group on the task results), plus the test's own stand-ins for the cart and the saga's participants ({@link CheckoutTestBeans}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// A cart that does not answer is waited for 2 s (8 s in production), so such tests stay quick.
@SpringBootTest(classes = CheckoutApplication.class, properties = "shop.checkout.cart-decision-wait=2s")
@ContextConfiguration(initializers = RealServersInitializer.class)
@Import(CheckoutTestBeans.class)
public @interface CheckoutOnRealServers {
}
