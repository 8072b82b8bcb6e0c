package dev.shop.order.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shop.events.CreateOrder;
import dev.shop.events.OrderLine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** Orders and their lines in the order schema; every method runs in the caller's handle. */
class OrderRepository {

    private static final String COLUMNS = "order_id, checkout_id, customer_id, status, total_cents, currency, created_at";

    /** Records the checkout's order with id {@code orderId}; empty when the checkout already has one. */
    Optional<String> insert(Handle h, String orderId, CreateOrder command) {
        Optional<String> inserted = h.createQuery("""
                        insert into orders (order_id, checkout_id, customer_id, status, total_cents, currency)
                        values (:orderId, :checkoutId, :customerId, 'PLACED', :totalCents, :currency)
                        on conflict (checkout_id) do nothing
                        returning order_id""")
                .bind("orderId", orderId)
                .bind("checkoutId", command.checkoutId())
                .bind("customerId", command.customerId())
                .bind("totalCents", command.totalCents())
                .bind("currency", command.currency())
                .mapTo(String.class)
                .findOne();
        inserted.ifPresent(id -> {
            PreparedBatch batch = h.prepareBatch("""
                    insert into order_lines (order_id, line_no, sku, name, quantity, unit_price_cents)
                    values (:orderId, :lineNo, :sku, :name, :quantity, :unitPriceCents)""");
            int lineNo = 1;
            for (OrderLine line : command.lines()) {
                batch.bind("orderId", id).bind("lineNo", lineNo++).bind("sku", line.sku()).bind("name", line.name())
                        .bind("quantity", line.quantity()).bind("unitPriceCents", line.unitPriceCents()).add();
            }
            batch.execute();
        });
        return inserted;
    }

    Optional<String> orderIdOfCheckout(Handle h, String checkoutId) {
        return h.createQuery("select order_id from orders where checkout_id = :checkoutId")
                .bind("checkoutId", checkoutId)
                .mapTo(String.class)
                .findOne();
    }

    Optional<Order> find(Handle h, String orderId) {
        return withLines(h, h.createQuery("select " + COLUMNS + " from orders where order_id = :orderId")
                .bind("orderId", orderId)
                .map(OrderRepository::header)
                .list()).stream().findFirst();
    }

    OrderPage list(Handle h, OrderSearch search) {
        List<Order> rows = withLines(h, h.createQuery("select " + COLUMNS + """
                         from orders
                        where customer_id = :customerId
                          and (cast(:before as text) is null or order_id < :before)
                        order by order_id desc
                        limit :limit""")
                .bind("customerId", search.customerId())
                .bind("before", search.beforeOrderId())
                .bind("limit", search.limit() + 1)
                .map(OrderRepository::header)
                .list());
        boolean more = rows.size() > search.limit();
        List<Order> page = more ? rows.subList(0, search.limit()) : rows;
        return new OrderPage(page, more ? page.getLast().orderId() : null);
    }

    /** Fills in the lines of the given orders with one query, keeping their order. */
    private static List<Order> withLines(Handle h, List<Order> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, List<Order.Line>> lines = new LinkedHashMap<>();
        headers.forEach(o -> lines.put(o.orderId(), new ArrayList<>()));
        h.createQuery("""
                        select order_id, line_no, sku, name, quantity, unit_price_cents from order_lines
                         where order_id = any(:ids) order by order_id, line_no""")
                .bindArray("ids", String.class, List.copyOf(lines.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getString("order_id"), new Order.Line(rs.getInt("line_no"),
                        rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
                        rs.getLong("unit_price_cents"))))
                .forEach(e -> lines.get(e.getKey()).add(e.getValue()));
        return headers.stream().map(o -> new Order(o.orderId(), o.checkoutId(), o.customerId(), o.status(),
                o.totalCents(), o.currency(), o.createdAt(), lines.get(o.orderId()))).toList();
    }

    private static Order header(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Order(rs.getString("order_id"), rs.getString("checkout_id"), rs.getString("customer_id"),
                OrderStatus.valueOf(rs.getString("status")), rs.getLong("total_cents"),
                rs.getString("currency").trim(), rs.getTimestamp("created_at").toInstant(), List.of());
    }
}
