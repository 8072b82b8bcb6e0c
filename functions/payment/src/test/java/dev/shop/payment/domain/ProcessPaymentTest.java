package dev.shop.payment.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProcessPayment;
import dev.shop.payment.PaymentCommands;
import dev.shop.payment.PaymentOnRealServers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.testing.Concurrently;
import dev.shop.testing.OutboxReplies;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;

import static dev.shop.payment.PaymentCommands.aCharge;
import static dev.shop.payment.PaymentCommands.refundOf;
import static dev.shop.testing.Deliveries.deliver;
import static dev.shop.testing.OutboxReplies.failed;
import static dev.shop.testing.OutboxReplies.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/** processPayment charges a checkout at most once and answers every command, however often it arrives. */
@PaymentOnRealServers
class ProcessPaymentTest {

    @Autowired
    Consumer<Message<byte[]>> processPayment;
    @Autowired
    Consumer<Message<byte[]>> refundPayment;
    @Autowired
    Jdbi jdbi;
    @Autowired
    TaskReplies replyTo;
    @Autowired
    EventCodec codec;
    @Autowired
    Outbox outbox;
    @Autowired
    FunctionManifest manifest;

    OutboxReplies replies;

    @BeforeEach
    void replies() {
        replies = new OutboxReplies(jdbi, codec);
    }

    @Test
    void chargesOnceForRetriedCommand() {
        PaymentCommands charge = aCharge().amountCents(3150);
        EventEnvelope<ProcessPayment> first = charge.envelope();
        EventEnvelope<ProcessPayment> retry = charge.envelope();

        deliver(processPayment, first);
        deliver(processPayment, retry);

        List<EventEnvelope<?>> answers = replies.of(charge.checkoutId());
        assertThat(answers).extracting(EventEnvelope::type).containsOnly(EventTypes.TASK_SUCCEEDED.name());
        assertThat(answers).hasSize(2);
        assertThat(succeeded(answers.get(0)).taskToken()).isEqualTo(first.data().taskToken());
        assertThat(succeeded(answers.get(1)).taskToken()).isEqualTo(retry.data().taskToken());
        Map<String, Object> output = succeeded(answers.get(0)).output();
        assertThat(output.get("paymentId")).asString().startsWith("pay_");
        assertThat(output.get("amountCents")).isEqualTo(3150);
        assertThat(succeeded(answers.get(1)).output()).isEqualTo(output);
        assertThat(answers).extracting(EventEnvelope::subject)
                .containsExactly(first.subject(), retry.subject());
        assertThat(answers).extracting(EventEnvelope::source).containsOnly("/functions/payment");
        assertThat(ledgerKinds(charge.checkoutId())).containsExactly("CHARGE");
        assertThat(providerCalls(charge.checkoutId())).isEqualTo(1);
    }

    @Test
    void chargesOnceWhenRetriesRace() {
        PaymentCommands charge = aCharge();
        List<EventEnvelope<ProcessPayment>> retries = IntStream.range(0, 6).mapToObj(i -> charge.envelope()).toList();

        Concurrently.run(retries.stream().<Runnable>map(command -> () -> deliver(processPayment, command)).toList());

        List<EventEnvelope<?>> answers = replies.of(charge.checkoutId());
        assertThat(answers).hasSize(6);
        assertThat(answers).extracting(reply -> succeeded(reply).output().get("paymentId")).containsOnly(
                succeeded(answers.getFirst()).output().get("paymentId"));
        assertThat(ledgerKinds(charge.checkoutId())).containsExactly("CHARGE");
        assertThat(providerCalls(charge.checkoutId())).isEqualTo(1);
    }

    @Test
    void declinesTokDecline() {
        PaymentCommands charge = aCharge().token(SimulatedPaymentProvider.DECLINE);

        deliver(processPayment, charge.envelope());
        deliver(processPayment, charge.envelope());

        List<EventEnvelope<?>> answers = replies.of(charge.checkoutId());
        assertThat(answers).hasSize(2).allSatisfy(reply -> {
            assertThat(failed(reply).error()).isEqualTo("Payment.Declined");
            assertThat(failed(reply).cause()).isEqualTo("your card was declined");
        });
        assertThat(status(charge.checkoutId())).isEqualTo("DECLINED");
        assertThat(ledgerKinds(charge.checkoutId())).isEmpty();
        assertThat(providerCalls(charge.checkoutId())).isEqualTo(1);
    }

