package eu.guichet.dataplane.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Security property 3, as a specification: a catalogue of escape attempts against a workspace session (its extract
 * copy read-only, its scratch database read-write), each refused with a clear message or, where DuckDB lets the
 * statement run, contained (nothing outside the workspace changes). The positive suite beside it shows the permitted
 * data is fully readable, so the refusals are not an empty sandbox's. docs/reference/workspace-escape-catalogue.md is
 * generated from {@link #CATALOGUE}.
 */
@Tag("unit")
class SandboxEscapeCatalogueTest {

    static final String FILES_DISABLED = "file system operations are disabled by configuration";
    static final String LOCKED = "the configuration has been locked";
    static final String READ_ONLY = "attached in read-only mode";
    static final String CONTAINED = "(runs; contained)";

    /** One escape attempt: what it tries, the SQL ({@code %DIR%}: the host directory, {@code %OTHER%}: another project's extract), the refusal. */
    record Attempt(String tries, String sql, String refusal) {
        @Override
        public String toString() {
            return tries;
        }
    }

    static final List<Attempt> CATALOGUE = List.of(
            new Attempt("read a host file as CSV", "select * from read_csv('/etc/passwd')", FILES_DISABLED),
            new Attempt("read a host file as text", "select * from read_text('/etc/hostname')", FILES_DISABLED),
            new Attempt("read a host file as bytes", "select * from read_blob('/etc/passwd')", FILES_DISABLED),
            new Attempt("read the process environment", "select * from read_text('/proc/self/environ')",
                    FILES_DISABLED),
            new Attempt("list host files", "select * from glob('%DIR%/*')", FILES_DISABLED),
            new Attempt("read a host file as JSON", "select * from read_json('/etc/hosts')", FILES_DISABLED),
            new Attempt("read a file by its path alone", "select * from '%DIR%/secret.csv'", FILES_DISABLED),
            new Attempt("read another project's extract by path", "select * from '%OTHER%'", FILES_DISABLED),
            new Attempt("read another project's extract with read_duckdb", "select * from read_duckdb('%OTHER%')",
                    FILES_DISABLED),
            new Attempt("attach another project's extract", "attach '%OTHER%' as other", FILES_DISABLED),
            new Attempt("attach a new database file", "attach '%DIR%/new.duckdb' as other", FILES_DISABLED),
            new Attempt("load rows from a host file", "copy stays from '/etc/passwd'", FILES_DISABLED),
            new Attempt("import a database directory", "import database '%DIR%'", FILES_DISABLED),
            new Attempt("write a file with COPY", "copy (select * from stays) to '%DIR%/leak.csv'", FILES_DISABLED),
            new Attempt("write Parquet with COPY", "copy stays to '%DIR%/leak.parquet' (format parquet)",
                    FILES_DISABLED),
            new Attempt("export the database", "export database '%DIR%/leak'", FILES_DISABLED),
            new Attempt("install an extension", "install httpfs", FILES_DISABLED),
            new Attempt("load an extension", "load httpfs", "Loading external extensions is disabled"),
            new Attempt("load an extension file", "load '%DIR%/evil.duckdb_extension'",
                    "Loading external extensions is disabled"),
            new Attempt("reach the network", "select * from read_parquet('http://localhost:1/x.parquet')",
                    FILES_DISABLED),
            new Attempt("store a secret", "create secret (type s3, key_id 'k', secret 's')", FILES_DISABLED),
            new Attempt("re-enable external access", "set enable_external_access = true", LOCKED),
            new Attempt("unlock the configuration", "set lock_configuration = false", LOCKED),
            new Attempt("reset the lock", "reset lock_configuration", LOCKED),
            new Attempt("raise the memory limit", "set memory_limit = '100GB'", LOCKED),
            new Attempt("raise the memory limit by PRAGMA", "pragma memory_limit = '100GB'", LOCKED),
            new Attempt("raise the threads by PRAGMA", "pragma threads = 64", LOCKED),
            new Attempt("set a global setting", "set global threads = 64", LOCKED),
            new Attempt("widen the allowed directories", "set allowed_directories = ['/']", LOCKED),
            new Attempt("move the spill directory", "set temp_directory = '/'", LOCKED),
            new Attempt("write profiles to a file", "set profiling_output = '%DIR%/profile.json'", LOCKED),
            new Attempt("turn profiling on", "pragma enable_profiling", LOCKED),
            new Attempt("change the extension repository", "set custom_extension_repository = 'http://localhost:1'",
                    LOCKED),
            new Attempt("read an environment variable", "select getenv('HOME')", "getenv does not exist"),
            new Attempt("change the extract", "insert into extract.stays values (999, 1)", READ_ONLY),
            new Attempt("drop an extract table", "drop table extract.stays", READ_ONLY),
            new Attempt("overwrite the attached extract file",
                    "copy (select 1) to '%COPY%' (format csv, use_tmp_file false)", CONTAINED),
            new Attempt("plant a write-ahead log beside the extract", "copy (select 1) to '%COPY%.wal' (format csv)",
                    CONTAINED));

    @TempDir
    Path dir;

    Path source;
    Path other;
    WorkspaceDirectory workspace;
    String sourceSha;

    @BeforeEach
    void createExtracts() throws Exception {
        source = dir.resolve("extracts").resolve("p1-v1.duckdb");
        other = dir.resolve("extracts").resolve("p2-v1.duckdb");
        Files.createDirectories(source.getParent());
        for (Path p : List.of(source, other)) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + p);
                    Statement s = c.createStatement()) {
                s.execute("create table stays as select i as stay_id, i % 7 as length_of_stay from range(1, 251) t(i)");
                s.execute("create table patients as select i as patient_id, 'P' || i as pseudonym from range(1, 51) t(i)");
            }
        }
        Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");
        workspace = new WorkspaceDirectory(dir.resolve("workspaces").resolve("w1"));
        sourceSha = sha(source);
    }

    static Stream<Attempt> catalogue() {
        return CATALOGUE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void every_escape_attempt_is_refused_or_contained(Attempt attempt) throws Exception {
        String sql = attempt.sql().replace("%DIR%", dir.toString()).replace("%OTHER%", other.toString())
                .replace("%COPY%", workspace.extractCopy().toString());
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults())) {
            if (attempt.refusal().equals(CONTAINED)) {
                session.query(sql);
            } else {
                assertThatThrownBy(() -> session.query(sql)).isInstanceOf(SandboxException.class)
                        .hasMessageContaining(attempt.refusal());
            }
        }
        try (DuckDbSandbox next = workspace.open(source, SandboxLimits.defaults())) {
            assertThat(next.query("select count(*) from stays").rows().get(0).get(0))
                    .as("the next session sees the whole extract").isEqualTo("250");
        }
        assertThat(sha(source)).as("the data plane's extract is untouched").isEqualTo(sourceSha);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("extracts", "secret.csv", "workspaces");
        }
        try (Stream<Path> files = Files.list(source.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("p1-v1.duckdb",
                    "p2-v1.duckdb");
        }
    }

    // --- the positive suite: what a researcher may do, they can ---------------------------------------------------

    @Test
    void every_row_and_column_of_the_extract_is_readable() {
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults().withMaxRows(1000))) {
            QueryResult stays = session.query("select * from stays order by stay_id");
            assertThat(stays.columns()).containsExactly("stay_id", "length_of_stay");
            assertThat(stays.rows()).hasSize(250);
            assertThat(stays.totalRows()).isEqualTo(250);
            assertThat(stays.rows().get(249)).containsExactly("250", "5");
            assertThat(session.query("select sum(stay_id), count(distinct length_of_stay) from extract.main.stays")
                    .rows().get(0)).containsExactly("31375", "7");
            assertThat(session.query("""
                    with s as (select stay_id % 50 + 1 as patient_id, length_of_stay from stays)
                    select count(*) from s join patients using (patient_id)""").rows().get(0)).containsExactly("250");
            assertThat(session.query("show all tables").rows()).extracting(r -> r.get(2))
                    .contains("stays", "patients");
        }
    }

    @Test
    void the_preview_is_capped_but_counts_every_row() {
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults())) {
            QueryResult all = session.query("select * from stays");
            assertThat(all.rows()).hasSize(100);
            assertThat(all.truncated()).isTrue();
            assertThat(all.totalRows()).isEqualTo(250);
        }
    }

    @Test
    void scratch_tables_land_in_scratch_and_are_kept_between_sessions() {
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults())) {
            session.query("create table long_stays as select * from stays where length_of_stay > 5");
            assertThat(session.query("select table_catalog from information_schema.tables where table_name = 'long_stays'")
                    .rows().get(0)).containsExactly("scratch");
        }
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults())) {
            assertThat(session.query("select count(*) from long_stays").rows().get(0)).containsExactly("35");
        }
        assertThat(workspace.scratchBytes()).isPositive();
    }

    @Test
    void every_row_can_be_streamed_for_output_control() {
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults())) {
            List<List<String>> rows = new java.util.ArrayList<>();
            long n = session.stream("select * from stays order by stay_id", new DuckDbSandbox.RowSink() {
                @Override
                public void columns(List<String> names) {
                    assertThat(names).containsExactly("stay_id", "length_of_stay");
                }

                @Override
                public void row(List<String> values) {
                    rows.add(values);
                }
            });
            assertThat(n).isEqualTo(250);
            assertThat(rows).hasSize(250);
        }
    }

    @Test
    void over_the_scratch_quota_only_statements_that_free_space_or_read_run() {
        SandboxLimits tiny = new SandboxLimits("512MB", 1, java.time.Duration.ofMinutes(1), 10, "1GB", 1);
        try (DuckDbSandbox session = workspace.open(source, SandboxLimits.defaults())) {
            session.query("create table copy_of_stays as select * from stays");
        }
        try (DuckDbSandbox session = workspace.open(source, tiny)) {
            assertThatThrownBy(() -> session.query("create table more as select * from stays"))
                    .isInstanceOf(SandboxException.class).hasMessageContaining("scratch storage is full");
            assertThat(session.query("select count(*) from copy_of_stays").rows().get(0)).containsExactly("250");
            session.query("drop table copy_of_stays");
        }
    }

    @Test
    void a_running_query_can_be_cancelled_from_another_thread() throws Exception {
        SandboxLimits long_ = new SandboxLimits("512MB", 1, java.time.Duration.ofMinutes(10), 10, "1GB");
        try (DuckDbSandbox session = workspace.open(source, long_)) {
            var started = new java.util.concurrent.CountDownLatch(1);
            var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                started.countDown();
                return session.query("select count(*) from range(100000000000) a where a.range % 3 = 7");
            });
            started.await();
            while (!result.isDone()) {
                session.cancel();
                Thread.onSpinWait();
            }
            assertThat(result).isCompletedExceptionally();
            // cancelled while running (DuckDB's INTERRUPT) or just before it started (the session's own flag)
            assertThatThrownBy(result::join).cause().isInstanceOf(SandboxException.class)
                    .message().containsAnyOf("INTERRUPT", "Interrupted", "cancelled");
            assertThat(session.query("select 1").rows()).hasSize(1);
        }
    }

    @Test
    void a_script_splits_into_statements_outside_quotes_and_comments() {
        assertThat(SqlScript.statements("""
                create table a as select ';' as x; -- a comment; with a semicolon
                /* block; comment */ select "odd;name" from a;
                ;
                select 'it''s; fine'""")).containsExactly("create table a as select ';' as x",
                "-- a comment; with a semicolon\n/* block; comment */ select \"odd;name\" from a",
                "select 'it''s; fine'");
    }

    /** The catalogue as reference documentation. */
    @Test
    void writes_the_catalogue_into_the_reference_docs() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Workspace escape catalogue

                Generated by `SandboxEscapeCatalogueTest` (guichet-dataplane) from the table it runs against a locked
                workspace session (do not edit by hand). Each attempt is refused with the message shown, or, where DuckDB
                lets the statement run, contained: the test then checks that the data plane's extract is unchanged,
                that no file appeared outside the workspace, and that the next session sees the whole extract.
                `%DIR%` is a host directory, `%OTHER%` another project's extract, `%COPY%` the workspace's own copy
                of its extract. See [the secure processing environment](../explanation/workspace.md).

                | Attempt | SQL | Refused with |
                |---|---|---|
                """);
        for (Attempt a : CATALOGUE) {
            md.append("| ").append(a.tries()).append(" | `").append(a.sql().replace("|", "\\|")).append("` | ")
                    .append(a.refusal().equals(CONTAINED) ? "runs, contained (only the workspace's own copy is touched; "
                            + "checked and copied again before the next session)" : "`" + a.refusal() + "`")
                    .append(" |\n");
        }
        Path file = Path.of("..", "docs", "reference", "workspace-escape-catalogue.md");
        if (Files.isDirectory(file.getParent())) {
            Files.writeString(file, md);
        }
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
