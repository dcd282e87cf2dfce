package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Table Schema (https://specs.frictionlessdata.io/table-schema/) as the SNDS publishes them: fields, primary key,
 * missing values; foreign keys are kept for the record but not checked here (they cross tables and deliveries).
 *
 * @param name          table name ({@code name}, e.g. {@code ER_PRS_F}); also the Parquet file name, so it is
 *                      restricted to letters, digits, {@code _} and {@code -}
 * @param title         human title, may be {@code null}
 * @param fields        fields in schema order
 * @param primaryKey    primary-key field names (empty when none)
 * @param missingValues texts that mean "no value" (Table Schema default: the empty string)
 * @param foreignKeys   foreign keys as declared
 */
public record TableSchema(String name, String title, List<Field> fields, List<String> primaryKey,
        List<String> missingValues, List<ForeignKey> foreignKeys) {

    /** A declared foreign key: local fields referencing fields of another table (resource). */
    public record ForeignKey(List<String> fields, String resource, List<String> referencedFields) {
        public ForeignKey {
            fields = List.copyOf(fields);
            referencedFields = List.copyOf(referencedFields);
        }
    }

    public TableSchema {
        if (name == null) {
            throw new TableSchemaException("A table schema has a 'name'");
        }
        if (!name.matches("[A-Za-z0-9_\\-]{1,128}")) {
            throw new TableSchemaException("A table name holds only letters, digits, '_' and '-'");
        }
        fields = List.copyOf(fields);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        missingValues = missingValues == null ? List.of("") : List.copyOf(missingValues);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        if (fields.isEmpty()) {
            throw new TableSchemaException("Table " + name + " has no fields");
        }
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new TableSchemaException("Table " + name + " declares field " + field.name() + " twice");
            }
        }
        for (String key : primaryKey) {
            if (!names.contains(key)) {
                throw new TableSchemaException("Primary key field " + key + " is not a field of " + name);
            }
        }
    }

    /** Reads a Table Schema JSON file. */
    public static TableSchema read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return TableSchemaReader.read(in);
        } catch (IOException e) {
            throw new TableSchemaException("Cannot read the table schema " + file.getFileName(), e);
        }
    }

    /** Reads a Table Schema JSON document. */
    public static TableSchema read(InputStream json) {
        return TableSchemaReader.read(json);
    }

    public Optional<Field> findField(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
