package eu.guichet.dataplane.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * One table of a delivery, after {@link CsvStager}: pseudonyms for the distinct identifiers (computed in Java, then
 * joined by DuckDB), duplicate primary keys and unique values (found by DuckDB, which spills to disk, so memory stays
 * bounded), then the lake and quarantine Parquet files.
 *
 * <p>The tables made after staging are the session's temporary tables: they are never checkpointed into the work
 * database file (which cost more than the join itself), and still spill to the work directory beyond the memory limit.
 * The work database is discarded with the staging area anyway.
 */
final class TableIngest {

    private final WorkSession connection;
    private final TableDelivery table;
    private final Pseudonymiser pseudonymiser;
    private final IdentifierDomain holderDomain;
    private final DeliveryObserver observer;
    private final String prefix;
    private final int threads;
    private final long partBytes;

    /** {@code threads} parse the file in parts of about {@code partBytes} (see {@link CsvStager}). */
    TableIngest(WorkSession connection, TableDelivery table, Pseudonymiser pseudonymiser, String holderId,
            DeliveryObserver observer, int index, int threads, long partBytes) {
        this.connection = connection;
        this.table = table;
        this.pseudonymiser = pseudonymiser;
        this.holderDomain = IdentifierDomain.holder(holderId);
        this.observer = observer;
        this.prefix = "t" + index + "_";
        this.threads = threads;
        this.partBytes = partBytes;
    }

    TableReport run(String sha256, Path publishDir) {
        String name = table.schema().name();
        List<CsvStager.Column> columns = new ArrayList<>();
        CsvStager.Result staged = new CsvStager(connection, table, prefix, observer, threads, partBytes)
                .stage(columns);
        WorkSession s = connection;
        try {
            Map<String, String> pseudonymTables = pseudonymise(columns);
            s.execute("CREATE TEMP TABLE " + prefix + "accepted AS SELECT s._row, " + selectList(columns, "s",
                    pseudonymTables, false) + " FROM " + prefix + "staged s" + joins(columns, "s", pseudonymTables));
            s.execute("CREATE TEMP TABLE " + prefix + "rejected_p AS SELECT r._row, r._reasons, " + selectList(columns, "r",
                    pseudonymTables, false) + " FROM " + prefix + "rejected r" + joins(columns, "r", pseudonymTables));
            for (String t : pseudonymTables.values()) {
                s.execute("DROP TABLE " + t);
            }
            s.execute("DROP TABLE " + prefix + "staged");
            s.execute("DROP TABLE " + prefix + "rejected");
            Map<String, Long> issues = new HashMap<>(staged.issues());
            long duplicates = findDuplicates(s, columns, issues);
            Path lakeFile = publishDir.resolve("tables").resolve(name + ".parquet");
            s.writeParquet("SELECT " + selectList(columns, "a", Map.of(), false) + " FROM " + prefix + "accepted a"
                    + " ANTI JOIN " + prefix + "dups d ON a._row = d._row", lakeFile);
            Path quarantineFile = publishDir.resolve("quarantine").resolve(name + ".parquet");
            s.writeParquet("SELECT r._row AS _record, list_concat(r._reasons, coalesce(d._reasons, []::VARCHAR[]))"
                    + " AS _reasons, " + selectList(columns, "r", Map.of(), false) + " FROM " + prefix + "rejected_p r"
                    + " LEFT JOIN " + prefix + "dups d ON r._row = d._row"
                    + " UNION ALL SELECT a._row, d._reasons, " + selectList(columns, "a", Map.of(), true)
                    + " FROM " + prefix + "accepted a JOIN " + prefix + "dups d ON a._row = d._row"
                    + " ORDER BY _record", quarantineFile);
            s.execute("DROP TABLE " + prefix + "accepted");
            s.execute("DROP TABLE " + prefix + "rejected_p");
            s.execute("DROP TABLE " + prefix + "dups");
            long rejected = staged.recordsRejected() + duplicates;
            return new TableReport(name, sha256, staged.recordsRead(), staged.recordsRead() - rejected, rejected,
                    staged.missingColumns(), staged.extraColumns(), issueCounts(issues));
        } catch (EngineException e) {
            throw new DeliveryException("Table " + name + ": writing the lake and quarantine files failed", e);
        }
    }

    /**
     * For each pseudonymised column: the distinct raw identifiers (staged and rejected records), their pseudonyms
     * computed in Java, appended to a two-column table {@code raw → pseudonym} that the later queries join.
     */
    private Map<String, String> pseudonymise(List<CsvStager.Column> columns) {
        Map<String, String> tables = new HashMap<>();
        int i = 0;
        for (CsvStager.Column c : columns) {
            if (c.treatment() == null || !c.treatment().pseudonymised()) {
                continue;
            }
            IdentifierDomain domain = c.treatment() == ColumnTreatment.NATIONAL_ID ? IdentifierDomain.NATIONAL
                    : holderDomain;
            String mapTable = prefix + "ids" + i++;
            String column = Sql.id(c.field().name());
            PseudonymMap.create(connection, pseudonymiser, domain, "SELECT DISTINCT v FROM (SELECT " + column
                    + " AS v FROM " + prefix + "staged UNION ALL SELECT " + column + " FROM " + prefix + "rejected)"
                    + " WHERE v IS NOT NULL", mapTable);
            tables.put(c.field().name(), mapTable);
        }
        return tables;
    }

