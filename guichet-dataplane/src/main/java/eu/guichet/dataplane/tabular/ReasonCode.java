package eu.guichet.dataplane.tabular;

/**
 * Why a record was quarantined. The codes are stable (they are stored in quarantine files and reports) and, with a
 * column name, are all a reason says: a reason never quotes a value.
 */
public enum ReasonCode {
    /** The record has more or fewer cells than the header. Column {@code *}. */
    ROW_WIDTH("row_width"),
    /** A value does not parse as the field's type and format. */
    TYPE("type"),
    /** A required field (or a primary-key field) is missing or holds a missing value. */
    REQUIRED("required"),
    MIN_LENGTH("min_length"),
    MAX_LENGTH("max_length"),
    PATTERN("pattern"),
    ENUM("enum"),
    MINIMUM("minimum"),
    MAXIMUM("maximum"),
    /** Several records share a primary key; all of them are quarantined. Column: the key fields joined by {@code +}. */
    DUPLICATE_PRIMARY_KEY("duplicate_primary_key"),
    /** Several records share a value of a field declared unique; all of them are quarantined. */
    DUPLICATE_UNIQUE("duplicate_unique"),
    /** FHIR: the line is not one well-formed JSON object. Column {@code *}. */
    NOT_JSON("not_json"),
    /** FHIR: the resource's {@code resourceType} is not the one its file holds. Column {@code resourceType}. */
    RESOURCE_TYPE("resource_type"),
    /** FHIR: a coding's system is missing (while it has a code) or is not an absolute URI. */
    CODE_SYSTEM("code_system"),
    /**
     * FHIR: a reference does not point to a resource of the expected type, or points to a patient that is not among
     * the delivery's accepted patients.
     */
    REFERENCE("reference");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code min_length}. */
    public String code() {
        return code;
    }

    public static ReasonCode fromCode(String code) {
        for (ReasonCode r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown reason code");
    }
}
