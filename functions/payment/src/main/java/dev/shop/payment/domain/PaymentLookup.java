package dev.shop.payment.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What {@code getPayment} finds: the payment with its ledger entries, oldest first. */
public sealed interface PaymentLookup {

    record Found(@JsonUnwrapped Payment payment, List<LedgerEntry> ledger) implements PaymentLookup {

        public Found {
            ledger = List.copyOf(ledger);
        }
    }

    record NotFound(String checkoutId) implements PaymentLookup {
    }
}
