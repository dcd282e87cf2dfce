package eu.guichet.dataplane.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.guichet.dataplane.engine.Appender;
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
 * current key version and replaced by per-project pseudonyms in Java (in batches, through the appender), opted-out
 * persons are dropped by an anti-join, and for an anonymised permit the quasi-identifiers are generalised and the
 * persons in groups smaller than k suppressed. Everything is written in a staging directory moved into place in one
 * rename: an interrupted build leaves no extract, and is built again from the start.
 */
public final class ExtractBuilder {

    static final String DATABASE = "extract.duckdb";
    static final String EVIDENCE = "evidence.json";
    private static final String WORK = "work.duckdb";
    private static final int BATCH = 65_536;
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
        try (WorkSession s = engine.open(database, staging.resolve("tmp"))) {
            // work tables (opt-outs, the person map, groups) live in a database of their own, never in the extract
            s.execute("ATTACH " + Sql.path(staging.resolve(WORK)) + " AS work");
            for (TableSpec t : spec.tables()) {
                s.execute("CREATE TEMP VIEW " + source(t) + " AS " + sourceQuery(t));
            }
            observer.step(ExtractObserver.Step.OPT_OUTS);
            snapshot = OptOutExclusion.load(s, optOuts);
            observer.step(ExtractObserver.Step.PSEUDONYMS);
            mapPersons(s, spec, project);
            if (spec.population().isPresent()) {
                long before = s.count("work.person_map");
                s.execute("DELETE FROM work.person_map WHERE lake NOT IN (" + spec.population().get().persons() + ")");
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
            List<String> persons = new ArrayList<>();
            observer.step(ExtractObserver.Step.TABLES);
            for (TableSpec t : spec.tables()) {
                s.execute("CREATE TABLE " + Sql.id(t.name()) + " AS " + select(spec, t, project.recordKey()));
                counts.add(new ExtractEvidence.TableCount(t.name(), s.count(Sql.id(t.name()))));
                s.writeParquet("SELECT * FROM " + Sql.id(t.name()), staging.resolve("parquet").resolve(t.name()
                        + ".parquet"));
                persons.add("SELECT person_id FROM " + Sql.id(t.name()));
                observer.tableWritten(counts.size(), spec.tables().size());
            }
            included = s.count("(SELECT DISTINCT person_id FROM (" + String.join(" UNION ALL ", persons) + "))");
            s.execute("DETACH work");
            s.execute("CHECKPOINT");
        }
        observer.step(ExtractObserver.Step.EVIDENCE);
        Files.deleteIfExists(staging.resolve(WORK));
        Files.deleteIfExists(staging.resolve(WORK + ".wal"));
        deleteQuietly(staging.resolve("tmp"));
        return new ExtractEvidence(spec.extractId(), clock.instant(), snapshot, excluded, suppressed, included, k,
                counts, hashes(staging), applied, project.keyVersion(), outside);
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

    /** {@code person_map(lake, current, project)} for every person of the selected rows. */
    private void mapPersons(WorkSession s, ExtractSpec spec, ProjectPseudonymiser project) {
        s.execute("CREATE TABLE work.person_map (lake VARCHAR, current VARCHAR, project VARCHAR)");
        // DISTINCT: with a single table there is no UNION to remove the duplicates, and each one would repeat its
        // person's rows in the join that writes the tables
        String persons = "SELECT DISTINCT p FROM (" + spec.tables().stream().map(t -> personsOf(spec, t))
                .collect(Collectors.joining(" UNION ALL ")) + ")";
        try (Appender appender = s.append("work", "person_map")) {
            List<String> batch = new ArrayList<>(BATCH);
            s.forEachRow(persons, row -> {
                batch.add(row.string(1));
                if (batch.size() == BATCH) {
                    append(appender, project, batch);
                }
            });
            append(appender, project, batch);
        }
    }

    private void append(Appender appender, ProjectPseudonymiser project, List<String> batch) {
        List<String> projects = project.pseudonyms(batch);
        for (int i = 0; i < batch.size(); i++) {
            appender.row(batch.get(i), pseudonymiser.upgrade(batch.get(i)), projects.get(i));
        }
        batch.clear();
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

    private static List<ExtractEvidence.FileHash> hashes(Path dir) throws IOException {
        List<ExtractEvidence.FileHash> hashes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                hashes.add(new ExtractEvidence.FileHash(dir.relativize(f).toString().replace('\\', '/'), Files.size(f),
                        sha256(f)));
            }
        }
        return hashes;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
