/**
 * Guichet's data plane: plain Java (no Spring), called by the control plane and runnable inside a Spark job. Steps
 * are SQL over DuckDB files and Parquet so that the embedded engine (DuckDB) and the distributed one (Spark, later)
 * run the same plans.
 */
package eu.guichet.dataplane;
