-- One row per checkout: the checkout id is the idempotency key of the charge, so a retried or
-- redelivered ProcessPayment finds the row and answers as before instead of charging again.
-- A REFUNDED row without a payment_id is a cancellation marker: the checkout was compensated before
-- anything was captured, and a late ProcessPayment for it is refused.
create table payments (
    checkout_id        text primary key,
    payment_id         text unique,
    customer_id        text,
    amount_cents       bigint      not null check (amount_cents >= 0),
    currency           char(3),
    status             text        not null check (status in ('CAPTURED', 'DECLINED', 'REFUNDED')),
    provider_reference text,
    decline_reason     text,
    attempts           int         not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (status <> 'CAPTURED' or (payment_id is not null and customer_id is not null and currency is not null)),
    check (status <> 'DECLINED' or decline_reason is not null)
);

-- Provider calls per checkout, counted before each call and kept across restarts: a transient failure
-- leaves no payment row, only its attempt.
create table charge_attempts (
    checkout_id text primary key,
    attempts    int         not null,
    last_at     timestamptz not null default now()
);

-- Append-only money movements; finance reconciles charges minus refunds against captured payments.
create table ledger (
    id           bigint generated always as identity primary key,
    checkout_id  text        not null references payments (checkout_id),
    kind         text        not null check (kind in ('CHARGE', 'REFUND')),
    amount_cents bigint      not null check (amount_cents > 0),
    currency     char(3)     not null,
    at           timestamptz not null default now()
);

create index ledger_by_checkout on ledger (checkout_id, id);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only';
end
$$;

create trigger ledger_append_only before update or delete on ledger
    for each statement execute function ledger_is_append_only();
