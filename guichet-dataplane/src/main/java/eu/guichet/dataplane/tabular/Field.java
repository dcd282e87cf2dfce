package eu.guichet.dataplane.tabular;

import java.util.List;
import java.util.Objects;

/**
 * One field (column) of a Table Schema.
 *
 * @param name        column name as in the CSV header
 * @param type        Table Schema type
 * @param format      Table Schema format ({@code default}, or a strftime pattern such as {@code %d%m%Y} for dates)
 * @param constraints Table Schema constraints
 * @param trueValues  text values read as true ({@code null}: Table Schema's defaults)
 * @param falseValues text values read as false ({@code null}: Table Schema's defaults)
 * @param description free text from the schema
 * @param nomenclature SNDS extra: the code list (nomenclature) the values come from, or {@code -}
 * @param length      SNDS extra: the declared storage length in the source system, as text
 */
public record Field(String name, FieldType type, String format, FieldConstraints constraints, List<String> trueValues,
        List<String> falseValues, String description, String nomenclature, String length) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A field needs a name");
        }
        format = format == null || format.isBlank() ? "default" : format;
        constraints = constraints == null ? FieldConstraints.NONE : constraints;
        trueValues = trueValues == null ? null : List.copyOf(trueValues);
        falseValues = falseValues == null ? null : List.copyOf(falseValues);
    }

    /** A field with only a name and a type (tests, generated schemas). */
    public static Field of(String name, FieldType type) {
        return new Field(name, type, "default", FieldConstraints.NONE, null, null, null, null, null);
    }

    public Field withConstraints(FieldConstraints newConstraints) {
        return new Field(name, type, format, newConstraints, trueValues, falseValues, description, nomenclature, length);
    }
}
