-- Permit extracts (module extract): one row per permit version. Evidence holds counts, hashes and names, never values.
-- No foreign key to the access module's tables: this module learns of permits from their events only.
create table permit_extract (
    permit_id      uuid         not null,
    version        integer      not null,
    extract_id     varchar(100) not null unique,
    status         varchar(16)  not null
                   check (status in ('WAITING_DATA', 'BUILDING', 'READY', 'FAILED', 'SUPERSEDED')),
    step           varchar(16),
    tables_written integer      not null default 0,
    tables_total   integer      not null default 0,
    reason         varchar(64),
    scope          jsonb        not null,   -- the permit version's scope (PermitScope), to build again after a stop
    evidence       jsonb,                  -- what the extract holds and how it was made (docs/reference/extract-evidence.md)
    requested_at   timestamptz  not null,
    updated_at     timestamptz  not null,
    built_at       timestamptz,
    primary key (permit_id, version)
);
create index permit_extract_status_idx on permit_extract (status);

-- The key version of a permit's per-project pseudonyms, recorded at its first build: later versions derive theirs
-- from it, so an amended permit's extract links to its first one after a key rotation.
create table extract_project_key (
    permit_id   uuid         primary key,
    key_version integer      not null,
    recorded_at timestamptz  not null
);
