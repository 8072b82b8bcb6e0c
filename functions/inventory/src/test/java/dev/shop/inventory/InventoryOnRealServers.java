package dev.shop.inventory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shop.local.servers.RealServersInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An inventory context on the JVM's shared real Postgres, Redis and Kafka; one context for all test classes.
 * The expiry timer runs every second so a test can watch it work. At JVM exit the shared Postgres may stop
 * before this context flushes its last metering records: that flush gives up after 5 s instead of Hikari's 30.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = InventoryApplication.class, properties = {
        "shop.schedules.expireReservations.every=1s",
        "spring.datasource.hikari.connection-timeout=5000"})
@ContextConfiguration(initializers = RealServersInitializer.class)
public @interface InventoryOnRealServers {
}
