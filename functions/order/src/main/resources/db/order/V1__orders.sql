-- The schema is named "order" after the module; unqualified names keep the reserved word out of SQL.
-- One order per checkout: checkout_id is the idempotency key of CreateOrder.
create table orders (
    order_id    text primary key,
    checkout_id text        not null unique,
    customer_id text        not null,
    status      text        not null check (status in ('PLACED')),
    total_cents bigint      not null check (total_cents >= 0),
    currency    char(3)     not null,
    created_at  timestamptz not null default now()
);

-- Order ids are ULIDs, so id order is creation order: a customer's orders page newest first by id.
create index orders_by_customer on orders (customer_id, order_id desc);

create table order_lines (
    order_id         text   not null references orders (order_id),
    line_no          int    not null check (line_no >= 1),
    sku              text   not null,
    name             text   not null,
    quantity         int    not null check (quantity >= 1),
    unit_price_cents bigint not null check (unit_price_cents >= 0),
    primary key (order_id, line_no)
);
