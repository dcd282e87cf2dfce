package eu.guichet.dataplane.fhir;

/**
 * How a flat column is derived from the element its path selects: what is checked, what is kept, and the column's
 * type in the lake (DuckDB/Parquet) and in its ViewDefinition.
 */
enum Derivation {
    /** {@code Resource.id}, pseudonymised in the holder's patient-identifier domain. */
    RESOURCE_ID("VARCHAR", "id"),
    /**
     * A national identifier (a French NIR: 13 characters, the 2-digit key checked), pseudonymised in the national
     * domain so the person links across holders and to opt-outs; any other value gives no value (not an error).
     */
    NATIONAL_ID("VARCHAR", "string"),
    /** A reference to a Patient ({@code Patient/<id>} or {@code urn:uuid:<id>}), pseudonymised like the id. */
    PATIENT_REFERENCE("VARCHAR", "string"),
    /** A reference to an Encounter, pseudonymised like the id. */
    ENCOUNTER_REFERENCE("VARCHAR", "string"),
    /** A FHIR {@code code} (or a short coded string); must be a JSON string. */
    CODE("VARCHAR", "code"),
    /** A code system: must be an absolute URI. */
    SYSTEM("VARCHAR", "uri"),
    /** A JSON number. */
    DECIMAL("DOUBLE", "decimal"),
    /** A FHIR date or dateTime, kept to the day (partial dates give no value). */
    DAY("DATE", "date"),
    /** A FHIR date, kept to its year. */
    YEAR("INTEGER", "integer"),
    /** A postal code, kept to its first three characters. */
    POSTCODE_PREFIX("VARCHAR", "string");

    private final String sqlType;
    private final String viewType;

    Derivation(String sqlType, String viewType) {
        this.sqlType = sqlType;
        this.viewType = viewType;
    }

    String sqlType() {
        return sqlType;
    }

    /** The column type in the ViewDefinition (a FHIR primitive type name). */
    String viewType() {
        return viewType;
    }

    /** Pseudonymised in the holder's patient-identifier domain. */
    boolean pseudonymised() {
        return this == RESOURCE_ID || this == PATIENT_REFERENCE || this == ENCOUNTER_REFERENCE;
    }
}
