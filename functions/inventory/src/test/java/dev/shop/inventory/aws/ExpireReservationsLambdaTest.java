package dev.shop.inventory.aws;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import dev.shop.inventory.InventoryApplication;
import dev.shop.testing.LambdaFunctionHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.shop.inventory.Commands.uniqueCheckoutId;
import static dev.shop.inventory.Commands.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry sweep as the cloud scheduler runs it: the AWS adapter invokes the {@code expireReservations}
 * supplier with a recorded EventBridge scheduled event (which it ignores) and answers how many holds expired.
 */
class ExpireReservationsLambdaTest {

    @RegisterExtension
    static final LambdaFunctionHost lambda =
            LambdaFunctionHost.of("inventory", InventoryApplication.class, "expireReservations");

    private static Jdbi database;

    @BeforeAll
    static void openDatabase() {
        database = lambda.database();
    }

    @Test
    void scheduledInvocationExpiresOverdueHolds() throws IOException {
        // The first invocation boots the function and migrates its schema.
        invoke();
        String sku = uniqueSku();
        String checkoutId = uniqueCheckoutId();
        heldSinceAMinuteAgo(sku, checkoutId, 3);

        String expired = invoke();

        assertThat(expired).isEqualTo("1");
        assertThat(queryText("select status from inventory.reservations where checkout_id = :key", checkoutId))
                .isEqualTo("EXPIRED");
        assertThat(queryText("select available || '/' || reserved from inventory.stock where sku = :key", sku))
                .isEqualTo("3/0");
    }

    /** A hold as reserveInventory leaves it, whose time ran out a minute ago. */
    private static void heldSinceAMinuteAgo(String sku, String checkoutId, int quantity) {
        Instant now = Instant.now();
        database.useTransaction(h -> {
            h.createUpdate("""
                            insert into inventory.stock (sku, available, reserved, version, updated_at)
                            values (:sku, 0, :q, 1, :now)""")
                    .bind("sku", sku).bind("q", quantity).bind("now", now).execute();
            h.createUpdate("""
                            insert into inventory.reservations (checkout_id, status, expires_at, created_at, updated_at)
                            values (:id, 'HELD', :expiresAt, :now, :now)""")
                    .bind("id", checkoutId).bind("expiresAt", now.minusSeconds(60)).bind("now", now).execute();
            h.createUpdate("""
                            insert into inventory.reservation_lines (checkout_id, sku, quantity)
                            values (:id, :sku, :q)""")
                    .bind("id", checkoutId).bind("sku", sku).bind("q", quantity).execute();
        });
    }

    private static String queryText(String sql, String key) {
        return database.withHandle(h -> h.createQuery(sql).bind("key", key).mapTo(String.class).one());
    }

    private static String invoke() {
        return lambda.invokeForText("events/eventbridge-scheduled.json", Map.of());
    }
}
