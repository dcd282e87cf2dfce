package eu.guichet.extract.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where extracts go.
 *
 * @param dir extracts: one directory per permit version ({@code <permit>-v<n>}) with the DuckDB database, Parquet
 *            files and evidence (row-level data under per-project pseudonyms)
 */
@ConfigurationProperties("guichet.extract")
record ExtractProperties(Path dir) {
}
