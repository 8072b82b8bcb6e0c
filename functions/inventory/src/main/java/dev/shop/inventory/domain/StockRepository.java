package dev.shop.inventory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Stock levels in the inventory schema, as admins set them and shoppers' checkouts read them. */
public class StockRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public StockRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Sets the free stock of a SKU, creating it; what checkouts hold is left as it is. */
    public Stock set(String sku, long available) {
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into stock as s (sku, available, reserved, version, updated_at)
                        values (:sku, :available, 0, 1, :now)
                        on conflict (sku) do update
                           set available = excluded.available, version = s.version + 1, updated_at = excluded.updated_at
                        returning sku, available, reserved""")
                .bind("sku", sku)
                .bind("available", available)
                .bind("now", clock.instant())
                .map(StockRepository::stock)
                .one());
    }

    public Optional<Stock> find(String sku) {
        return jdbi.withHandle(h -> h.createQuery("select sku, available, reserved from stock where sku = :sku")
                .bind("sku", sku)
                .map(StockRepository::stock)
                .findOne());
    }

    private static Stock stock(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Stock(rs.getString("sku"), rs.getLong("available"), rs.getLong("reserved"));
    }
}
