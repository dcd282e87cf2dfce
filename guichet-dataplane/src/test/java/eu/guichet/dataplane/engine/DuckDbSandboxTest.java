package eu.guichet.dataplane.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Security property 3: researcher SQL runs with only its extract, read-only, and no way out. */
@Tag("unit")
class DuckDbSandboxTest {

    @TempDir
    Path dir;

    Path extract;

    @BeforeEach
    void createExtract() throws Exception {
        extract = dir.resolve("extract.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + extract);
                Statement s = c.createStatement()) {
            s.execute("create table stays as select i as stay_id, i % 7 as length_of_stay from range(1, 251) t(i)");
        }
        Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");
    }

    @Test
    void runs_queries_on_the_extract_and_caps_the_rows_returned() {
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(extract, dir.resolve("spill"), SandboxLimits.defaults())) {
            QueryResult count = sandbox.query("select count(*) as n from stays");
            assertThat(count.columns()).containsExactly("n");
            assertThat(count.rows()).containsExactly(java.util.List.of("250"));
            assertThat(count.truncated()).isFalse();

            QueryResult all = sandbox.query("select * from stays order by stay_id");
            assertThat(all.rows()).hasSize(100);
            assertThat(all.truncated()).isTrue();
        }
    }

    @Test
    void scratch_tables_in_memory_are_allowed() {
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(extract, dir.resolve("spill"), SandboxLimits.defaults())) {
            sandbox.query("create table memory.main.long_stays as select * from stays where length_of_stay > 5");
            assertThat(sandbox.query("select count(*) from memory.main.long_stays").rows().get(0).get(0))
                    .isEqualTo("35");
        }
    }

    /** Each escape attempt, and the refusal that proves the lock (not chance, such as a missing network) stopped it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            select * from read_csv('%DIR%/secret.csv')                   | file system operations are disabled by configuration
            select * from read_text('/etc/hostname')                     | file system operations are disabled by configuration
            select * from glob('%DIR%/*')                                | file system operations are disabled by configuration
            copy (select * from stays) to '%DIR%/leak.csv'               | file system operations are disabled by configuration
            export database '%DIR%/leak'                                 | file system operations are disabled by configuration
            attach '%DIR%/other.duckdb' as other                         | file system operations are disabled by configuration
            install httpfs                                               | file system operations are disabled by configuration
            load httpfs                                                  | Loading external extensions is disabled
            select * from read_parquet('http://localhost:1/x.parquet')   | file system operations are disabled by configuration
            set memory_limit = '100GB'                                   | the configuration has been locked
            set enable_external_access = true                            | the configuration has been locked
            reset lock_configuration                                     | the configuration has been locked
            set temp_directory = '/'                                     | the configuration has been locked
            insert into stays values (999, 1)                            | attached in read-only mode
            drop table stays                                             | attached in read-only mode
            """)
    void refuses_every_way_out(String attempt, String refusal) {
        String sql = attempt.replace("%DIR%", dir.toString());
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(extract, dir.resolve("spill"), SandboxLimits.defaults())) {
            assertThatThrownBy(() -> sandbox.query(sql)).isInstanceOf(SandboxException.class)
                    .hasMessageContaining(refusal);
            assertThat(sandbox.query("select count(*) from stays").rows().get(0).get(0))
                    .as("the session stays usable and the extract intact").isEqualTo("250");
        }
        assertThat(dir.resolve("leak.csv")).doesNotExist();
        assertThat(dir.resolve("leak")).doesNotExist();
        assertThat(dir.resolve("other.duckdb")).doesNotExist();
    }

    @Test
    void a_query_over_its_time_limit_is_cancelled() {
        SandboxLimits oneSecond = new SandboxLimits("512MB", 1, Duration.ofSeconds(1), 10, "1GB");
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(extract, dir.resolve("spill"), oneSecond)) {
            assertThatThrownBy(() -> sandbox.query(
                    "select count(*) from range(100000000000) a where a.range % 3 = 7"))
                    .isInstanceOf(SandboxException.class).hasMessageContaining("INTERRUPT");
            assertThat(sandbox.query("select 1").rows()).hasSize(1);
        }
    }
}
