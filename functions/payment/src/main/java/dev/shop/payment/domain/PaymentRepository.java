package dev.shop.payment.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Payments, charge attempts and the ledger in the payment schema; every method runs in the caller's transaction. */
class PaymentRepository {

    private static final String COLUMNS = """
            checkout_id, payment_id, customer_id, amount_cents, currency, status, provider_reference,
            decline_reason, attempts, created_at, updated_at""";

    /** Serializes everything done for one checkout until the transaction ends. */
    void lock(Handle h, String checkoutId) {
        h.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", "payment:" + checkoutId);
    }

    Optional<Payment> find(Handle h, String checkoutId) {
        return h.createQuery("select " + COLUMNS + " from payments where checkout_id = :checkoutId")
                .bind("checkoutId", checkoutId)
                .map(PaymentRepository::payment)
                .findOne();
    }

    /** Counts one more provider call for the checkout and returns its number, 1 for the first. */
    int nextAttempt(Handle h, String checkoutId) {
        return h.createQuery("""
                        insert into charge_attempts as a (checkout_id, attempts) values (:checkoutId, 1)
                        on conflict (checkout_id) do update set attempts = a.attempts + 1, last_at = now()
                        returning attempts""")
                .bind("checkoutId", checkoutId)
                .mapTo(Integer.class)
                .one();
    }

    int attempts(Handle h, String checkoutId) {
        return h.createQuery("select coalesce(max(attempts), 0) from charge_attempts where checkout_id = :checkoutId")
                .bind("checkoutId", checkoutId)
                .mapTo(Integer.class)
                .one();
    }

    void insertCaptured(Handle h, String checkoutId, String paymentId, String customerId, long amountCents,
                        String currency, String providerReference, int attempts) {
        h.createUpdate("""
                        insert into payments (checkout_id, payment_id, customer_id, amount_cents, currency, status,
                                              provider_reference, attempts)
                        values (:checkoutId, :paymentId, :customerId, :amountCents, :currency, 'CAPTURED',
                                :providerReference, :attempts)""")
                .bind("checkoutId", checkoutId)
                .bind("paymentId", paymentId)
                .bind("customerId", customerId)
                .bind("amountCents", amountCents)
                .bind("currency", currency)
                .bind("providerReference", providerReference)
                .bind("attempts", attempts)
                .execute();
    }

    void insertDeclined(Handle h, String checkoutId, String customerId, long amountCents, String currency,
                        String reason, int attempts) {
        h.createUpdate("""
                        insert into payments (checkout_id, customer_id, amount_cents, currency, status,
                                              decline_reason, attempts)
                        values (:checkoutId, :customerId, :amountCents, :currency, 'DECLINED', :reason, :attempts)""")
                .bind("checkoutId", checkoutId)
                .bind("customerId", customerId)
                .bind("amountCents", amountCents)
                .bind("currency", currency)
                .bind("reason", reason)
                .bind("attempts", attempts)
                .execute();
    }

    /** Marks a checkout cancelled before anything was captured, so no later charge goes through. */
    void insertCancelled(Handle h, String checkoutId, int attempts) {
        h.createUpdate("""
                        insert into payments (checkout_id, amount_cents, status, attempts)
                        values (:checkoutId, 0, 'REFUNDED', :attempts)""")
                .bind("checkoutId", checkoutId)
                .bind("attempts", attempts)
                .execute();
    }

    void markRefunded(Handle h, String checkoutId) {
        h.createUpdate("update payments set status = 'REFUNDED', updated_at = now() where checkout_id = :checkoutId")
                .bind("checkoutId", checkoutId)
                .execute();
    }

    void appendLedger(Handle h, String checkoutId, LedgerEntry.Kind kind, long amountCents, String currency) {
        if (amountCents == 0) {
            return; // nothing moved
        }
        h.createUpdate("""
                        insert into ledger (checkout_id, kind, amount_cents, currency)
                        values (:checkoutId, :kind, :amountCents, :currency)""")
                .bind("checkoutId", checkoutId)
                .bind("kind", kind.name())
                .bind("amountCents", amountCents)
                .bind("currency", currency)
                .execute();
    }

    List<LedgerEntry> ledger(Handle h, String checkoutId) {
        return h.createQuery("""
                        select id, kind, amount_cents, currency, at from ledger
                         where checkout_id = :checkoutId order by id""")
                .bind("checkoutId", checkoutId)
                .map((rs, ctx) -> new LedgerEntry(rs.getLong("id"), LedgerEntry.Kind.valueOf(rs.getString("kind")),
                        rs.getLong("amount_cents"), rs.getString("currency").trim(), instant(rs.getTimestamp("at"))))
                .list();
    }

    private static Payment payment(ResultSet rs, StatementContext ctx) throws SQLException {
        String currency = rs.getString("currency");
        return new Payment(rs.getString("checkout_id"), rs.getString("payment_id"), rs.getString("customer_id"),
                rs.getLong("amount_cents"), currency == null ? null : currency.trim(),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider_reference"),
                rs.getString("decline_reason"), rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
