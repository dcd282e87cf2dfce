package eu.guichet.disclosure.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import eu.guichet.access.PermitId;
import eu.guichet.dataplane.disclosure.ContributorRows;
import eu.guichet.dataplane.disclosure.DisclosureChecks;
import eu.guichet.dataplane.disclosure.DisclosureConfig;
import eu.guichet.dataplane.disclosure.DisclosureException;
import eu.guichet.dataplane.disclosure.DisclosureReport;
import eu.guichet.dataplane.disclosure.Outcome;
import eu.guichet.dataplane.disclosure.OutputTable;
import eu.guichet.dataplane.disclosure.Reason;
import eu.guichet.dataplane.disclosure.Release;
import eu.guichet.dataplane.tabular.Sql;
import eu.guichet.disclosure.CellCheck;
import eu.guichet.disclosure.Output;
import eu.guichet.disclosure.OutputId;
import eu.guichet.problem.GuichetException;
import eu.guichet.workspace.DisclosureRun;
import eu.guichet.workspace.Workspaces;

/**
 * The automatic checks of one request: re-runs the saved query in the workspace (its whole result written to a CSV
 * file in the request's directory), loads it into an in-memory DuckDB database, groups its rows by the declared
 * dimensions and contributor ({@link ContributorRows}), and applies the HDAB's rules against the permit's earlier
 * releases. Writes the cells (with their true values, for checkers), the table to release and the kept release;
 * deletes the rows. Touches rows of health data (DEVELOPING.md): no logging here, and failures keep a code only.
 */
@Component
public class OutputChecks {

    /** A number as {@code CellCheck.text} writes it: not a formula even when it starts with a sign. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    /** The check's outcome: a summary, or the code of why it could not run. */
    public record Result(Optional<Output.CheckSummary> summary, Optional<String> error) {
    }

    private final Workspaces workspaces;
    private final OutputFiles files;
    private final OutputRepository outputs;
    private final DisclosureProperties settings;

    OutputChecks(Workspaces workspaces, OutputFiles files, OutputRepository outputs, DisclosureProperties settings) {
        this.workspaces = workspaces;
        this.files = files;
        this.outputs = outputs;
        this.settings = settings;
    }

    public Result check(Output o) {
        Path rows = files.workDir(o.id()).resolve("rows.csv");
        files.clearCheck(o.id());
        try {
            DisclosureRun run = workspaces.runForDisclosure(o.workspaceId(), o.savedQueryId(), rows);
            List<String> needed = Stream.concat(Stream.concat(o.table().dimensions().stream(),
                    Stream.of(o.table().contributor())), o.table().value().stream()).toList();
            if (!run.columns().containsAll(needed)) {
                return failed("column_missing");
            }
            DisclosureConfig config = settings.config();
            OutputTable table;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("create table result as select * from read_csv(" + Sql.path(rows)
                        + ", header = true, all_varchar = false)");
                table = ContributorRows.read(c, "select * from result", o.table().dimensions(),
                        o.table().contributor(), o.table().value(), Optional.empty(),
                        Math.max(2, config.dominanceN()));
            }
            DisclosureReport report = new DisclosureChecks(config).checkAgainst(table,
                    files.kept(outputs.releasedOf(o.permitId()).stream().filter(id -> !id.equals(o.id())).toList()));
            List<CellCheck> cells = cells(report);
            files.writeCells(o.id(), cells);
            files.writeReleaseTable(o.id(), csv(o, report.release(), report));
            files.writeKept(o.id(), report.kept());
            int review = (int) cells.stream().filter(x -> x.outcome() == Outcome.REVIEW).count();
            return new Result(Optional.of(new Output.CheckSummary(cells.size(), report.hiddenCount(), review)),
                    Optional.empty());
        } catch (GuichetException e) {
            return failed("query_failed");
        } catch (DisclosureException e) {
            return failed("table_mismatch");
        } catch (SQLException | RuntimeException e) {
            return failed("rows_unreadable");
        } finally {
            files.deleteQuietly(rows);
        }
    }

    private static Result failed(String code) {
        return new Result(Optional.empty(), Optional.of(code));
    }

    private static List<CellCheck> cells(DisclosureReport report) {
        OutputTable table = report.table();
        Release release = report.release();
        List<CellCheck> cells = new ArrayList<>();
        for (int c = 0; c < table.shape().cells(); c++) {
            cells.add(new CellCheck(table.shape().labels(c), report.outcome(c),
                    report.reasons(c).stream().map(Reason::code).toList(), Optional.of(table.value(c)),
                    release.hidden(c) ? Optional.empty() : Optional.of(release.value(c))));
        }
        return cells;
    }

    /** The table to release: one line per cell (margins labelled Total), its released value, blank where hidden. */
    static byte[] csv(Output o, Release release, DisclosureReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintWriter out = new PrintWriter(bytes, false, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(o.table().dimensions());
            header.add(o.table().value().orElse("count"));
            header.add("note");
            out.print(line(header));
            for (int c = 0; c < release.shape().cells(); c++) {
                List<String> cells = new ArrayList<>(release.shape().labels(c));
                cells.add(release.hidden(c) ? "" : number(release.value(c)));
                cells.add(release.hidden(c) ? "suppressed" : report.has(c, Reason.ROUNDED) ? "rounded" : "");
                out.print(line(cells));
            }
        }
        return bytes.toByteArray();
    }

    private static String number(double v) {
        return CellCheck.text(v);
    }

    private static String line(List<String> values) {
        return String.join(",", values.stream().map(OutputChecks::cell).toList()) + "\r\n";
    }

    /**
     * One CSV field: quoted when it holds a separator, a quote or a line break; a text a spreadsheet would run as a
     * formula (starting with {@code = + - @}, a tab or a carriage return, and not a number) gets a leading apostrophe.
     */
    static String cell(String v) {
        String safe = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()
                ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

}
