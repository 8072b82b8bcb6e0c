package dev.shop.inventory.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.shop.events.CommitInventory;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ReleaseInventory;
import dev.shop.events.ReserveInventory;
import dev.shop.events.StockLine;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The checkout saga's side of inventory: holds stock for a checkout, then sells it or puts it back.
 *
 * <p>Each command runs in the transaction the invocation layer opens with its event id recorded (a redelivery
 * changes nothing): it applies the change and appends the reply to the outbox, so the reply exists exactly when the change was committed.
 * Stock only moves through conditional updates ({@code available >= q}) taken in SKU order, so it is never
 * oversold and concurrent multi-line reservations cannot deadlock. Locks are always taken reservation row
 * first, stock rows second.
 */
public class Reservations {

    private static final int EXPIRY_BATCH = 50;

    private final Jdbi jdbi;
    private final TaskReplies replies;
    private final Clock clock;

    public Reservations(Jdbi jdbi, TaskReplies replies, Clock clock) {
        this.jdbi = jdbi;
        this.replies = replies;
        this.clock = clock;
    }

    /** A checkout's reservation as stored; lines in SKU order. */
    public record Reservation(String checkoutId, ReservationStatus status, Instant expiresAt, List<StockLine> lines) {
    }

    /** Holds the command's stock for its checkout, inside the caller's transaction, and answers the task. */
    public ReservationOutcome reserve(Handle h, EventEnvelope<ReserveInventory> event) {
        ReserveInventory command = event.data();
        ReservationOutcome outcome = reserve(h, command);
        replies.send(h, event, command.checkoutId(), command.taskToken(), InventoryReplies.to(outcome));
        return outcome;
    }

    /** Puts a checkout's held stock back on sale, inside the caller's transaction, and answers the task. */
    public ReleaseOutcome release(Handle h, EventEnvelope<ReleaseInventory> event) {
        ReleaseInventory command = event.data();
        ReleaseOutcome outcome = release(h, command.checkoutId());
        replies.send(h, event, command.checkoutId(), command.taskToken(), InventoryReplies.to(outcome));
        return outcome;
    }

    /** Sells a checkout's held stock for good, inside the caller's transaction, and answers the task. */
    public CommitOutcome commit(Handle h, EventEnvelope<CommitInventory> event) {
        CommitInventory command = event.data();
        CommitOutcome outcome = commit(h, command.checkoutId());
        replies.send(h, event, command.checkoutId(), command.taskToken(), InventoryReplies.to(outcome));
        return outcome;
    }

    /**
     * Expires every hold past its time and puts its stock back on sale, in small transactions that skip
     * reservations another transaction is working on. Returns how many expired.
     */
    public int expireDue() {
        int total = 0;
        int batch;
        do {
            batch = jdbi.inTransaction(this::expireBatch);
            total += batch;
        } while (batch == EXPIRY_BATCH);
        return total;
    }

    public Optional<Reservation> find(String checkoutId) {
        return jdbi.inTransaction(h -> h.createQuery(
                        "select status, expires_at from reservations where checkout_id = :id")
                .bind("id", checkoutId)
                .map((rs, ctx) -> new State(checkoutId, ReservationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("expires_at").toInstant()))
                .findOne()
                .map(r -> new Reservation(checkoutId, r.status(), r.expiresAt(), lines(h, checkoutId).stream()
                        .map(line -> new StockLine(line.sku(), Math.toIntExact(line.quantity())))
                        .toList())));
    }

