package eu.guichet.workspace.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workspaces' files, quotas and limits, from {@code guichet.workspace.*} (docs/reference/configuration.md).
 *
 * @param dir                   where each workspace keeps its extract copy, scratch database and session spill files
 * @param previewRows           most rows a client receives for one query (larger results stay in the workspace)
 * @param dailyPreviewRows      preview rows one user may receive per day, all workspaces together, until the HDAB
 *                              lifts the budget
 * @param retention             how long a locked workspace's files are kept before they are deleted
 * @param statementTimeout      longest a statement may run
 * @param memoryLimit           DuckDB memory limit of one session
 * @param threads               DuckDB threads of one session
 * @param spillLimit            disk one session may spill to
 * @param scratchBytes          most bytes a workspace's scratch database may take
 * @param concurrentQueriesPerUser statements one user may run at once (all workspaces); a workspace runs one session
 *                              at a time (its scratch database has one writer)
 * @param jobThreads            jobs run at once across Guichet
 */
@ConfigurationProperties("guichet.workspace")
public record WorkspaceProperties(Path dir, @DefaultValue("100") int previewRows,
        @DefaultValue("10000") long dailyPreviewRows, @DefaultValue("P6M") Period retention,
        @DefaultValue("5m") Duration statementTimeout, @DefaultValue("2GB") String memoryLimit,
        @DefaultValue("2") int threads, @DefaultValue("10GB") String spillLimit,
        @DefaultValue("10737418240") long scratchBytes, @DefaultValue("2") int concurrentQueriesPerUser,
        @DefaultValue("2") int jobThreads) {
}
