/**
 * Ingest: data holders' deliveries (CSV with Table Schema, FHIR bulk NDJSON), their resumable uploads, background
 * processing into the lake through the data plane (validation, quarantine, pseudonymisation at entry, atomic dataset
 * versions), delivery reports and quarantine reasons; publishes {@link eu.guichet.ingest.DeliveryAccepted}.
 */
package eu.guichet.ingest;
