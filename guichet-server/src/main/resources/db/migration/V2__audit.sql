-- Audit trail: append-only, hash-chained. Each row's hash covers its fields and the previous row's hash.
create table audit_event (
    seq         bigint primary key check (seq > 0),
    id          uuid        not null unique,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    object_type text,
    object_id   text,
    outcome     text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILURE')),
    request_id  text,
    details     text        not null,              -- canonical JSON of identifiers only, never health data
    prev_hash   char(64)    not null,
    hash        char(64)    not null
);

create index audit_event_occurred_at on audit_event (occurred_at);

-- Append-only: the application never updates or deletes audit events. (A superuser can still bypass this,
-- which is why the chain is hashed and its head anchored outside the database.)
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
