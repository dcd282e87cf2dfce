-- Holder deliveries may be FHIR JSON bundles (module ingest).
alter table delivery drop constraint delivery_format_check;
alter table delivery add constraint delivery_format_check
    check (format in ('CSV_TABLE_SCHEMA', 'FHIR_NDJSON', 'FHIR_BUNDLE'));
