package eu.guichet.workspace;

import java.nio.file.Path;
import java.util.List;

/** A saved query re-run for output control: every row written to {@code file} (CSV, header first). */
public record DisclosureRun(Path file, List<String> columns, long rows) {
}
