package dev.shop.catalog.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Products in the catalog's schema. Every change and the event that reports it are written in one
 * transaction (the outbox), so an event exists exactly when its change was committed.
 */
public class ProductRepository {

    private static final String SOURCE = "/functions/catalog";
    private static final String COLUMNS =
            "sku, name, description, brand, category, color, size, price_cents, currency, tags, version, updated_at";

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final String topic;

    public ProductRepository(Jdbi jdbi, Outbox outbox, String topic) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.topic = topic;
    }

    public Optional<Product> find(String sku) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from products where sku = :sku and deleted_at is null")
                .bind("sku", sku)
                .map(ProductRepository::product)
                .findOne());
    }

    public ProductPage list(ProductSearch search) {
        List<Product> rows = jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from products
                        where deleted_at is null
                          and (cast(:category as text) is null or lower(category) = lower(:category))
                          and (cast(:after as text) is null or sku > :after)
                          and (cast(:text as text) is null
                               or concat_ws(' ', name, brand, category, color, size, description,
                                            array_to_string(tags, ' ')) ilike '%' || :text || '%')
                        order by sku
                        limit :limit""")
                .bind("category", search.category())
                .bind("after", search.afterSku())
                .bind("text", search.text() == null ? null : escapeLike(search.text()))
                .bind("limit", search.limit() + 1)
                .map(ProductRepository::product)
                .list());
        boolean more = rows.size() > search.limit();
        List<Product> page = more ? rows.subList(0, search.limit()) : rows;
        return new ProductPage(page, more ? page.getLast().sku() : null);
    }

    public ProductChange upsert(String sku, ProductDraft draft, String correlationId) {
        return jdbi.inTransaction(h -> {
            Optional<Product> written = h.createQuery("""
                            insert into products as p (sku, name, description, brand, category, color, size,
                                                       price_cents, currency, tags, version, updated_at)
                            values (:sku, :name, :description, :brand, :category, :color, :size, :priceCents,
                                    :currency, :tags, 1, now())
                            on conflict (sku) do update
                               set name = excluded.name, description = excluded.description,
                                   brand = excluded.brand, category = excluded.category, color = excluded.color,
                                   size = excluded.size, price_cents = excluded.price_cents,
                                   currency = excluded.currency, tags = excluded.tags,
                                   version = p.version + 1, updated_at = now(), deleted_at = null
                             where p.deleted_at is not null
                                or (p.name, p.description, p.brand, p.category, p.color, p.size, p.price_cents,
                                    p.currency, p.tags)
                                   is distinct from
                                   (excluded.name, excluded.description, excluded.brand, excluded.category,
                                    excluded.color, excluded.size, excluded.price_cents, excluded.currency,
                                    excluded.tags)
                            returning""" + " " + COLUMNS)
                    .bind("sku", sku)
                    .bind("name", draft.name())
                    .bind("description", draft.description())
                    .bind("brand", draft.brand())
                    .bind("category", draft.category())
                    .bind("color", draft.color())
                    .bind("size", draft.size())
                    .bind("priceCents", draft.priceCents())
                    .bind("currency", draft.currency())
                    .bindArray("tags", String.class, draft.tags())
                    .map(ProductRepository::product)
                    .findOne();
            if (written.isEmpty()) {
                return new ProductChange.Unchanged(lockedCurrent(h, sku));
            }
            Product product = written.get();
            outbox.append(h, topic, sku, EventEnvelope.of(EventTypes.PRODUCT_CHANGED, SOURCE, correlationId,
                    changed(product)));
            return product.version() == 1 ? new ProductChange.Created(product) : new ProductChange.Updated(product);
        });
    }

    public ProductRemoval delete(String sku, String correlationId) {
        return jdbi.inTransaction(h -> {
            Optional<Long> version = h.createQuery("""
                            update products set deleted_at = now(), version = version + 1, updated_at = now()
                             where sku = :sku and deleted_at is null
                            returning version""")
                    .bind("sku", sku)
                    .mapTo(Long.class)
                    .findOne();
            if (version.isEmpty()) {
                return new ProductRemoval.NotFound(sku);
            }
            outbox.append(h, topic, sku, EventEnvelope.of(EventTypes.PRODUCT_DELETED, SOURCE, correlationId,
                    new ProductDeleted(sku, version.get(), Instant.now())));
            return new ProductRemoval.Deleted(sku, version.get());
        });
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from products where deleted_at is null")
                .mapTo(Long.class).one());
    }

    static ProductChanged changed(Product p) {
        return new ProductChanged(p.sku(), p.name(), p.description(), p.brand(), p.category(), p.color(), p.size(),
                p.priceCents(), p.currency(), p.tags(), p.version(), p.updatedAt());
    }

    private static Product lockedCurrent(Handle h, String sku) {
        return h.createQuery("select " + COLUMNS + " from products where sku = :sku")
                .bind("sku", sku)
                .map(ProductRepository::product)
                .one();
    }

    private static Product product(ResultSet rs, StatementContext ctx) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Product(rs.getString("sku"), rs.getString("name"), rs.getString("description"),
                rs.getString("brand"), rs.getString("category"), rs.getString("color"), rs.getString("size"),
                rs.getLong("price_cents"), rs.getString("currency").trim(),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
