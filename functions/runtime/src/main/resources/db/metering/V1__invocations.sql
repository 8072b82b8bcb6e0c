-- One row per function invocation: the basis of the pay-per-invocation cost reports.
create table invocations (
    id              bigint generated always as identity primary key,
    function_name   text        not null,
    module          text        not null,
    started_at      timestamptz not null,
    duration_micros bigint      not null check (duration_micros >= 0),
    memory_mb       integer     not null check (memory_mb > 0),
    cold_start      boolean     not null,
    outcome         text        not null check (outcome in ('SUCCESS', 'REJECTED', 'ERROR')),
    trigger         text        not null check (trigger in ('HTTP', 'KAFKA', 'SCHEDULE')),
    correlation_id  text
);

create index invocations_by_function_and_time on invocations (function_name, started_at);
