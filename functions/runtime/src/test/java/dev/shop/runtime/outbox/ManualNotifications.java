package dev.shop.runtime.outbox;

import java.time.Duration;

/**
 * A relay's wake-up source that the test controls: the relay waits here (on a monitor, up to its idle poll)
 * until {@link #wake()} or close. {@link #waits()} tells that the relay has come to rest.
 */
final class ManualNotifications implements OutboxRelay.NotificationSource {

    private int waits;
    private boolean woken;

    @Override
    public synchronized void await(Duration atMost) {
        waits++;
        notifyAll();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!woken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        woken = false;
    }

    /** How often the relay went idle; while this is unchanged and positive, the relay is parked here. */
    synchronized int waits() {
        return waits;
    }

    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    @Override
    public synchronized void close() {
        wake();
    }
}
