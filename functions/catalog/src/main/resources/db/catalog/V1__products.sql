-- Products are soft-deleted so a re-created SKU continues its version sequence:
-- consumers that keep replicas ignore events older than what they hold.
create table products (
    sku         text primary key,
    name        text        not null,
    description text,
    brand       text,
    category    text        not null,
    color       text,
    size        text,
    price_cents bigint      not null check (price_cents >= 0),
    currency    char(3)     not null,
    tags        text[]      not null default '{}',
    version     bigint      not null,
    updated_at  timestamptz not null,
    deleted_at  timestamptz
);

create index products_live_by_category on products (category, sku) where deleted_at is null;