    @Test
    void declinesUnknownPaymentMethod() {
        PaymentCommands charge = aCharge().token("tok_mastercard_from_the_future");

        deliver(processPayment, charge.envelope());

        EventEnvelope<?> answer = replies.of(charge.checkoutId()).getFirst();
        assertThat(failed(answer).error()).isEqualTo("Payment.Declined");
        assertThat(failed(answer).cause()).isEqualTo("unknown payment method");
    }

    @Test
    void tokErrorSucceedsOnRetry() {
        PaymentCommands charge = aCharge().token(SimulatedPaymentProvider.ERROR);

        deliver(processPayment, charge.envelope());
        // As after a restart: a new processor and provider, nothing kept in memory; the attempt count is in the database.
        Payments restarted = new Payments(jdbi, replyTo, SimulatedPaymentProvider.deterministic());
        EventEnvelope<ProcessPayment> retry = charge.envelope();
        jdbi.useTransaction(h -> restarted.process(h, retry));

        List<EventEnvelope<?>> answers = replies.of(charge.checkoutId());
        assertThat(answers).hasSize(2);
        assertThat(failed(answers.get(0)).error()).isEqualTo("Payment.Unavailable");
        assertThat(failed(answers.get(0)).cause()).contains("nothing was charged");
        assertThat(succeeded(answers.get(1)).output()).containsKey("paymentId");
        assertThat(status(charge.checkoutId())).isEqualTo("CAPTURED");
        assertThat(providerCalls(charge.checkoutId())).isEqualTo(2);
        assertThat(ledgerKinds(charge.checkoutId())).containsExactly("CHARGE");
    }

    @Test
    void redeliveredCommandChangesNothing() {
        PaymentCommands charge = aCharge();
        EventEnvelope<ProcessPayment> command = charge.envelope();

        deliver(processPayment, command);
        deliver(processPayment, command);

        assertThat(replies.of(charge.checkoutId())).hasSize(1);
        assertThat(ledgerKinds(charge.checkoutId())).containsExactly("CHARGE");
        assertThat(providerCalls(charge.checkoutId())).isEqualTo(1);
    }

    @Test
    void lateChargeAfterRefundIsRefused() {
        PaymentCommands charge = aCharge();

        deliver(refundPayment, refundOf(charge.checkoutId()));
        deliver(processPayment, charge.envelope());

        List<EventEnvelope<?>> answers = replies.of(charge.checkoutId());
        assertThat(succeeded(answers.get(0)).output()).isEqualTo(Map.of("refunded", false));
        assertThat(failed(answers.get(1)).error()).isEqualTo("Payment.Declined");
        assertThat(failed(answers.get(1)).cause()).isEqualTo("checkout was cancelled");
        assertThat(status(charge.checkoutId())).isEqualTo("REFUNDED");
        assertThat(ledgerKinds(charge.checkoutId())).isEmpty();
        assertThat(providerCalls(charge.checkoutId())).isZero();
    }

    @Test
    void retriedChargeAfterCaptureAndRefundIsRefused() {
        PaymentCommands charge = aCharge();
        deliver(processPayment, charge.envelope());
        deliver(refundPayment, refundOf(charge.checkoutId()));

        deliver(processPayment, charge.envelope());

        EventEnvelope<?> last = replies.of(charge.checkoutId()).getLast();
        assertThat(failed(last).cause()).isEqualTo("checkout was cancelled");
        assertThat(ledgerKinds(charge.checkoutId())).containsExactly("CHARGE", "REFUND");
    }

    @Test
    void answersMalformedCurrencyWithDeclineAndChargesNothing() {
        PaymentCommands charge = aCharge().currency("dollars");

        deliver(processPayment, charge.envelope());

        assertThat(failed(replies.of(charge.checkoutId()).getFirst()).error()).isEqualTo("Payment.Declined");
        assertThat(providerCalls(charge.checkoutId())).isZero();
    }

    private List<String> ledgerKinds(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("select kind from ledger where checkout_id = :id order by id")
                .bind("id", checkoutId).mapTo(String.class).list());
    }

    private int providerCalls(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select coalesce(max(attempts), 0) from charge_attempts where checkout_id = :id")
                .bind("id", checkoutId).mapTo(Integer.class).one());
    }

    private String status(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("select status from payments where checkout_id = :id")
                .bind("id", checkoutId).mapTo(String.class).one());
    }
}
