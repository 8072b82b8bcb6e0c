-- Append-only history of every execution, as Step Functions' GetExecutionHistory: seq counts 1, 2, 3...
-- per execution without gaps, because each step appends while holding the execution row.
create table execution_history (
    execution_id text        not null references executions (id),
    seq          integer     not null check (seq > 0),
    type         text        not null,
    state_name   text,
    details      jsonb       not null default '{}',
    occurred_at  timestamptz not null,
    primary key (execution_id, seq)
);

-- History is never rewritten. (Deleting whole executions for retention stays possible.)
create function execution_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'execution_history is append-only';
end
$$;

create trigger execution_history_append_only
    before update on execution_history
    for each row execute function execution_history_is_append_only();
