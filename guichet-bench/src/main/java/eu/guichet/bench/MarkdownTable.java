package eu.guichet.bench;

import java.util.List;
import java.util.Locale;

/** The bench table in Markdown: one line per {@link BenchRow}, with the machine and load above it. */
final class MarkdownTable {

    static final String HEADER = "| row | what | size | ours s | baseline s | ours ÷ baseline | throughput | note |";

    private MarkdownTable() {
    }

    static String render(List<BenchRow> rows, String machine, String loadBefore, String loadAfter, String scale) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("\n");
        out.append("Scale: ").append(scale).append("; load average (1, 5, 15 min) before ").append(loadBefore)
                .append(", after ").append(loadAfter).append("\n\n");
        out.append(HEADER).append("\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (BenchRow r : rows) {
            out.append("| ").append(r.row()).append(" | ").append(cell(r.what())).append(" | ").append(r.size())
                    .append(" | ").append(number(r.ours())).append(" | ").append(number(r.baseline())).append(" | ")
                    .append(Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f×", r.ratio()))
                    .append(" | ").append(r.rate()).append(" | ").append(cell(r.note())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String number(double seconds) {
        if (Double.isNaN(seconds)) {
            return "";
        }
        return seconds < 0.01 ? String.format(Locale.ROOT, "%.5f", seconds)
                : String.format(Locale.ROOT, "%.3f", seconds);
    }

    static String rate(double items, double seconds, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", items / seconds, unit);
    }

    static String count(long n, String unit) {
        return String.format(Locale.ROOT, "%,d %s", n, unit);
    }
}
