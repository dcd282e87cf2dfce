package eu.guichet.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.AccessJourneys;
import eu.guichet.access.PermitId;
import eu.guichet.extract.ExtractReady;
import eu.guichet.testing.Api;

/**
 * Open workspaces for tests, as a JUnit extension of an integration test
 * ({@code @RegisterExtension final WorkspaceFixture workspaceFixture = new WorkspaceFixture();}): a permit granted
 * through the API (alice its only member), and its extract announced with {@link ExtractReady} on a DuckDB file written
 * here with plain JDBC (250 stays, 50 patients), under the application's data directory. The extract is announced as
 * permit version {@value #TEST_EXTRACT_VERSION}, newer than any the extract module builds for these permits, so the
 * workspace keeps this one whatever else arrives.
 */
public final class WorkspaceFixture implements BeforeAllCallback, BeforeEachCallback {

    public static final int TEST_EXTRACT_VERSION = 1000;

    private Api api;
    private ApplicationContext context;
    private Path dir;

    /** Called for a test class whose one instance runs every test ({@code @TestInstance(PER_CLASS)}). */
    @Override
    public void beforeAll(ExtensionContext junit) {
        beforeEach(junit);
    }

    @Override
    public void beforeEach(ExtensionContext junit) {
        context = SpringExtension.getApplicationContext(junit);
        api = new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
        dir = Path.of(context.getEnvironment().getRequiredProperty("guichet.data-dir")).resolve("test-extracts");
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
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context.publishEvent(
                new ExtractReady(permit, version, permit + "-v" + version, file)));
        return file;
    }

    public Workspace awaitStatus(PermitId permit, WorkspaceStatus status) {
        Workspaces workspaces = context.getBean(Workspaces.class);
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
