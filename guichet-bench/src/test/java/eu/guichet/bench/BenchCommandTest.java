package eu.guichet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Smoke test: the bench command runs at a tiny scale and prints one table with every row. No timing is checked. */
@Tag("unit")
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_bench_prints_one_table_with_every_row() throws Exception {
        Path fhir = Files.createDirectories(dir.resolve("synthea/fhir"));
        Files.writeString(fhir.resolve("Patient.ndjson"), """
                {"resourceType":"Patient","id":"a1","gender":"female","birthDate":"1970-01-01"}
                {"resourceType":"Patient","id":"a2","gender":"male","birthDate":"1980-06-15"}
                """);
        // the table CatalogueSearchBench writes (its format), as a previous run would have left it
        Path catalogue = dir.resolve(ServerBench.CATALOGUE_RESULT);
        Files.createDirectories(catalogue.getParent());
        Files.writeString(catalogue, """
                | run | requests | p50 ms | p90 ms | p99 ms | max ms | throughput req/s |
                |---|---|---|---|---|---|---|
                | HTTP `GET /api/catalogue/datasets`, open loop | 1500 | 6.95 | 15.82 | 31.09 | 47.49 | 50 |
                | in process `CatalogueSearch.search`, closed loop | 1500 | 2.37 | 9.79 | 19.64 | 23.38 | 274 |
                | baseline: Lucene `IndexSearcher.search(TermQuery, 20)` | 1500 | 0.02 | 0.04 | 0.10 | 0.18 | 43324 |
                """);
        Path out = dir.resolve("table.md");

        int exit = new CommandLine(new BenchCommand()).execute("--scale", "2000", "--rounds", "1", "--out",
                out.toString(), "--repository", dir.toString(), "--synthea", dir.resolve("synthea").toString(),
                "--server-jar", dir.resolve("no-server.jar").toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).contains(MarkdownTable.HEADER);
        for (String row : BenchCommand.ROWS) {
            assertThat(lines).as(row).anyMatch(l -> l.startsWith("| " + row + " | "));
        }
        assertThat(lines).filteredOn(l -> l.startsWith("| tabular | ") || l.startsWith("| extract | ")
                || l.startsWith("| workspace | ") || l.startsWith("| fhir | "))
                .allMatch(l -> l.contains("/s"), "each measured row has a throughput");
        assertThat(lines).anyMatch(l -> l.startsWith("| catalogue | ") && l.contains("| 0.031 | 0.00010 |")
                && l.contains("50 req/s") && l.contains("p99 < 50 ms: met"));
        assertThat(String.join("\n", lines)).contains("Machine: ", "DuckDB", "load average");
    }
}
