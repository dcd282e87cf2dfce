package eu.guichet.dataplane.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.guichet.dataplane.engine.DuckDbEngine;
import eu.guichet.dataplane.engine.Engine;
import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.extract.ExtractSpec.Anonymisation;
import eu.guichet.dataplane.extract.ExtractSpec.TableSpec;
import eu.guichet.dataplane.pseudonym.ProjectPseudonymiser;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.tabular.Sql;

/**
 * Builds a permit's extract under {@code root/<extractId>/}: {@code extract.duckdb}, {@code parquet/<table>.parquet}
 * and {@code evidence.json}. The persons of the selected rows are listed by DuckDB, their pseudonyms brought to the
 * current key version and replaced by per-project pseudonyms computed in Java (functions the session calls back, so
 * neither the keys nor the persons cross the SQL boundary), opted-out persons are dropped by an anti-join, and for an
 * anonymised permit the quasi-identifiers are generalised and the persons in groups smaller than k suppressed. The
 * Parquet copies are written from the finished database, while it is hashed for the evidence. Everything is written
 * in a staging directory moved into place in one rename: an interrupted build leaves no extract, and is built again
 * from the start.
 */
public final class ExtractBuilder {

    static final String DATABASE = "extract.duckdb";
    static final String EVIDENCE = "evidence.json";
    /** The sessions' spill directory, removed before the evidence is made. */
    private static final String TMP = "tmp";
    /** The database of the session that copies the tables to Parquet (under {@link #TMP}). */
    private static final String COPIER = "copier.duckdb";
    /** The session's function giving a lake pseudonym's project pseudonym. */
    static final String PROJECT_FUNCTION = "guichet_project_pseudonym";
    /** The session's function bringing a lake pseudonym to the current key version. */
    static final String CURRENT_FUNCTION = "guichet_current_pseudonym";
    /** The column of a source view holding the row's person (national pseudonym). */
    static final String PERSON = "guichet_person";

    private final Path root;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;
    private final Engine engine;

    public ExtractBuilder(Path root, Pseudonymiser pseudonymiser, Clock clock) {
        this(root, pseudonymiser, clock, DuckDbEngine.defaults());
    }

    /** A builder running its SQL on {@code engine}. */
    public ExtractBuilder(Path root, Pseudonymiser pseudonymiser, Clock clock, Engine engine) {
        this.root = root.toAbsolutePath().normalize();
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
        this.engine = engine;
    }

    /** The directory of a built extract. */
    public Path location(String extractId) {
        return root.resolve(extractId);
    }

    /**
     * Builds the extract; {@code projectKeyId} names the project whose pseudonyms it uses (the permit: every version of
     * one permit shares them, two permits never do).
     */
    public ExtractEvidence build(ExtractSpec spec, String projectKeyId, OptOutSnapshot optOuts) {
        return build(spec, pseudonymiser.forProject(projectKeyId), Map.of(TableSpec.DEFAULT_GROUP, optOuts),
                ExtractObserver.NONE);
    }

