-- A checkout holds its cart while it buys it: the cart refuses changes until the checkout clears or
-- releases it, or the hold runs out (so a checkout that never ends cannot keep a cart from its shopper).
alter table carts add column held_by text, add column held_until timestamptz;

-- Every checkout's hold, kept for a while after it ends, so a late or retried FreezeCart of a checkout
-- that already ended holds nothing.
create table cart_holds (
    checkout_id text        primary key,
    cart_id     text        not null,
    status      text        not null check (status in ('HELD', 'RELEASED', 'CLEARED')),
    created_at  timestamptz not null,
    ended_at    timestamptz,
    check ((status = 'HELD') = (ended_at is null))
);

create index cart_holds_by_cart on cart_holds (cart_id, ended_at);
