package dev.shop.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the simulated payment provider ({@code shop.payment.*}).
 *
 * @param simulatedFailureRate share of provider calls that fail transiently on top of the token rules,
 *                             0.0 (never, the default) to 1.0; 0.1 lets about 90% of charges through
 * @param simulatedFailureSeed seed of the generator that draws those failures, so a run can be repeated
 */
@ConfigurationProperties("shop.payment")
public record PaymentSettings(@DefaultValue("0.0") double simulatedFailureRate,
                              @DefaultValue("20261122") long simulatedFailureSeed) {

    public PaymentSettings {
        if (!(simulatedFailureRate >= 0.0 && simulatedFailureRate <= 1.0)) {
            throw new IllegalArgumentException(
                    "shop.payment.simulated-failure-rate must be between 0.0 and 1.0, got " + simulatedFailureRate);
        }
    }
}
