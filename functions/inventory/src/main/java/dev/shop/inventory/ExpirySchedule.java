package dev.shop.inventory;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@code expireReservations} on a timer where nothing else does (locally and in tests). In the cloud
 * a scheduler rule invokes the function instead, so the lambda profile turns this off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "shop.inventory.expiry-sweep-enabled", havingValue = "true", matchIfMissing = true)
public class ExpirySchedule {

    private static final Logger log = LoggerFactory.getLogger(ExpirySchedule.class);

    private final Supplier<Integer> expireReservations;

    public ExpirySchedule(@Qualifier("expireReservations") Supplier<Integer> expireReservations) {
        this.expireReservations = expireReservations;
    }

    @Scheduled(initialDelayString = "${shop.inventory.expiry-sweep-interval:5s}",
            fixedDelayString = "${shop.inventory.expiry-sweep-interval:5s}")
    public void sweep() {
        try {
            expireReservations.get();
        } catch (RuntimeException e) {
            // The next sweep tries again; the holds stay until then.
            log.warn("expiring reservations failed, retried in the next sweep: {}", e.toString());
        }
    }
}
