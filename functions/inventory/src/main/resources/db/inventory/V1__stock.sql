-- Free and held stock per SKU. Reservations move units from available to reserved with conditional
-- updates, so the checks below are a last line of defence: no code path should ever reach them.
create table stock (
    sku        text primary key,
    available  bigint      not null check (available >= 0),
    reserved   bigint      not null check (reserved >= 0),
    version    bigint      not null,
    updated_at timestamptz not null
);

-- One reservation per checkout, which is also the idempotency key of the saga's commands. Released and
-- expired rows stay, so a late or retried ReserveInventory for the checkout is refused, not held again.
create table reservations (
    checkout_id text primary key,
    status      text        not null check (status in ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index reservations_held_by_expiry on reservations (expires_at) where status = 'HELD';

create table reservation_lines (
    checkout_id text   not null references reservations (checkout_id),
    sku         text   not null,
    quantity    bigint not null check (quantity > 0),
    primary key (checkout_id, sku)
);
