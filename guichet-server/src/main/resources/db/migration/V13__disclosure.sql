-- Output control (module disclosure; EHDS Art. 73(2), ARCHITECTURE.md security properties 1 and 4). A member asks to
-- release the result of a saved workspace query; the automatic checks re-run it, two independent output checkers
-- review it; the released file is stored under its SHA-256. The table's values, the check results per cell and what
-- the HDAB keeps of each release live in files under guichet.disclosure.dir, never here.
create table output_request (
    id                 uuid primary key,
    workspace_id       uuid          not null references workspace (id),
    permit_id          uuid          not null,
    saved_query_id     uuid          not null,
    saved_query_name   varchar(200)  not null,
    description        text          not null,
    dimensions         varchar(2000) not null,   -- the query's columns that are the table's dimensions, comma-separated
    contributor_column varchar(200)  not null,
    value_column       varchar(200),             -- null: a frequency table
    status             varchar(16)   not null check (status in ('SUBMITTED', 'CHECKED', 'CHECK_FAILED', 'IN_REVIEW',
                                     'APPROVED', 'RELEASED', 'REJECTED', 'RETURNED', 'WITHDRAWN')),
    round              int           not null default 1,   -- a resubmission starts a new round of reviews
    requested_by       uuid          not null references app_user (id),
    requested_at       timestamptz   not null,
    updated_at         timestamptz   not null,
    check_error        varchar(200),             -- a code, never a message that could quote a value
    cells              int,
    hidden_cells       int,
    review_cells       int,
    sha256             varchar(64),
    released_at        timestamptz
);
create index output_request_workspace on output_request (workspace_id, requested_at);
create index output_request_status on output_request (status);

create table output_review (
    id          uuid primary key,
    output_id   uuid          not null references output_request (id),
    round       int           not null,
    reviewer    uuid          not null references app_user (id),
    decision    varchar(8)    not null check (decision in ('APPROVE', 'REJECT', 'RETURN')),
    comment     text,
    reviewed_at timestamptz   not null,
    unique (output_id, round, reviewer)
);

-- The transparency register counts the releases of each permit (module transparency, from OutputReleased).
create table register_output_release (
    output_id   uuid primary key,
    permit_id   uuid        not null,
    released_at timestamptz not null
);
create index register_output_release_permit on register_output_release (permit_id);
