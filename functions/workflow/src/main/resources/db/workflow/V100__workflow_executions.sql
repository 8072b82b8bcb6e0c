-- Workflow executions (shop-workflow). Versions 100+ belong to the workflow engine, so they never clash
-- with the deploying module's own migrations (V1, V2, ... below 100) in the same schema.
--
-- One row per execution, changed by one transaction per step. Every update checks and bumps `version`
-- (optimistic lock), so two instances advancing the same execution cannot both win.
create table executions (
    id                 text        primary key,
    state_machine      text        not null,
    status             text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT')),
    current_state      text        not null,
    correlation_id     text        not null,
    input              jsonb       not null,
    -- the current state's raw input: Task payloads and ResultPath are computed from it
    state_input        jsonb,
    state_entered_at   timestamptz not null,
    output             jsonb,
    error              text,
    cause              text,
    -- the outstanding task's token; a reply with any other token changes nothing
    task_token         text        unique,
    task_deadline      timestamptz,
    -- a retry scheduled by a Retry rule: sweep() dispatches the task again, with a new token
    retry_at           timestamptz,
    -- retries used by the current state, per retrier: {"StateName": [n0, n1, ...]}
    retry_counts       jsonb       not null default '{}',
    started_at         timestamptz not null,
    updated_at         timestamptz not null,
    execution_deadline timestamptz,
    version            bigint      not null
);

-- What sweep() looks for: running executions with a deadline or a retry that is due.
create index executions_task_deadline on executions (task_deadline)
    where status = 'RUNNING' and task_deadline is not null;
create index executions_retry_at on executions (retry_at)
    where status = 'RUNNING' and retry_at is not null;
create index executions_execution_deadline on executions (execution_deadline)
    where status = 'RUNNING' and execution_deadline is not null;
