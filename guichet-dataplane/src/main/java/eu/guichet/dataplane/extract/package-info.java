/**
 * Permit extracts: from the lake's pseudonymised tables, exactly what a permit allows — its tables and columns, its
 * period — minus every person whose opt-out applies, under per-project pseudonyms, generalised and suppressed to a
 * minimum k for an anonymised permit; written as one DuckDB database file (which the workspace attaches read-only) and
 * as Parquet, with the evidence of what was done. Plain Java; DuckDB does the joins, Java the HMACs.
 */
package eu.guichet.dataplane.extract;