    private ReservationOutcome reserve(Handle h, ReserveInventory command) {
        String checkoutId = command.checkoutId();
        Instant now = now();
        Instant expiresAt = now.plusSeconds(command.holdSeconds());
        h.savepoint("reserve");
        // Inserting first also makes a concurrent command for the same checkout wait for this one's result.
        boolean created = h.createUpdate("""
                        insert into reservations (checkout_id, status, expires_at, created_at, updated_at)
                        values (:id, 'HELD', :expiresAt, :now, :now)
                        on conflict (checkout_id) do nothing""")
                .bind("id", checkoutId)
                .bind("expiresAt", expiresAt)
                .bind("now", now)
                .execute() == 1;
        if (!created) {
            h.releaseSavepoint("reserve");
            return existingReservation(h, checkoutId, now);
        }
        SortedMap<String, Long> lines = bySku(command.lines());
        List<String> shortSkus = new ArrayList<>();
        for (Map.Entry<String, Long> line : lines.entrySet()) {
            int taken = h.createUpdate("""
                            update stock set available = available - :q, reserved = reserved + :q,
                                             version = version + 1, updated_at = :now
                             where sku = :sku and available >= :q""")
                    .bind("sku", line.getKey())
                    .bind("q", line.getValue())
                    .bind("now", now)
                    .execute();
            if (taken == 0) {
                shortSkus.add(line.getKey());
            }
        }
        if (!shortSkus.isEmpty()) {
            // All or nothing: undo the lines already taken and the reservation row itself.
            h.rollbackToSavepoint("reserve");
            return new ReservationOutcome.OutOfStock(checkoutId, shortSkus);
        }
        h.releaseSavepoint("reserve");
        var insert = h.prepareBatch("insert into reservation_lines (checkout_id, sku, quantity) values (:id, :sku, :q)");
        lines.forEach((sku, quantity) -> insert.bind("id", checkoutId).bind("sku", sku).bind("q", quantity).add());
        insert.execute();
        return new ReservationOutcome.Reserved(checkoutId, expiresAt);
    }

    /** A retried or late ReserveInventory for a checkout that has a reservation: the same answer, held once. */
    private ReservationOutcome existingReservation(Handle h, String checkoutId, Instant now) {
        State locked = lock(h, checkoutId).orElseThrow(() ->
                new IllegalStateException("reservation " + checkoutId + " vanished inside its transaction"));
        ReservationStatus status = expireIfDue(h, locked, now);
        return switch (status) {
            case HELD, COMMITTED -> new ReservationOutcome.Reserved(checkoutId, locked.expiresAt());
            case RELEASED, EXPIRED -> new ReservationOutcome.AlreadyReleased(checkoutId, status);
        };
    }

    private ReleaseOutcome release(Handle h, String checkoutId) {
        Instant now = now();
        // Releasing a checkout never reserved leaves a RELEASED marker, so a reservation arriving late
        // (the workflow gave up waiting for it) is refused instead of holding stock nobody will buy.
        boolean marked = h.createUpdate("""
                        insert into reservations (checkout_id, status, expires_at, created_at, updated_at)
                        values (:id, 'RELEASED', :now, :now, :now)
                        on conflict (checkout_id) do nothing""")
                .bind("id", checkoutId)
                .bind("now", now)
                .execute() == 1;
        if (marked) {
            return new ReleaseOutcome.NothingHeld(checkoutId);
        }
        State locked = lock(h, checkoutId).orElseThrow();
        return switch (locked.status()) {
            case HELD -> {
                finish(h, checkoutId, ReservationStatus.RELEASED, now);
                returnStock(h, lines(h, checkoutId), now);
                yield new ReleaseOutcome.Released(checkoutId);
            }
            case RELEASED, EXPIRED -> new ReleaseOutcome.NothingHeld(checkoutId);
            case COMMITTED -> new ReleaseOutcome.AlreadyCommitted(checkoutId);
        };
    }

    private CommitOutcome commit(Handle h, String checkoutId) {
        Instant now = now();
        Optional<State> found = lock(h, checkoutId);
        if (found.isEmpty()) {
            return new CommitOutcome.NotFound(checkoutId);
        }
        ReservationStatus status = expireIfDue(h, found.get(), now);
        return switch (status) {
            case HELD -> {
                finish(h, checkoutId, ReservationStatus.COMMITTED, now);
                for (Line line : lines(h, checkoutId)) {
                    h.createUpdate("""
                                    update stock set reserved = reserved - :q, version = version + 1, updated_at = :now
                                     where sku = :sku""")
                            .bind("sku", line.sku())
                            .bind("q", line.quantity())
                            .bind("now", now)
                            .execute();
                }
                yield new CommitOutcome.Committed(checkoutId);
            }
            case COMMITTED -> new CommitOutcome.Committed(checkoutId);
            case RELEASED, EXPIRED -> new CommitOutcome.NoLongerHeld(checkoutId, status);
        };
    }

