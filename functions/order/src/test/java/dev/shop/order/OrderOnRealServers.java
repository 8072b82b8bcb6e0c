package dev.shop.order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shop.local.servers.RealServersInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An order context on the JVM's shared real Postgres, Redis and Kafka; one context for all test classes.
 * Orders of {@link OrderCommands#REJECTED_CUSTOMER} are rejected, as a drill would configure it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OrderApplication.class,
        properties = "shop.order.reject-customers=" + OrderCommands.REJECTED_CUSTOMER + ",cus-also-rejected")
@ContextConfiguration(initializers = RealServersInitializer.class)
public @interface OrderOnRealServers {
}
