-- What the checkout knows of carts, kept from CartChanged events (the cart is never called).
create table cart_snapshots (
    cart_id    text primary key,
    lines      jsonb       not null,
    currency   char(3),
    deleted    boolean     not null,
    version    bigint      not null,
    changed_at timestamptz not null
);

-- One row per accepted POST /checkouts: the Idempotency-Key maps to exactly one checkout.
create table checkouts (
    checkout_id     text primary key,
    idempotency_key text        not null unique,
    request_hash    text        not null,
    cart_id         text        not null,
    customer_id     text        not null,
    created_at      timestamptz not null default now()
);

create index checkouts_by_cart on checkouts (cart_id);
