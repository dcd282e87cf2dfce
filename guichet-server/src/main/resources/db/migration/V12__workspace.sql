-- Workspaces, the secure processing environment (module workspace; EHDS Art. 73). One per permit. The query log keeps
-- who ran what, when, how long and how many rows, never a value; it is kept at least a year (docs/reference/configuration.md).
create table workspace (
    id              uuid primary key,
    permit_id       uuid         not null unique,
    status          varchar(16)  not null check (status in ('PENDING', 'OPEN', 'LOCKED', 'DELETED')),
    permit_version  int          not null default 0,
    valid_until     timestamptz,
    extract_version int          not null default 0,
    extract_id      varchar(200),
    extract_path    varchar(2000),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    locked_at       timestamptz,
    lock_reason     varchar(16)  check (lock_reason in ('REVOKED', 'EXPIRED')),
    deleted_at      timestamptz
);

-- The permit's authorised persons (its newest version's).
create table workspace_member (
    workspace_id uuid not null references workspace (id),
    user_id      uuid not null references app_user (id),
    primary key (workspace_id, user_id)
);

create table workspace_saved_query (
    id           uuid primary key,
    workspace_id uuid          not null references workspace (id),
    name         varchar(200)  not null,
    sql_text     text          not null,
    created_by   uuid          not null references app_user (id),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);
create index workspace_saved_query_idx on workspace_saved_query (workspace_id, name);

create table workspace_job (
    id           uuid primary key,
    workspace_id uuid          not null references workspace (id),
    submitted_by uuid          not null references app_user (id),
    status       varchar(16)   not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    statements   int           not null,
    done         int           not null default 0,
    script       text          not null,
    problem      text,
    started_at   timestamptz   not null,
    finished_at  timestamptz
);
create index workspace_job_idx on workspace_job (workspace_id, started_at desc);

-- Every statement run in a workspace: by whom, when, its SQL, duration, rows, outcome; never a result value.
create table workspace_query_log (
    id           uuid primary key,
    workspace_id uuid          not null references workspace (id),
    user_id      uuid          references app_user (id),
    kind         varchar(16)   not null check (kind in ('QUERY', 'JOB', 'DISCLOSURE')),
    started_at   timestamptz   not null,
    duration_ms  bigint        not null,
    sql_text     text          not null,
    total_rows   bigint        not null default 0,
    previewed    int           not null default 0,
    outcome      varchar(16)   not null check (outcome in ('OK', 'REFUSED', 'FAILED', 'CANCELLED'))
);
create index workspace_query_log_idx on workspace_query_log (workspace_id, started_at desc);
create index workspace_query_log_user_idx on workspace_query_log (user_id, started_at);

-- The HDAB lifting a user's exhausted daily preview budget: previews before the lift no longer count that day.
create table workspace_budget_lift (
    user_id   uuid        not null references app_user (id),
    lifted_at timestamptz not null,
    lifted_by uuid        not null references app_user (id),
    primary key (user_id, lifted_at)
);
