alter table orders add column total_cents bigint not null default 0;
