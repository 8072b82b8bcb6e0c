package dev.shop.payment.domain;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.shop.events.EventEnvelope;
import dev.shop.events.ProcessPayment;
import dev.shop.events.RefundPayment;
import dev.shop.payment.domain.PaymentProvider.ChargeRequest;
import dev.shop.payment.domain.PaymentProvider.ChargeResult;
import dev.shop.payment.domain.PaymentProvider.RefundRequest;
import dev.shop.payment.domain.PaymentProvider.RefundResult;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The payment rules. Each command is handled in the transaction the invocation layer opens with its event id
 * recorded: it changes the payment, appends to the ledger and writes the reply to the outbox, so a command takes
 * effect and is answered exactly once however often it is delivered. The checkout id is the charge's idempotency key:
 * a retried command (new event id) gets the first answer again and never a second charge, and a checkout
 * refunded (compensated) before capture stays uncharged.
 */
public class Payments {

    static final String CANCELLED = "checkout was cancelled";
    static final String INVALID = "the payment details were incomplete";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Jdbi jdbi;
    private final TaskReplies replies;
    private final PaymentProvider provider;
    private final PaymentRepository payments = new PaymentRepository();

    public Payments(Jdbi jdbi, TaskReplies replies, PaymentProvider provider) {
        this.jdbi = jdbi;
        this.replies = replies;
        this.provider = provider;
    }

    /** Charges the checkout once, inside the caller's transaction, and answers the task. */
    public PaymentOutcome process(Handle h, EventEnvelope<ProcessPayment> event) {
        ProcessPayment command = event.data();
        PaymentOutcome outcome = charge(h, command);
        replies.send(h, event, command.checkoutId(), command.taskToken(), PaymentReplies.to(outcome));
        return outcome;
    }

    /** Refunds the checkout's capture in full, once, inside the caller's transaction, and answers the task. */
    public RefundOutcome refund(Handle h, EventEnvelope<RefundPayment> event) {
        RefundPayment command = event.data();
        RefundOutcome outcome = refund(h, command.checkoutId());
        replies.send(h, event, command.checkoutId(), command.taskToken(), PaymentReplies.to(outcome));
        return outcome;
    }

    public PaymentLookup find(String checkoutId) {
        return jdbi.withHandle(h -> payments.find(h, checkoutId)
                .<PaymentLookup>map(p -> new PaymentLookup.Found(p, payments.ledger(h, checkoutId)))
                .orElseGet(() -> new PaymentLookup.NotFound(checkoutId)));
    }

    private PaymentOutcome charge(Handle h, ProcessPayment command) {
        String checkoutId = command.checkoutId();
        if (!CheckoutIds.valid(checkoutId) || !CURRENCY.matcher(command.currency()).matches()) {
            return new PaymentOutcome.Declined(INVALID);
        }
        payments.lock(h, checkoutId);
        Optional<Payment> existing = payments.find(h, checkoutId);
        if (existing.isPresent()) {
            Payment payment = existing.get();
            return switch (payment.status()) {
                case CAPTURED -> new PaymentOutcome.Captured(payment.paymentId(), payment.amountCents(),
                        payment.currency());
                case DECLINED -> new PaymentOutcome.Declined(payment.declineReason());
                case REFUNDED -> new PaymentOutcome.Declined(CANCELLED);
            };
        }
        int attempt = payments.nextAttempt(h, checkoutId);
        ChargeResult result = provider.charge(new ChargeRequest(checkoutId, command.customerId(),
                command.amountCents(), command.currency(), command.paymentToken(), attempt));
        return switch (result) {
            case ChargeResult.Approved approved -> {
                String paymentId = PaymentIds.next();
                payments.insertCaptured(h, checkoutId, paymentId, command.customerId(), command.amountCents(),
                        command.currency(), approved.providerReference(), attempt);
                payments.appendLedger(h, checkoutId, LedgerEntry.Kind.CHARGE, command.amountCents(),
                        command.currency());
                yield new PaymentOutcome.Captured(paymentId, command.amountCents(), command.currency());
            }
            case ChargeResult.Declined declined -> {
                payments.insertDeclined(h, checkoutId, command.customerId(), command.amountCents(),
                        command.currency(), declined.reason(), attempt);
                yield new PaymentOutcome.Declined(declined.reason());
            }
            // No payment row: the attempt stays counted and the next command tries again.
            case ChargeResult.Unavailable unavailable -> new PaymentOutcome.Unavailable(unavailable.reason());
        };
    }

    private RefundOutcome refund(Handle h, String checkoutId) {
        if (!CheckoutIds.valid(checkoutId)) {
            return new RefundOutcome.NothingCaptured();
        }
        payments.lock(h, checkoutId);
        Optional<Payment> existing = payments.find(h, checkoutId);
        if (existing.isEmpty()) {
            payments.insertCancelled(h, checkoutId, payments.attempts(h, checkoutId));
            return new RefundOutcome.NothingCaptured();
        }
        Payment payment = existing.get();
        return switch (payment.status()) {
            case CAPTURED -> switch (provider.refund(new RefundRequest(checkoutId, payment.providerReference(),
                    payment.amountCents(), payment.currency()))) {
                case RefundResult.Refunded refunded -> {
                    payments.markRefunded(h, checkoutId);
                    payments.appendLedger(h, checkoutId, LedgerEntry.Kind.REFUND, payment.amountCents(),
                            payment.currency());
                    yield new RefundOutcome.Refunded(payment.paymentId(), payment.amountCents(), payment.currency());
                }
                case RefundResult.Unavailable unavailable -> new RefundOutcome.Unavailable(unavailable.reason());
            };
            case REFUNDED -> payment.paymentId() == null
                    ? new RefundOutcome.NothingCaptured()
                    : new RefundOutcome.Refunded(payment.paymentId(), payment.amountCents(), payment.currency());
            // Declined: nothing was taken, and a later charge gets the same decline.
            case DECLINED -> new RefundOutcome.NothingCaptured();
        };
    }
}
