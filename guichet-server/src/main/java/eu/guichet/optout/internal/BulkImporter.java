package eu.guichet.optout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.optout.BulkImportReport;
import eu.guichet.optout.BulkImportReport.Reason;
import eu.guichet.optout.BulkImportReport.RejectedLine;
import eu.guichet.optout.OptOutImportId;
import eu.guichet.security.UserId;

/**
 * Reads a bulk import (text, UTF-8, one national identifier per line, an optional header line without digits),
 * streaming: identifiers are checked, pseudonymised {@value #BATCH} at a time and registered batch by batch, so a file
 * of tens of millions of lines never sits in memory. Raw identifiers live only in the current batch; nothing is
 * logged and no message quotes a line.
 */
@Component
public class BulkImporter {

    static final int BATCH = 5_000;
    /** Longer lines are not identifiers; they are refused without being kept in memory. */
    static final int MAX_LINE = 64;

    private final Pseudonymiser pseudonymiser;
    private final OptOutRepository repository;

    BulkImporter(Pseudonymiser pseudonymiser, OptOutRepository repository) {
        this.pseudonymiser = pseudonymiser;
        this.repository = repository;
    }

    /** Runs in the caller's transaction. */
    public BulkImportReport run(InputStream csv, OptOutImportId importId, UserId by, Instant effectiveAt) {
        var counts = new Counts();
        List<String> batch = new ArrayList<>(BATCH);
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(reader, MAX_LINE);
            boolean first = true;
            for (String line = lines.next(); line != null; line = lines.next()) {
                long number = lines.lineNumber();
                if (lines.tooLong()) {
                    counts.reject(number, Reason.MALFORMED);
                    first = false;
                    continue;
                }
                String value = unquote(line.strip());
                if (value.isEmpty()) {
                    continue;
                }
                if (first && value.chars().noneMatch(Character::isDigit)) {
                    first = false;
                    continue;
                }
                first = false;
                Optional<Reason> problem = Nir.problem(value);
                if (problem.isPresent()) {
                    counts.reject(number, problem.get());
                    continue;
                }
                counts.read++;
                batch.add(value);
                if (batch.size() == BATCH) {
                    register(batch, counts, importId, by, effectiveAt);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the import", e);
        }
        register(batch, counts, importId, by, effectiveAt);
        return new BulkImportReport(importId, counts.read + counts.rejected, counts.registered, counts.already,
                counts.rejected, counts.rejections, counts.rejected > counts.rejections.size());
    }

    private void register(List<String> batch, Counts counts, OptOutImportId importId, UserId by, Instant at) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> distinct = new LinkedHashSet<>(pseudonymiser.pseudonyms(IdentifierDomain.NATIONAL, batch));
        int inserted = repository.insertImported(List.copyOf(distinct), by, importId, at);
        counts.registered += inserted;
        counts.already += batch.size() - inserted;
        batch.clear();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).strip() : value;
    }

    private static final class Counts {
        long read;
        long registered;
        long already;
        long rejected;
        final List<RejectedLine> rejections = new ArrayList<>();

        void reject(long line, Reason reason) {
            rejected++;
            if (rejections.size() < BulkImportReport.MAX_LISTED_REJECTIONS) {
                rejections.add(new RejectedLine(line, reason));
            }
        }
    }
}
