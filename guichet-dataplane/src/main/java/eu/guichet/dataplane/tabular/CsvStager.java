package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;

/**
 * Streams one CSV file record by record into two DuckDB tables: {@code <p>staged} (valid records, typed) and
 * {@code <p>rejected} (invalid ones, as text, with their reasons). Nothing but the current record is held in the heap.
 * Removed columns never reach DuckDB; birth dates are cut to their year here; identifiers stay raw until
 * {@link TableIngest} joins their pseudonyms.
 */
final class CsvStager {

    /** Output columns: the schema's fields except the removed ones. */
    record Column(Field field, FieldCheck check, ColumnTreatment treatment, int csvIndex) {
        String stagedType() {
            if (treatment == ColumnTreatment.BIRTH_DATE_TO_YEAR) {
                return "INTEGER";
            }
            return treatment != null && treatment.pseudonymised() ? "VARCHAR" : check.sqlType();
        }
    }

    record Result(long recordsRead, long recordsRejected, List<String> missingColumns, List<String> extraColumns,
            Map<String, Long> issues) {
    }

    private static final int INTERRUPT_CHECK_EVERY = 1024;

    private final WorkSession connection;
    private final TableDelivery table;
    private final String prefix;
    private final DeliveryObserver observer;

    CsvStager(WorkSession connection, TableDelivery table, String prefix, DeliveryObserver observer) {
        this.connection = connection;
        this.table = table;
        this.prefix = prefix;
        this.observer = observer;
    }

    /** Reads the file, returning the columns (for the later steps) through {@code columnsOut}. */
    Result stage(List<Column> columnsOut) {
        TableSchema schema = table.schema();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(table.delimiter()).get();
        try (Reader reader = Files.newBufferedReader(table.csvFile(), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new DeliveryException("Table " + schema.name() + ": the file has no header line");
            }
            List<String> header = header(records.next());
            Map<String, Integer> positions = new HashMap<>();
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (schema.findField(name).isEmpty() || positions.putIfAbsent(name, i) != null) {
                    extra.add(name);
                }
            }
            List<String> missing = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            List<FieldCheck> allChecks = new ArrayList<>();
            List<Integer> allPositions = new ArrayList<>();
            for (Field field : schema.fields()) {
                Integer position = positions.get(field.name());
                if (position == null) {
                    missing.add(field.name());
                }
                FieldCheck check = new FieldCheck(field, schema.missingValues(),
                        schema.primaryKey().contains(field.name()));
                allChecks.add(check);
                allPositions.add(position == null ? -1 : position);
                ColumnTreatment treatment = table.treatment(field.name());
                if (treatment != ColumnTreatment.REMOVE) {
                    columns.add(new Column(field, check, treatment, allChecks.size() - 1));
                }
            }
            createTables(columns);
            Map<String, Long> issues = new LinkedHashMap<>();
            long read = 0;
            long rejected = 0;
            try (Appender staged = connection.append(WorkSession.MAIN, prefix + "staged");
                    Appender quarantined = connection.append(WorkSession.MAIN, prefix + "rejected")) {
                FieldCheck.Outcome[] outcomes = new FieldCheck.Outcome[allChecks.size()];
                String[] raws = new String[allChecks.size()];
                List<String> reasons = new ArrayList<>();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    read++;
                    reasons.clear();
                    if (record.size() != header.size()) {
                        reasons.add(ReasonCode.ROW_WIDTH.code() + ":*");
                    }
                    for (int f = 0; f < outcomes.length; f++) {
                        int position = allPositions.get(f);
                        raws[f] = position >= 0 && position < record.size() ? record.get(position) : null;
                        outcomes[f] = allChecks.get(f).check(raws[f]);
                        if (!outcomes[f].ok()) {
                            reasons.add(outcomes[f].reason().code() + ":" + allChecks.get(f).field().name());
                        }
                    }
                    if (reasons.isEmpty()) {
                        appendStaged(staged, read, columns, outcomes, raws);
                    } else {
                        rejected++;
                        for (String reason : reasons) {
                            issues.merge(reason, 1L, Long::sum);
                        }
                        appendRejected(quarantined, read, reasons, columns, outcomes, raws);
                    }
                    observer.recordRead(schema.name(), read);
                    if (read % INTERRUPT_CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                        throw new DeliveryException("Delivery interrupted while reading " + schema.name());
                    }
                }
            }
            columnsOut.addAll(columns);
            return new Result(read, rejected, missing, extra, issues);
        } catch (IOException | UncheckedIOException e) {
            throw new DeliveryException("Table " + schema.name() + ": the CSV file cannot be read (line structure)", e);
        } catch (EngineException e) {
            throw new DeliveryException("Table " + schema.name() + ": staging failed", e);
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> names = new ArrayList<>(record.toList());
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1)); // byte order mark
        }
        return names;
    }

    private void createTables(List<Column> columns) {
        StringBuilder staged = new StringBuilder("CREATE TABLE " + prefix + "staged (_row BIGINT");
        StringBuilder rejected = new StringBuilder("CREATE TABLE " + prefix + "rejected (_row BIGINT, _reasons VARCHAR[]");
        for (Column c : columns) {
            staged.append(", ").append(Sql.id(c.field().name())).append(' ').append(c.stagedType());
            rejected.append(", ").append(Sql.id(c.field().name())).append(" VARCHAR");
        }
        connection.execute(staged.append(')').toString());
        connection.execute(rejected.append(')').toString());
    }

    private static void appendStaged(Appender appender, long row, List<Column> columns,
            FieldCheck.Outcome[] outcomes, String[] raws) {
        Object[] values = new Object[columns.size() + 1];
        values[0] = row;
        int i = 1;
        for (Column c : columns) {
            Object value = outcomes[c.csvIndex()].value();
            if (c.treatment() == ColumnTreatment.BIRTH_DATE_TO_YEAR) {
                value = FieldCheck.yearOf(value);
            } else if (c.treatment() != null && c.treatment().pseudonymised()) {
                value = value == null ? null : raws[c.csvIndex()];
            }
            values[i++] = value;
        }
        appender.row(values);
    }

    private static void appendRejected(Appender appender, long row, List<String> reasons, List<Column> columns,
            FieldCheck.Outcome[] outcomes, String[] raws) {
        Object[] values = new Object[columns.size() + 2];
        values[0] = row;
        values[1] = List.copyOf(reasons);
        int i = 2;
        for (Column c : columns) {
            String raw = raws[c.csvIndex()];
            if (c.treatment() == ColumnTreatment.BIRTH_DATE_TO_YEAR) {
                Integer year = FieldCheck.yearOf(outcomes[c.csvIndex()].value());
                raw = year == null ? null : year.toString(); // an unreadable birth date is not kept at all
            }
            values[i++] = raw;
        }
        appender.row(values);
    }
}
