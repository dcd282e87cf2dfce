package eu.guichet.dataplane.extract;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * What an extract holds and how it was made, stored as {@code evidence.json} next to its files and shown with the
 * permit: no row data, only counts and hashes.
 *
 * @param optedOutInSnapshot persons in the opt-out snapshot applied (in effect at the reference instant)
 * @param personsExcluded    persons of the selected tables left out because of their opt-out
 * @param personsSuppressed  persons left out to reach the minimum k (anonymised permits)
 * @param personsIncluded    persons in the extract
 * @param kAchieved          the smallest group of identical generalised quasi-identifiers (anonymised permits)
 * @param files              every file with its SHA-256
 * @param optOuts            per opt-out snapshot applied (one per reference instant): its size and the persons it left
 *                           out
 * @param keyVersion         the key version of the per-project pseudonyms
 * @param personsOutsidePopulation persons of the selected tables left out by the permit's population filters
 */
public record ExtractEvidence(String extractId, Instant builtAt, long optedOutInSnapshot, long personsExcluded,
        long personsSuppressed, long personsIncluded, OptionalInt kAchieved, List<TableCount> tables,
        List<FileHash> files, List<OptOutsApplied> optOuts, int keyVersion, long personsOutsidePopulation) {

    public ExtractEvidence {
        tables = List.copyOf(tables);
        files = List.copyOf(files);
        optOuts = optOuts == null ? List.of() : List.copyOf(optOuts);
    }

    /** One opt-out snapshot: the persons in it and those of its tables it left out. */
    public record OptOutsApplied(String group, long inSnapshot, long excluded) {
    }

    /** Rows of one table in the extract. */
    public record TableCount(String table, long rows) {
    }

    /** A file of the extract (path relative to the extract's directory) and its SHA-256. */
    public record FileHash(String path, long bytes, String sha256) {
    }
}
