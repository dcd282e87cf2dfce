package eu.guichet.ingest.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where deliveries go and how many run at once.
 *
 * @param lakeDir     the lake: published dataset versions and their quarantine (Parquet)
 * @param workDir     upload sessions and delivered files waiting for processing (raw data: deleted once processed)
 * @param workers     deliveries processed at the same time (a bounded pool; the others wait in line)
 * @param memoryLimit DuckDB memory limit of one delivery's work database (spills to disk beyond)
 * @param threads     DuckDB threads of one delivery
 * @param maxUploadSize largest file an upload session accepts, in bytes
 * @param profileSampleSize FHIR deliveries: records per resource type whose full profile validation is reported
 *                    (advisory); 0 turns it off
 */
@ConfigurationProperties("guichet.ingest")
public record IngestProperties(Path lakeDir, Path workDir, @DefaultValue("1") int workers,
        @DefaultValue("1GB") String memoryLimit, @DefaultValue("1") int threads,
        @DefaultValue("1099511627776") long maxUploadSize, @DefaultValue("100") int profileSampleSize) {
}
