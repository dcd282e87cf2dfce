package eu.guichet.dataplane.tabular;

import java.util.List;

/**
 * The Table Schema constraints of one field. Bounds are kept as the schema spells them and compared after parsing
 * with the field's type; {@code null} means absent.
 */
public record FieldConstraints(boolean required, boolean unique, Integer minLength, Integer maxLength,
        String pattern, List<String> enumValues, String minimum, String maximum) {

    public static final FieldConstraints NONE = new FieldConstraints(false, false, null, null, null, null, null, null);

    public FieldConstraints {
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }

    public FieldConstraints withRequired() {
        return new FieldConstraints(true, unique, minLength, maxLength, pattern, enumValues, minimum, maximum);
    }
}
