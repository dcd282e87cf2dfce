package eu.guichet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import eu.guichet.bench.micro.MicroCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code guichet bench}: generates data at the chosen scale, runs each hot path with its baseline in this JVM after a
 * warm-up, and prints one Markdown table (also written to {@code --out}). No figure is asserted anywhere.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = MicroCommand.class,
        description = "Measures each hot path of the data plane against its baseline and prints one table.")
public final class BenchCommand implements Callable<Integer> {

    /** The rows, in table order; {@code --only} takes these names. */
    public static final List<String> ROWS = List.of("fhir", "tabular", "extract", "workspace", "disclosure",
            "catalogue", "startup");

    @Option(names = "--scale", defaultValue = "10000000",
            description = "Tabular rows and extract events (persons: a tenth); up to 100000000."
                    + " Default ${DEFAULT-VALUE}.")
    long scale;

    @Option(names = "--only", split = ",", description = "Rows to run, among ${COMPLETION-CANDIDATES}.",
            completionCandidates = RowNames.class)
    List<String> only;

    @Option(names = "--rounds", defaultValue = "2",
            description = "Measured rounds per path after warm-up (best counts).")
    int rounds;

    @Option(names = "--out", defaultValue = "target/bench/bench-table.md", description = "Where the table is written.")
    Path out;

    @Option(names = "--work", description = "Directory for generated data (deleted at the end); default a temp dir.")
    Path work;

    @Option(names = "--repository", defaultValue = ".", description = "The repository root (fixture, server jar).")
    Path repository;

    @Option(names = "--synthea", description = "Synthea output (with fhir/); default guichet-synthetic/target/synthea.")
    Path synthea;

    @Option(names = "--server-jar", description = "The server jar for the startup row; default"
            + " guichet-server/target/guichet-server.jar.")
    Path serverJar;

    @Option(names = "--catalogue",
            description = "Run CatalogueSearchBench (Maven, PostgreSQL) before reading its table.")
    boolean runCatalogue;

    static final class RowNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        RowNames() {
            super(ROWS);
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // HAPI's validator warns about its own definitions while it loads them (as the server's configuration says)
        System.setProperty("org.slf4j.simpleLogger.log.ca.uhn.fhir", "error");
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (scale < 1_000 || scale > 100_000_000) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--scale is between 1000 and 100000000");
        }
        Set<String> selected = new LinkedHashSet<>(only == null ? ROWS : only);
        if (!ROWS.containsAll(selected)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--only takes " + ROWS);
        }
        Path repo = repository.toAbsolutePath().normalize();
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("guichet-bench");
        BenchContext ctx = new BenchContext(scale, (int) Math.max(100, scale / 10), Math.max(1, rounds), dir, repo,
                synthea != null ? synthea : repo.resolve("guichet-synthetic/target/synthea"),
                serverJar != null ? serverJar : repo.resolve("guichet-server/target/guichet-server.jar"));
        String machine = Machine.describe();
        String loadBefore = Machine.loadAverage();
        System.out.println("Machine: " + machine + "\nLoad average before: " + loadBefore);
        List<BenchRow> rows = new ArrayList<>();
        try {
            AtomicReference<Path> extract = new AtomicReference<>();
            ExtractBench.Lake lake = null;
            for (String row : ROWS) {
                if (!selected.contains(row)) {
                    continue;
                }
                System.out.println("Running " + row + " (load " + Machine.loadAverage() + ")…");
                if ((row.equals("extract") || row.equals("workspace")) && lake == null) {
                    lake = ExtractBench.generate(ctx);
                }
                List<BenchRow> result = switch (row) {
                    case "fhir" -> FhirBench.run(ctx);
                    case "tabular" -> TabularBench.run(ctx);
                    case "extract" -> ExtractBench.run(ctx, lake, extract);
                    case "workspace" -> {
                        if (extract.get() == null) { // built unmeasured when the extract row was not asked for
                            ExtractBench.run(ctx.withRounds(1), lake, extract);
                        }
                        yield WorkspaceBench.run(ctx, extract.get());
                    }
                    case "disclosure" -> DisclosureBench.run(ctx);
                    case "catalogue" -> ServerBench.catalogue(ctx, runCatalogue);
                    case "startup" -> ServerBench.startup(ctx);
                    default -> throw new IllegalStateException(row);
                };
                rows.addAll(result);
                result.forEach(r -> System.out.println("  " + r));
            }
        } finally {
            if (work == null) {
                deleteTree(dir);
            }
        }
        boolean generated = selected.stream().anyMatch(List.of("tabular", "extract", "workspace")::contains);
        String table = MarkdownTable.render(rows, machine, loadBefore, Machine.loadAverage(), generated
                ? String.format("%,d rows/events, %,d persons, best of %d rounds after warm-up", ctx.rows(),
                        ctx.persons(), ctx.rounds())
                : "no generated data (rows: " + String.join(", ", selected) + ")");
        System.out.println();
        System.out.println(table);
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.writeString(target, table);
        System.out.println("Written to " + target);
        return 0;
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
