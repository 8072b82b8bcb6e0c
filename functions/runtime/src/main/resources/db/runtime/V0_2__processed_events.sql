-- Idempotent consumer: an event id is recorded in the same transaction as its effect,
-- so a redelivered event changes nothing.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
