package eu.guichet.dataplane.tabular;

import java.util.Locale;

/** Table Schema field types. Types Guichet does not check value by value ({@code object}, {@code array}, …) are {@link #ANY}. */
public enum FieldType {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, TIME, YEAR, YEARMONTH, ANY;

    static FieldType fromSchema(String name) {
        if (name == null || name.isBlank()) {
            return STRING; // Table Schema's default type
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            case "time" -> TIME;
            case "year" -> YEAR;
            case "yearmonth" -> YEARMONTH;
            default -> ANY;
        };
    }
}
