package eu.guichet.transparency.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.guichet.access.Purpose;
import eu.guichet.transparency.RegisterDataset;
import eu.guichet.transparency.RegisterEntry;
import eu.guichet.transparency.RegisterPermit;

/**
 * The register as CSV (RFC 4180, UTF-8, one line per entry; lists joined with {@code |}). A cell that a spreadsheet
 * would read as a formula gets a leading apostrophe.
 */
final class RegisterCsv {

    static final List<String> COLUMNS = List.of("application_id", "kind", "received_at", "organisation", "title",
            "purposes", "datasets", "status", "decision", "decided_at", "decision_published_at", "justification",
            "permit_status", "permit_valid_until", "permit_datasets", "results_due_at", "results", "results_overdue");

    private RegisterCsv() {
    }

    static String write(List<RegisterEntry> entries) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (RegisterEntry e : entries) {
            Optional<RegisterPermit> p = e.permit();
            List<String> cells = List.of(e.applicationId().toString(), e.kind().name(), text(e.receivedAt()),
                    e.organisation(), e.title(),
                    e.purposes().stream().map(Purpose::letter).sorted().collect(Collectors.joining("|")),
                    identifiers(e.datasets()), e.status().name(),
                    e.decision().map(d -> d.outcome().name()).orElse(""),
                    e.decision().map(d -> text(d.decidedAt())).orElse(""),
                    e.decision().map(d -> text(d.publishedAt())).orElse(""),
                    e.decision().map(d -> d.justification()).orElse(""),
                    p.map(x -> x.status().name()).orElse(""), p.map(x -> text(x.validUntil())).orElse(""),
                    p.map(x -> identifiers(x.datasets())).orElse(""), p.map(x -> text(x.resultsDueAt())).orElse(""),
                    p.map(x -> x.results().stream().map(r -> r.reference()).collect(Collectors.joining("|")))
                            .orElse(""),
                    p.map(x -> String.valueOf(x.overdue())).orElse(""));
            csv.append(cells.stream().map(RegisterCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String identifiers(List<RegisterDataset> datasets) {
        return datasets.stream().map(RegisterDataset::identifier).collect(Collectors.joining("|"));
    }

    private static String text(Instant instant) {
        return instant.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.startsWith("'");
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
