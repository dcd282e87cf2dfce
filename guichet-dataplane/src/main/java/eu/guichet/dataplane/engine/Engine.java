package eu.guichet.dataplane.engine;

import java.nio.file.Path;

/**
 * Where the data plane's pipeline steps run their SQL over Parquet: a step opens a {@link WorkSession} on a work
 * database file, expresses its work as SQL (reading Parquet with {@code read_parquet}, writing it with
 * {@link WorkSession#writeParquet}), streams rows it must see in Java and appends rows it computes in Java. No step
 * loads a whole table into the heap. {@link DuckDbEngine} is the implementation; a Spark engine would run the same
 * plans (docs/explanation/data-plane-engine.md). The researchers' sandbox ({@link DuckDbSandbox}) is not a pipeline
 * step and stays DuckDB-specific.
 */
public interface Engine {

    /**
     * Opens a session on {@code database} (created if absent); what does not fit in memory spills into
     * {@code spillDirectory}.
     */
    WorkSession open(Path database, Path spillDirectory);
}
