package dev.shop.runtime.crac;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool around a checkpoint: before it, the pool keeps no idle connection (its minimum drops to 0,
 * so it does not refill right after evicting) and every connection is closed once returned; after the restore the
 * minimum comes back and connections open afresh on demand, from the restored process.
 */
public final class PoolCheckpoint implements CracResources.CheckpointAware {

    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final HikariDataSource pool;
    private int minimumIdle = -1;

    public PoolCheckpoint(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "database-pool";
    }

    @Override
    public void suspend() throws InterruptedException {
        if (pool.getHikariPoolMXBean() == null) {
            return;
        }
        minimumIdle = pool.getHikariConfigMXBean().getMinimumIdle();
        pool.getHikariConfigMXBean().setMinimumIdle(0);
        pool.getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() > 0 && System.nanoTime() < deadline) {
            // Connections in use close when they are returned; the housekeeper removes evicted idle ones.
            pool.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(20);
        }
    }

    @Override
    public void resume() {
        if (minimumIdle >= 0 && pool.getHikariPoolMXBean() != null) {
            pool.getHikariConfigMXBean().setMinimumIdle(minimumIdle);
        }
    }
}
