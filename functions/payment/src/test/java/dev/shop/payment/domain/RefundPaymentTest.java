package dev.shop.payment.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.RefundPayment;
import dev.shop.payment.PaymentCommands;
import dev.shop.payment.PaymentOnRealServers;
import dev.shop.testing.OutboxReplies;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;

import static dev.shop.payment.PaymentCommands.aCharge;
import static dev.shop.payment.PaymentCommands.refundOf;
import static dev.shop.testing.Deliveries.deliver;
import static dev.shop.testing.OutboxReplies.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** refundPayment (the saga's compensation) gives a capture back once, and the ledger always adds up. */
@PaymentOnRealServers
class RefundPaymentTest {

    // XTS is ISO 4217's code for testing: no other test charges in it, so its totals are this test's own.
    private static final String TEST_CURRENCY = "XTS";

    @Autowired
    Consumer<Message<byte[]>> processPayment;
    @Autowired
    Consumer<Message<byte[]>> refundPayment;
    @Autowired
    LedgerReport ledger;
    @Autowired
    Jdbi jdbi;
    @Autowired
    EventCodec codec;

    @Test
    void refundIsIdempotentAndLedgerReconciles() {
        PaymentCommands kept = aCharge().currency(TEST_CURRENCY).amountCents(1000);
        PaymentCommands refunded = aCharge().currency(TEST_CURRENCY).amountCents(2500);
        PaymentCommands declined = aCharge().currency(TEST_CURRENCY).amountCents(700).token("tok_decline");
        deliver(processPayment, kept.envelope());
        deliver(processPayment, refunded.envelope());
        deliver(processPayment, declined.envelope());

        EventEnvelope<RefundPayment> refund = refundOf(refunded.checkoutId());
        deliver(refundPayment, refund);
        deliver(refundPayment, refund); // redelivered: skipped
        deliver(refundPayment, refundOf(refunded.checkoutId())); // retried: answered again, refunds nothing more
        deliver(refundPayment, refundOf(declined.checkoutId()));

        List<EventEnvelope<?>> answers = new OutboxReplies(jdbi, codec).of(refunded.checkoutId());
        assertThat(answers).hasSize(3); // the charge and two refund replies
        Map<String, Object> first = succeeded(answers.get(1)).output();
        assertThat(first).containsEntry("refunded", true).containsEntry("amountCents", 2500);
        assertThat(first.get("paymentId")).isEqualTo(succeeded(answers.get(0)).output().get("paymentId"));
        assertThat(succeeded(answers.get(2)).output()).isEqualTo(first);
        assertThat(succeeded(new OutboxReplies(jdbi, codec).of(declined.checkoutId()).getLast()).output())
                .isEqualTo(Map.of("refunded", false));

        assertThat(ledger.checkout(refunded.checkoutId()))
                .isEqualTo(new LedgerReport.Totals(TEST_CURRENCY, 2500, 2500, 0));
        LedgerReport.Totals test = ledger.totals().stream()
                .filter(t -> t.currency().equals(TEST_CURRENCY)).findFirst().orElseThrow();
        assertThat(test.chargedCents()).isEqualTo(3500);
        assertThat(test.refundedCents()).isEqualTo(2500);
        assertThat(test.netCents()).isEqualTo(1000).isEqualTo(test.capturedCents());
        assertThat(ledger.totals()).isNotEmpty().allMatch(LedgerReport.Totals::balanced);
    }

    @Test
    void refundingUncapturedCheckoutRefundsNothingAndCancelsIt() {
        String checkoutId = PaymentCommands.uniqueCheckoutId();

        deliver(refundPayment, refundOf(checkoutId));
        deliver(refundPayment, refundOf(checkoutId));

        List<EventEnvelope<?>> answers = new OutboxReplies(jdbi, codec).of(checkoutId);
        assertThat(answers).hasSize(2)
                .allSatisfy(reply -> assertThat(succeeded(reply).output()).isEqualTo(Map.of("refunded", false)));
        assertThat(ledger.checkout(checkoutId).chargedCents()).isZero();
        String marker = jdbi.withHandle(h -> h.createQuery(
                        "select status || ':' || (payment_id is null) from payments where checkout_id = :id")
                .bind("id", checkoutId).mapTo(String.class).one());
        assertThat(marker).isEqualTo("REFUNDED:true");
    }

    @Test
    void ledgerIsAppendOnly() {
        PaymentCommands charge = aCharge();
        deliver(processPayment, charge.envelope());

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "update ledger set amount_cents = 1 where checkout_id = ?", charge.checkoutId())))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "delete from ledger where checkout_id = ?", charge.checkoutId())))
                .hasMessageContaining("append-only");
    }
}
