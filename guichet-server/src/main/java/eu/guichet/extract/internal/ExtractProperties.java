package eu.guichet.extract.internal;

import java.nio.file.Path;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where extracts go and how long they are kept.
 *
 * @param dir       extracts: one directory per permit version ({@code <permit>-v<n>}) with the DuckDB database,
 *                  Parquet files and evidence (row-level data under per-project pseudonyms)
 * @param retention how long an extract's files are kept after its permit is revoked or expires (default 6 months,
 *                  like workspaces: EHDS Art. 68(11))
 */
@ConfigurationProperties("guichet.extract")
record ExtractProperties(Path dir, @DefaultValue("P6M") Period retention) {
}
