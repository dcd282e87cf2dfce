-- Opt-out: citizens' opt-outs (EHDS Art. 71), by pseudonym only. The national identifier is never stored here: the
-- pseudonym is HMAC-SHA256 under the HDAB's key (the same function ingestion applies to national identifiers, so an
-- opt-out matches the lake), and carries its key version ("v01-..."). One row per opt-out period; a withdrawal closes
-- the period, a new opt-out opens a new row: the history is never rewritten, except that a key rotation re-keys every
-- pseudonym to the current version (docs/explanation/opt-out.md).
create table opt_out (
    id           uuid primary key,
    pseudonym    text        not null check (length(pseudonym) = 56),
    source       text        not null check (source in ('CITIZEN', 'HDAB_IMPORT')),
    registered_by uuid       not null references app_user (id),
    import_id    uuid,                                  -- the bulk import that registered it (source HDAB_IMPORT)
    effective_at timestamptz not null,
    withdrawn_at timestamptz,
    withdrawn_by uuid references app_user (id),
    check (withdrawn_at is null or withdrawn_at >= effective_at),
    check ((withdrawn_at is null) = (withdrawn_by is null)),
    check ((source = 'HDAB_IMPORT') = (import_id is not null))
);

-- At most one opt-out in effect per person.
create unique index opt_out_active on opt_out (pseudonym) where withdrawn_at is null;
create index opt_out_pseudonym on opt_out (pseudonym, effective_at);
-- The snapshot an extract takes: opt-outs in effect at the permit's reference instant.
create index opt_out_effective on opt_out (effective_at);
