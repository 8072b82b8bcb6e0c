-- A cart and its lines. Each line keeps the name and unit price the product had when it was added
-- (the price snapshot); later catalog changes reach only lines added after them.
create table carts (
    cart_id    text        primary key,
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table cart_items (
    cart_id          text        not null references carts (cart_id) on delete cascade,
    sku              text        not null,
    name             text        not null,
    quantity         integer     not null check (quantity between 1 and 99),
    unit_price_cents bigint      not null check (unit_price_cents >= 0),
    currency         char(3)     not null,
    -- Lines are listed in the order they were added.
    added_seq        bigint      generated always as identity,
    primary key (cart_id, sku)
);

-- The cart's replica of catalog names and prices, filled from ProductChanged/ProductDeleted events.
-- A deleted product stays as a tombstone (deleted = true) with the version of its delete, so a late,
-- older ProductChanged cannot bring it back.
create table product_prices (
    sku         text        primary key,
    name        text,
    price_cents bigint      check (price_cents >= 0),
    currency    char(3),
    version     bigint      not null,
    deleted     boolean     not null,
    updated_at  timestamptz not null,
    check (deleted or (name is not null and price_cents is not null and currency is not null))
);