    /** Column list; pseudonymised columns come from their map table, and {@code asText} casts all to VARCHAR. */
    private static String selectList(List<CsvStager.Column> columns, String alias, Map<String, String> pseudonymTables,
            boolean asText) {
        StringJoiner out = new StringJoiner(", ");
        int i = 0;
        for (CsvStager.Column c : columns) {
            String name = Sql.id(c.field().name());
            String value = pseudonymTables.containsKey(c.field().name()) ? "p" + i + ".pseudonym" : alias + "." + name;
            if (pseudonymTables.containsKey(c.field().name())) {
                i++;
            }
            out.add((asText ? "CAST(" + value + " AS VARCHAR)" : value) + " AS " + name);
        }
        return out.toString();
    }

    private static String joins(List<CsvStager.Column> columns, String alias, Map<String, String> pseudonymTables) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (CsvStager.Column c : columns) {
            String mapTable = pseudonymTables.get(c.field().name());
            if (mapTable != null) {
                out.append(" LEFT JOIN ").append(mapTable).append(" p").append(i).append(" ON p").append(i)
                        .append(".raw = ").append(alias).append('.').append(Sql.id(c.field().name()));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Records sharing a primary key, or a value of a unique field, are all quarantined: nothing tells which one is
     * right, and the result does not depend on record order. Keys are compared over every record of the file, the
     * valid ones (typed values as text) and the invalid ones (text as delivered), identifiers by pseudonym, so the
     * report names duplicates even among records rejected for other reasons. Keys are grouped by DuckDB (hash
     * aggregation spills to disk), never held in the heap. Returns how many valid records were moved to quarantine.
     */
    private long findDuplicates(WorkSession s, List<CsvStager.Column> columns, Map<String, Long> issues) {
        TableSchema schema = table.schema();
        s.execute("CREATE TEMP TABLE " + prefix + "dup_reasons (_row BIGINT, reason VARCHAR)");
        if (!schema.primaryKey().isEmpty() && keptColumns(columns, schema.primaryKey())) {
            s.execute(duplicateInsert(schema.primaryKey(), ReasonCode.DUPLICATE_PRIMARY_KEY));
        }
        for (Field field : schema.fields()) {
            if (field.constraints().unique() && keptColumns(columns, List.of(field.name()))
                    && !schema.primaryKey().equals(List.of(field.name()))) {
                s.execute(duplicateInsert(List.of(field.name()), ReasonCode.DUPLICATE_UNIQUE));
            }
        }
        s.forEachRow("SELECT reason, count(*) FROM " + prefix + "dup_reasons GROUP BY reason",
                row -> issues.merge(row.string(1), row.longValue(2), Long::sum));
        s.execute("CREATE TEMP TABLE " + prefix + "dups AS SELECT _row, list(reason ORDER BY reason) AS _reasons FROM "
                + prefix + "dup_reasons GROUP BY _row");
        s.execute("DROP TABLE " + prefix + "dup_reasons");
        return s.count(prefix + "accepted SEMI JOIN " + prefix + "dups USING (_row)");
    }

    private static boolean keptColumns(List<CsvStager.Column> columns, List<String> names) {
        return names.stream().allMatch(n -> columns.stream().anyMatch(c -> c.field().name().equals(n)));
    }

    private String duplicateInsert(List<String> keyColumns, ReasonCode reason) {
        StringJoiner accepted = new StringJoiner(", ");
        StringJoiner rejected = new StringJoiner(", ");
        StringJoiner keys = new StringJoiner(", ");
        StringJoiner on = new StringJoiner(" AND ");
        StringJoiner notNull = new StringJoiner(" AND ");
        for (String k : keyColumns) {
            String id = Sql.id(k);
            accepted.add("CAST(" + id + " AS VARCHAR) AS " + id);
            rejected.add(id);
            keys.add(id);
            on.add("r." + id + " = k." + id);
            notNull.add(id + " IS NOT NULL");
        }
        String label = reason.code() + ":" + String.join("+", keyColumns);
        return "INSERT INTO " + prefix + "dup_reasons WITH keyed AS (SELECT _row, " + accepted + " FROM " + prefix
                + "accepted UNION ALL SELECT _row, " + rejected + " FROM " + prefix + "rejected_p) SELECT r._row, "
                + Sql.literal(label) + " FROM keyed r SEMI JOIN (SELECT " + keys + " FROM keyed WHERE " + notNull
                + " GROUP BY ALL HAVING count(*) > 1) k ON " + on;
    }

    private static List<IssueCount> issueCounts(Map<String, Long> issues) {
        List<IssueCount> out = new ArrayList<>();
        issues.forEach((key, count) -> {
            int colon = key.indexOf(':');
            out.add(new IssueCount(key.substring(0, colon), key.substring(colon + 1), count));
        });
        out.sort(Comparator.comparingLong(IssueCount::records).reversed().thenComparing(IssueCount::reason)
                .thenComparing(IssueCount::column));
        return out;
    }
}
