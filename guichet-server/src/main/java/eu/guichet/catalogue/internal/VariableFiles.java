package eu.guichet.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.VariableTable;
import eu.guichet.catalogue.internal.variables.CsvwImport;
import eu.guichet.catalogue.internal.variables.TableSchemaImport;
import eu.guichet.catalogue.internal.variables.VariableImportException;
import eu.guichet.problem.ValidationException;

/**
 * Reads an uploaded variables file — a Table Schema (the SNDS schemas' format, one table) or CSVW metadata (one or
 * more tables) — and merges its tables into a description: a table of the same name is replaced, others added.
 */
@Component
class VariableFiles {

    private final TableSchemaImport tableSchema = new TableSchemaImport();
    private final CsvwImport csvw = new CsvwImport();

    DatasetDescription merge(DatasetDescription d, String fileName, byte[] json) {
        List<VariableTable> read = read(fileName == null ? "upload.json" : fileName, json);
        List<VariableTable> tables = new ArrayList<>(d.tables());
        for (VariableTable t : read) {
            tables.removeIf(existing -> existing.name().equals(t.name()));
            tables.add(t);
        }
        return withTables(d, tables, true);
    }

    static DatasetDescription withoutTable(DatasetDescription d, String name) {
        return withTables(d, d.tables().stream().filter(t -> !t.name().equals(name)).toList(), d.hasStructuredData());
    }

    private List<VariableTable> read(String fileName, byte[] json) {
        try {
            return isCsvw(json) ? csvw.read(json, fileName) : List.of(tableSchema.read(json, fileName));
        } catch (VariableImportException e) {
            throw new ValidationException(VariableImportException.CODE, e.getMessage(),
                    List.of(new ValidationException.FieldError("tables", e.problem())));
        }
    }

    /** CSVW metadata has {@code tables} or {@code tableSchema}; a Table Schema has {@code fields}. */
    private static boolean isCsvw(byte[] json) {
        String head = new String(json, 0, Math.min(json.length, 4096), StandardCharsets.UTF_8);
        return head.contains("\"tableSchema\"") || head.contains("\"tables\"") || head.contains("csvw");
    }

    private static DatasetDescription withTables(DatasetDescription d, List<VariableTable> tables,
            boolean structured) {
        return new DatasetDescription(d.identifier(), d.title(), d.description(), d.keywords(), d.themes(),
                d.healthCategories(), d.accessRights(), d.applicableLegislation(), d.type(), d.provenance(),
                d.temporalCoverage(), d.spatial(), d.populationCoverage(), d.numberOfRecords(),
                d.numberOfUniqueIndividuals(), d.minTypicalAge(), d.maxTypicalAge(), d.retentionPeriod(),
                d.legalBasis(), d.purpose(), d.contactPoint(), d.publisher(), d.custodian(), d.hdab(),
                d.trustedHolder(), d.languages(), d.accrualPeriodicity(), d.conformsTo(), d.codingSystems(),
                d.codeValues(), d.personalData(), d.distributions(), structured, tables);
    }
}
