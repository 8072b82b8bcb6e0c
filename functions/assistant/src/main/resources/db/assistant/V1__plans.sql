-- executePlan's plans that outlived their request (a checkout still running when the answer was due):
-- what is needed to finish them, from any instance, and how they ended.
create table plans (
    plan_id        text primary key,
    status         text not null,
    session_id     text,
    customer_id    text not null,
    cart_id        text not null,
    checkout_id    text not null,
    correlation_id text,
    continuation   jsonb not null,
    result         jsonb,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create index plans_running on plans (updated_at) where status = 'RUNNING';
