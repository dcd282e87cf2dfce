-- Holder deliveries (module ingest). Reports hold counts and reason codes only, never values.
create table delivery (
    id              uuid primary key,
    dataset_id      uuid         not null references dataset (id),
    holder_id       uuid         not null references organisation (id),
    format          varchar(32)  not null check (format in ('CSV_TABLE_SCHEMA', 'FHIR_NDJSON')),
    status          varchar(16)  not null
                    check (status in ('RECEIVED', 'PROCESSING', 'ACCEPTED', 'DUPLICATE', 'REJECTED', 'FAILED')),
    submitted_by    uuid         not null references app_user (id),
    received_at     timestamptz  not null,
    updated_at      timestamptz  not null,
    files           jsonb        not null,
    delimiter       varchar(1)   not null default ',',
    identifiers     jsonb        not null default '{}',
    records_read    bigint       not null default 0,
    dataset_version varchar(16),
    content_sha256  varchar(64),
    problem         varchar(500),
    tables          jsonb        not null default '[]'
);
create index delivery_holder_idx on delivery (holder_id, received_at desc);
create index delivery_status_idx on delivery (status);

-- Resumable uploads: the received offset is the length of the file on disk; the row says whose it is.
create table delivery_upload (
    id          uuid primary key,
    owner_id    uuid         not null references app_user (id),
    file_name   varchar(128) not null,
    size        bigint       not null,
    status      varchar(16)  not null check (status in ('OPEN', 'COMPLETE', 'DELIVERED')),
    sha256      varchar(64),
    created_at  timestamptz  not null
);
