package dev.shop.payment.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A payment provider inside the function, deterministic by payment token:
 * <ul>
 *   <li>{@code tok_visa}: approved;</li>
 *   <li>{@code tok_decline}: declined, permanently;</li>
 *   <li>{@code tok_error}: unavailable on the checkout's first attempt, approved on the next (the attempt
 *       number comes from the database, so this holds across restarts);</li>
 *   <li>anything else: declined as an unknown payment method.</li>
 * </ul>
 * On top of that, a share {@code failureRate} of charges fails transiently, drawn from a generator seeded
 * with {@code seed} so a run can be repeated. Refunds always succeed. References depend only on the
 * idempotency key, as a real provider returns the same charge for the same key.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String VISA = "tok_visa";
    public static final String DECLINE = "tok_decline";
    public static final String ERROR = "tok_error";

    static final String DECLINED = "your card was declined";
    static final String UNKNOWN_METHOD = "unknown payment method";
    static final String TEMPORARY_ERROR = "the payment service had a temporary problem; nothing was charged";

    private final double failureRate;
    private final RandomGenerator random;

    public SimulatedPaymentProvider(double failureRate, long seed) {
        if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
            throw new IllegalArgumentException("failure rate must be between 0.0 and 1.0, got " + failureRate);
        }
        this.failureRate = failureRate;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** Never fails at random: only the token rules apply. */
    public static SimulatedPaymentProvider deterministic() {
        return new SimulatedPaymentProvider(0.0, 0L);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        if (failsAtRandom()) {
            return new ChargeResult.Unavailable(TEMPORARY_ERROR);
        }
        return switch (request.paymentToken()) {
            case VISA -> new ChargeResult.Approved(reference("ch", request.idempotencyKey()));
            case DECLINE -> new ChargeResult.Declined(DECLINED);
            case ERROR -> request.attempt() <= 1
                    ? new ChargeResult.Unavailable(TEMPORARY_ERROR)
                    : new ChargeResult.Approved(reference("ch", request.idempotencyKey()));
            default -> new ChargeResult.Declined(UNKNOWN_METHOD);
        };
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult.Refunded(reference("re", request.idempotencyKey()));
    }

    private boolean failsAtRandom() {
        if (failureRate == 0.0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < failureRate;
        }
    }

    private static String reference(String kind, String key) {
        UUID id = UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
        return "sim_" + kind + "_" + id.toString().replace("-", "").substring(0, 24);
    }
}
