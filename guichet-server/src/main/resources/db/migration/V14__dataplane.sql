-- Holder deliveries may be FHIR JSON bundles (module ingest).
alter table delivery drop constraint delivery_format_check;
alter table delivery add constraint delivery_format_check
    check (format in ('CSV_TABLE_SCHEMA', 'FHIR_NDJSON', 'FHIR_BUNDLE'));

-- Extracts are deleted after a retention period once their permit is revoked or expired (module extract).
alter table permit_extract drop constraint permit_extract_status_check;
alter table permit_extract add constraint permit_extract_status_check
    check (status in ('WAITING_DATA', 'BUILDING', 'READY', 'FAILED', 'SUPERSEDED', 'DELETED'));
alter table permit_extract add column permit_ended_at timestamptz;
create index permit_extract_ended on permit_extract (permit_ended_at) where permit_ended_at is not null;