    /**
     * Builds the extract under the project's pseudonyms (see {@link Pseudonymiser#forProject(String, int)}), each
     * table filtered by the opt-out snapshot of its {@link TableSpec#optOutGroup()}; {@code observer} hears the
     * progress.
     */
    public ExtractEvidence build(ExtractSpec spec, ProjectPseudonymiser project, Map<String, OptOutSnapshot> optOuts,
            ExtractObserver observer) {
        for (TableSpec t : spec.tables()) {
            if (!optOuts.containsKey(t.optOutGroup())) {
                throw new IllegalArgumentException("no opt-out snapshot for the group " + t.optOutGroup());
            }
        }
        Path target = location(spec.extractId());
        if (Files.exists(target)) {
            throw new ExtractException("extract " + spec.extractId() + " already exists");
        }
        Path staging = root.resolve(".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve("parquet"));
            Files.createDirectories(staging.resolve(TMP));
            ExtractEvidence evidence = write(spec, project, optOuts, observer, staging);
            EvidenceJson.write(evidence, staging.resolve(EVIDENCE));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return evidence;
        } catch (IOException e) {
            throw new ExtractException("cannot write extract " + spec.extractId() + ": " + e.getClass().getSimpleName());
        } catch (EngineException e) {
            // the engine's message may quote a value: only the SQL state travels (no row data in logs)
            throw new ExtractException("extract " + spec.extractId() + " failed in the engine (SQLState "
                    + e.getSQLState() + ")" );
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Reads an extract's evidence. */
    public ExtractEvidence evidence(String extractId) {
        try {
            return EvidenceJson.read(location(extractId).resolve(EVIDENCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExtractEvidence write(ExtractSpec spec, ProjectPseudonymiser project, Map<String, OptOutSnapshot> optOuts,
            ExtractObserver observer, Path staging) throws IOException {
        Path database = staging.resolve(DATABASE);
        List<ExtractEvidence.TableCount> counts = new ArrayList<>();
        List<ExtractEvidence.OptOutsApplied> applied;
        long snapshot;
        long excluded;
        long suppressed = 0;
        long included;
        long outside = 0;
        OptionalInt k = OptionalInt.empty();
        try (FileHasher hasher = new FileHasher()) {
            try (WorkSession s = engine.open(database, staging.resolve(TMP))) {
                // work tables (opt-outs, the person map, groups) live in a database of their own, never in the
                // extract: in memory (spilled into the session's directory when large), never written with the
                // extract's storage compression
                s.execute("ATTACH ':memory:' AS work");
                for (TableSpec t : spec.tables()) {
                    s.execute("CREATE TEMP VIEW " + source(t) + " AS " + sourceQuery(t));
                }
                observer.step(ExtractObserver.Step.OPT_OUTS);
                snapshot = OptOutExclusion.load(s, optOuts);
                observer.step(ExtractObserver.Step.PSEUDONYMS);
                mapPersons(s, spec, project);
                if (spec.population().isPresent()) {
                    long before = s.count("work.person_map");
                    s.execute("DELETE FROM work.person_map WHERE lake NOT IN (" + spec.population().get().persons()
                            + ")");
                    outside = before - s.count("work.person_map");
                }
                applied = OptOutExclusion.exclude(s, spec, optOuts.keySet());
                excluded = s.count("(SELECT DISTINCT lake FROM work.excluded)");
                if (spec.anonymisation().isPresent()) {
                    observer.step(ExtractObserver.Step.ANONYMISATION);
                    Anonymisation a = spec.anonymisation().get();
                    suppressed = KAnonymity.suppressSmallGroups(s, spec, a);
                    k = KAnonymity.smallestGroup(s);
                }
                observer.step(ExtractObserver.Step.TABLES);
                for (TableSpec t : spec.tables()) {
                    s.execute("CREATE TABLE " + Sql.id(t.name()) + " AS " + select(spec, t, project.recordKey()));
                    counts.add(new ExtractEvidence.TableCount(t.name(), s.count(Sql.id(t.name()))));
                }
                included = s.count(includedPersons(spec));
                s.execute("DETACH work");
                s.execute("CHECKPOINT");
            }
            // the extract database is complete: hashed while its tables are copied to Parquet through a read-only
            // attachment (which cannot change it)
            hasher.hash(database);
            try (WorkSession s = engine.open(staging.resolve(TMP).resolve(COPIER), staging.resolve(TMP))) {
                s.execute("ATTACH " + Sql.path(database) + " AS built (READ_ONLY)");
                int written = 0;
                for (TableSpec t : spec.tables()) {
                    Path parquet = staging.resolve("parquet").resolve(t.name() + ".parquet");
                    s.writeParquet("SELECT * FROM built.main." + Sql.id(t.name()), parquet);
                    hasher.hash(parquet);
                    observer.tableWritten(++written, spec.tables().size());
                }
            }
            observer.step(ExtractObserver.Step.EVIDENCE);
            deleteQuietly(staging.resolve(TMP));
            return new ExtractEvidence(spec.extractId(), clock.instant(), snapshot, excluded, suppressed, included, k,
                    counts, hashes(staging, hasher), applied, project.keyVersion(), outside);
        }
    }

    /**
     * The distinct persons in the extract's tables, as a table and its condition for {@link WorkSession#count}. When
     * every table applies the same opt-out snapshot, they are the person map's persons that snapshot does not exclude
     * (each was found in the selected rows of a table, and that table kept its rows): counted on the map, without
     * reading the tables again.
     */
    private static String includedPersons(ExtractSpec spec) {
        List<String> groups = spec.tables().stream().map(TableSpec::optOutGroup).distinct().toList();
        if (groups.size() == 1) {
            return "(SELECT DISTINCT m.project FROM work.person_map m WHERE " + OptOutExclusion.kept(groups.get(0),
                    "m.lake") + ")";
        }
        return "(SELECT DISTINCT person_id FROM (" + spec.tables().stream().map(t -> "SELECT person_id FROM "
                + Sql.id(t.name())).collect(Collectors.joining(" UNION ALL ")) + "))";
    }

    /**
     * The table's lake rows with {@value #PERSON}, the person's national pseudonym: its own column, or for a table that
     * references its person, the link table's.
     */
    private static String sourceQuery(TableSpec t) {
        String files = "read_parquet([" + t.files().stream().map(Sql::path).collect(Collectors.joining(", ")) + "])";
        if (t.personLink().isEmpty()) {
            return "SELECT *, " + Sql.id(t.personColumn()) + " AS " + PERSON + " FROM " + files;
        }
        ExtractSpec.PersonLink link = t.personLink().get();
        return "SELECT t.*, l.person AS " + PERSON + " FROM " + files + " t LEFT JOIN (SELECT " + Sql.id(link.keyColumn())
                + " AS k, any_value(" + Sql.id(link.personColumn()) + ") AS person FROM read_parquet(["
                + link.files().stream().map(Sql::path).collect(Collectors.joining(", ")) + "]) WHERE "
                + Sql.id(link.personColumn()) + " IS NOT NULL GROUP BY ALL) l ON t." + Sql.id(t.personColumn())
                + " = l.k";
    }

    /**
     * {@code person_map(lake, current, project)} for every person of the selected rows, in one statement: the session
     * calls back into Java for the pseudonyms (functions {@value #PROJECT_FUNCTION} and {@value #CURRENT_FUNCTION}), so
     * the keys never enter the SQL and the persons never leave the engine. {@code current} is the lake pseudonym
     * brought to the current key version ({@link Pseudonymiser#upgrade}, the identity on a pseudonym of the current
     * version: called only for older ones).
     */
    private void mapPersons(WorkSession s, ExtractSpec spec, ProjectPseudonymiser project) {
        s.function(PROJECT_FUNCTION, project::pseudonym);
        s.function(CURRENT_FUNCTION, pseudonymiser::upgrade);
        // DISTINCT: with a single table there is no UNION to remove the duplicates, and each one would repeat its
        // person's rows in the join that writes the tables
        String persons = "SELECT DISTINCT p FROM (" + spec.tables().stream().map(t -> personsOf(spec, t))
                .collect(Collectors.joining(" UNION ALL ")) + ")";
        String currentPrefix = Sql.literal(String.format(Locale.ROOT, "v%02d-", pseudonymiser.keyVersion()));
        s.execute("CREATE TABLE work.person_map AS SELECT p AS lake, CASE WHEN starts_with(p, " + currentPrefix
                + ") THEN p ELSE " + CURRENT_FUNCTION + "(p) END AS current, " + PROJECT_FUNCTION
                + "(p) AS project FROM (" + persons + ")");
    }

    /** The distinct national pseudonyms of a table's selected rows, as {@code p}. */
    static String personsOf(ExtractSpec spec, TableSpec t) {
        return "SELECT " + PERSON + " AS p FROM " + source(t) + " t WHERE " + PERSON + " IS NOT NULL"
                + period(spec, t, "t");
    }

    /** The rows of one table as the extract gives them: project pseudonyms, allowed columns, generalised if anonymised. */
    private static String select(ExtractSpec spec, TableSpec t, String recordKey) {
        List<String> columns = new ArrayList<>();
        columns.add("m.project AS person_id");
        for (String column : t.columns()) {
            if (column.equals(t.personColumn()) || column.equals(PERSON)) {
                continue;
            }
            columns.add((t.recordIds().contains(column) ? "'r' || left(sha256(" + Sql.literal(recordKey)
                    + " || CAST(t." + Sql.id(column) + " AS VARCHAR)), 52)"
                    : KAnonymity.generalised(column, KAnonymity.generalisation(spec, t, column), "t")) + " AS "
                    + Sql.id(column));
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + source(t) + " t JOIN work.person_map m ON t."
                + PERSON + " = m.lake WHERE " + OptOutExclusion.kept(t.optOutGroup(), "m.lake") + period(spec, t, "t");
    }

    private static String period(ExtractSpec spec, TableSpec t, String alias) {
        if (t.dateColumn().isEmpty()) {
            return "";
        }
        String date = "TRY_CAST(" + alias + "." + Sql.id(t.dateColumn().get()) + " AS DATE)";
        return spec.from().map(f -> " AND " + date + " >= DATE " + Sql.literal(f.toString())).orElse("")
                + spec.to().map(to -> " AND " + date + " <= DATE " + Sql.literal(to.toString())).orElse("");
    }

    static String source(TableSpec t) {
        return Sql.id("src_" + t.name());
    }

    /** Every file of the extract with its SHA-256: those the hasher has, the others (none expected) hashed here. */
    private static List<ExtractEvidence.FileHash> hashes(Path dir, FileHasher hasher) throws IOException {
        List<ExtractEvidence.FileHash> hashes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                hashes.add(new ExtractEvidence.FileHash(dir.relativize(f).toString().replace('\\', '/'), Files.size(f),
                        hasher.sha256(f)));
            }
        }
        return hashes;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes finished files on a thread of its own while the build goes on (the extract database while the Parquet
     * copies are written, each copy while the next one is); closing it stops what is still running.
     */
    private static final class FileHasher implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "extract-hasher");
            t.setDaemon(true);
            return t;
        });
        private final Map<Path, Future<String>> hashes = new HashMap<>();

        /** Starts hashing a file nothing writes any more. */
        void hash(Path file) {
            hashes.put(file, thread.submit(() -> ExtractBuilder.sha256(file)));
        }

        /** The file's SHA-256: the one started earlier, or computed now. */
        String sha256(Path file) throws IOException {
            Future<String> started = hashes.get(file);
            if (started == null) {
                return ExtractBuilder.sha256(file);
            }
            try {
                return started.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing the extract's files");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("cannot hash an extract file", e.getCause());
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging directory is removed by the next build's cleanup
        }
    }
}
