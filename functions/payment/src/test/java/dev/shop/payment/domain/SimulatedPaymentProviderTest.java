package dev.shop.payment.domain;

import java.util.List;
import java.util.stream.IntStream;

import dev.shop.payment.domain.PaymentProvider.ChargeRequest;
import dev.shop.payment.domain.PaymentProvider.ChargeResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's rules: outcomes by token and attempt, and a repeatable share of random transient failures. */
class SimulatedPaymentProviderTest {

    @Test
    void decidesByToken() {
        SimulatedPaymentProvider provider = SimulatedPaymentProvider.deterministic();

        assertThat(provider.charge(charge("chk-1", "tok_visa", 1))).isInstanceOf(ChargeResult.Approved.class);
        assertThat(provider.charge(charge("chk-2", "tok_decline", 1)))
                .isEqualTo(new ChargeResult.Declined("your card was declined"));
        assertThat(provider.charge(charge("chk-3", "tok_amex", 1)))
                .isEqualTo(new ChargeResult.Declined("unknown payment method"));
        assertThat(provider.charge(charge("chk-4", "tok_error", 1))).isInstanceOf(ChargeResult.Unavailable.class);
        assertThat(provider.charge(charge("chk-4", "tok_error", 2))).isInstanceOf(ChargeResult.Approved.class);
    }

    @Test
    void sameIdempotencyKeyGivesSameReference() {
        SimulatedPaymentProvider provider = SimulatedPaymentProvider.deterministic();

        assertThat(provider.charge(charge("chk-9", "tok_visa", 1)))
                .isEqualTo(new SimulatedPaymentProvider(0.0, 7).charge(charge("chk-9", "tok_visa", 3)))
                .isNotEqualTo(provider.charge(charge("chk-10", "tok_visa", 1)));
    }

    @Test
    void failureRateOfOneTenthLetsAboutNinetyPercentThrough() {
        long approved = approvals(new SimulatedPaymentProvider(0.1, 20261122), 2000);

        assertThat(approved).isBetween(1740L, 1860L);
    }

    @Test
    void sameSeedFailsTheSameCharges() {
        assertThat(outcomes(new SimulatedPaymentProvider(0.1, 42), 500))
                .isEqualTo(outcomes(new SimulatedPaymentProvider(0.1, 42), 500))
                .isNotEqualTo(outcomes(new SimulatedPaymentProvider(0.1, 43), 500));
    }

    private static long approvals(SimulatedPaymentProvider provider, int charges) {
        return outcomes(provider, charges).stream().filter(ChargeResult.Approved.class::isInstance).count();
    }

    private static List<ChargeResult> outcomes(SimulatedPaymentProvider provider, int charges) {
        return IntStream.range(0, charges).mapToObj(i -> provider.charge(charge("chk-" + i, "tok_visa", 1))).toList();
    }

    private static ChargeRequest charge(String checkoutId, String token, int attempt) {
        return new ChargeRequest(checkoutId, "cus-1", 1000, "USD", token, attempt);
    }
}
