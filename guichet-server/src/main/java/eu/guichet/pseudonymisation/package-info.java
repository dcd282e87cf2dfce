/**
 * Pseudonymisation: the HDAB's pseudonymisation key, held outside the database (a key file or environment
 * variables), and the {@link eu.guichet.dataplane.pseudonym.Pseudonymiser} built from it that ingestion and opt-outs
 * share, so the same national identifier yields the same pseudonym everywhere (security property 5).
 */
package eu.guichet.pseudonymisation;
