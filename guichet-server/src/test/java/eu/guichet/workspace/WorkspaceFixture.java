package eu.guichet.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.AccessJourneys;
import eu.guichet.access.PermitId;
import eu.guichet.extract.ExtractReady;
import eu.guichet.testing.Api;

/**
 * Open workspaces for tests: a permit granted through the API (alice its only member), and its extract announced with
 * {@link ExtractReady} on a DuckDB file written here with plain JDBC (250 stays, 50 patients). The extract is
 * announced as permit version {@value #TEST_EXTRACT_VERSION}, newer than any the extract module builds for these
 * permits, so the workspace keeps this one whatever else arrives.
 */
public final class WorkspaceFixture {

    public static final int TEST_EXTRACT_VERSION = 1000;

    private final Api api;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Workspaces workspaces;
    private final Path dir;

    public WorkspaceFixture(Api api, ApplicationEventPublisher events, TransactionTemplate transactions,
            Workspaces workspaces, Path dir) {
        this.api = api;
        this.events = events;
        this.transactions = transactions;
        this.workspaces = workspaces;
        this.dir = dir;
    }

    /** A granted permit (alice) with its extract ready: returns the OPEN workspace. */
    public Workspace open(String prefix) {
        PermitId permit = PermitId.parse(new AccessJourneys(api, AccessJourneys.publishedDataset(api, prefix))
                .permit());
        announceExtract(permit, TEST_EXTRACT_VERSION);
        return awaitStatus(permit, WorkspaceStatus.OPEN);
    }

    /** Writes an extract for the permit and publishes {@link ExtractReady} for it. */
    public Path announceExtract(PermitId permit, int version) {
        Path file = extract(dir.resolve(permit + "-v" + version + ".duckdb"));
        transactions.executeWithoutResult(s -> events.publishEvent(new ExtractReady(permit, version,
                permit + "-v" + version, file)));
        return file;
    }

    public Workspace awaitStatus(PermitId permit, WorkspaceStatus status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> workspaces.findByPermit(permit)
                .filter(w -> w.status() == status).orElse(null), w -> w != null);
    }

    /** A small extract: {@code stays} (250 rows) and {@code patients} (50 rows). */
    public static Path extract(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                    Statement s = c.createStatement()) {
                s.execute("create or replace table stays as select i as stay_id, i % 7 as length_of_stay, "
                        + "(i % 50) + 1 as patient_id from range(1, 251) t(i)");
                s.execute("create or replace table patients as select i as patient_id, 'P' || lpad(i::varchar, 4, '0') "
                        + "as pseudonym from range(1, 51) t(i)");
            }
            assertThat(file).exists();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
