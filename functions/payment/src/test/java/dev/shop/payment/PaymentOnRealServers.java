package dev.shop.payment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shop.local.servers.RealServersInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** A payment context on the JVM's shared real Postgres, Redis and Kafka; one context for all test classes. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PaymentApplication.class)
@ContextConfiguration(initializers = RealServersInitializer.class)
public @interface PaymentOnRealServers {
}
