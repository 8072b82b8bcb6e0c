package dev.shop.payment.domain;

/**
 * The payment service provider the charges go to. {@link SimulatedPaymentProvider} stands in for a real
 * one; a real implementation passes {@code idempotencyKey} on so that a call repeated after a crash
 * returns the first charge instead of making a second.
 */
public interface PaymentProvider {

    ChargeResult charge(ChargeRequest request);

    RefundResult refund(RefundRequest request);

    /**
     * @param idempotencyKey the checkout id: one charge per checkout, whatever happens
     * @param attempt        which call this is for the checkout, 1 for the first (counted in the database)
     */
    record ChargeRequest(String idempotencyKey, String customerId, long amountCents, String currency,
                         String paymentToken, int attempt) {
    }

    record RefundRequest(String idempotencyKey, String providerReference, long amountCents, String currency) {
    }

    /** What the provider said about a charge. */
    sealed interface ChargeResult {

        record Approved(String providerReference) implements ChargeResult {
        }

        /** Permanent: retrying the same payment method will not help. */
        record Declined(String reason) implements ChargeResult {
        }

        /** Transient: nothing was charged; the same charge may succeed later. */
        record Unavailable(String reason) implements ChargeResult {
        }
    }

    /** What the provider said about a refund. */
    sealed interface RefundResult {

        record Refunded(String providerReference) implements RefundResult {
        }

        record Unavailable(String reason) implements RefundResult {
        }
    }
}
