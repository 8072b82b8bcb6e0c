-- Transactional outbox: an event is written in the same transaction as the change it reports,
-- and the relay publishes it to Kafka afterwards (at least once; consumers dedupe by event id).
create table outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    payload      bytea       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