    private int expireBatch(Handle h) {
        Instant now = now();
        List<String> due = h.createQuery("""
                        select checkout_id from reservations
                         where status = 'HELD' and expires_at <= :now
                         order by expires_at
                         limit :limit
                           for update skip locked""")
                .bind("now", now)
                .bind("limit", EXPIRY_BATCH)
                .mapTo(String.class)
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        h.createUpdate("update reservations set status = 'EXPIRED', updated_at = :now where checkout_id = any(:ids)")
                .bind("now", now)
                .bindArray("ids", String.class, due)
                .execute();
        List<Line> lines = h.createQuery("""
                        select sku, sum(quantity) as quantity from reservation_lines
                         where checkout_id = any(:ids)
                         group by sku
                         order by sku""")
                .bindArray("ids", String.class, due)
                .map((rs, ctx) -> new Line(rs.getString("sku"), rs.getLong("quantity")))
                .list();
        returnStock(h, lines, now);
        return due.size();
    }

    /** A HELD reservation past its time is expired on the spot, whether or not the sweep got to it yet. */
    private ReservationStatus expireIfDue(Handle h, State locked, Instant now) {
        if (locked.status() == ReservationStatus.HELD && !locked.expiresAt().isAfter(now)) {
            finish(h, locked.checkoutId(), ReservationStatus.EXPIRED, now);
            returnStock(h, lines(h, locked.checkoutId()), now);
            return ReservationStatus.EXPIRED;
        }
        return locked.status();
    }

    private static void finish(Handle h, String checkoutId, ReservationStatus status, Instant now) {
        h.createUpdate("update reservations set status = :status, updated_at = :now where checkout_id = :id")
                .bind("status", status.name())
                .bind("now", now)
                .bind("id", checkoutId)
                .execute();
    }

    /** Puts held units back on sale; lines must be in SKU order. */
    private static void returnStock(Handle h, List<Line> lines, Instant now) {
        for (Line line : lines) {
            h.createUpdate("""
                            update stock set available = available + :q, reserved = reserved - :q,
                                             version = version + 1, updated_at = :now
                             where sku = :sku""")
                    .bind("sku", line.sku())
                    .bind("q", line.quantity())
                    .bind("now", now)
                    .execute();
        }
    }

    private static Optional<State> lock(Handle h, String checkoutId) {
        return h.createQuery("select status, expires_at from reservations where checkout_id = :id for update")
                .bind("id", checkoutId)
                .map((rs, ctx) -> new State(checkoutId, ReservationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("expires_at").toInstant()))
                .findOne();
    }

    private static List<Line> lines(Handle h, String checkoutId) {
        return h.createQuery("select sku, quantity from reservation_lines where checkout_id = :id order by sku")
                .bind("id", checkoutId)
                .map((rs, ctx) -> new Line(rs.getString("sku"), rs.getLong("quantity")))
                .list();
    }

    /** The command's lines merged per SKU (a SKU may repeat) and sorted, the order every lock is taken in. */
    private static SortedMap<String, Long> bySku(List<StockLine> lines) {
        SortedMap<String, Long> merged = new TreeMap<>();
        lines.forEach(line -> merged.merge(line.sku(), (long) line.quantity(), Long::sum));
        return merged;
    }

    private Instant now() {
        // Postgres keeps microseconds; millis make a repeated answer equal to the first one.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Units of one SKU held or to put back; a sum over many reservations may exceed an int. */
    private record Line(String sku, long quantity) {
    }

    private record State(String checkoutId, ReservationStatus status, Instant expiresAt) {
    }
}
