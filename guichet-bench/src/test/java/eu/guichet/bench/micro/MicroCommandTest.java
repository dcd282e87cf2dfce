package eu.guichet.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.bench.BenchCommand;
import picocli.CommandLine;

/**
 * Smoke test: {@code bench micro} finds the generated benchmark list, runs two benchmarks briefly in this JVM and
 * prints one table where each benchmark has its ratio to the baseline of its own parameters. No timing is checked.
 */
@Tag("unit")
class MicroCommandTest {

    @Test
    void micro_prints_each_benchmark_with_its_ratio_to_the_bare_hmac() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BenchCommand()).execute("micro", "--forks", "0", "--warmups", "0",
                    "--iterations", "1", "--include", ".*PseudonymMicro\\.(bareHmac|nationalPseudonym)");
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(out).contains("| benchmark | parameters | ops/µs |");
        for (String versions : new String[] {"keyVersions=1", "keyVersions=3"}) {
            assertThat(out).containsPattern("\\| bareHmac \\| " + versions + " \\| [0-9.]+ \\|.*\\| 1\\.00× \\|");
            assertThat(out).containsPattern("\\| nationalPseudonym \\| " + versions + " \\| [0-9.]+ \\|.*\\| [0-9.]+× \\|");
        }
    }
}
