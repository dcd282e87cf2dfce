package eu.guichet.transparency.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Purpose;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.problem.ValidationException;
import eu.guichet.transparency.RegisterQuery;

/**
 * The register's filters as pages and the API receive them: {@code status} (an application status), {@code purpose}
 * (an Art. 53 letter such as {@code e}, or its name), {@code dataset} (a dataset id), {@code year} (of receipt),
 * {@code page}, {@code size}. Blank means no filter; anything else unknown is refused (422
 * {@code transparency.filter_invalid}).
 */
record RegisterFilters(String status, String purpose, String dataset, String year, String page, String size) {

    RegisterQuery toQuery() {
        return new RegisterQuery(
                blank(status) ? Optional.empty() : Optional.of(parse("status", () -> ApplicationStatus.valueOf(
                        status.strip().toUpperCase(Locale.ROOT)))),
                blank(purpose) ? Optional.empty() : Optional.of(purpose(purpose.strip())),
                blank(dataset) ? Optional.empty() : Optional.of(parse("dataset", () -> new DatasetId(
                        UUID.fromString(dataset.strip())))),
                blank(year) ? Optional.empty() : Optional.of(parse("year", () -> Integer.parseInt(year.strip()))),
                blank(page) ? 1 : parse("page", () -> Integer.parseInt(page.strip())),
                blank(size) ? RegisterQuery.DEFAULT_SIZE : parse("size", () -> Integer.parseInt(size.strip())));
    }

    private static Purpose purpose(String text) {
        return Purpose.fromLetter(text).or(() -> Arrays.stream(Purpose.values())
                .filter(p -> p.name().equalsIgnoreCase(text)).findFirst())
                .orElseThrow(() -> invalid("purpose"));
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
    }

    private static ValidationException invalid(String field) {
        return new ValidationException("transparency.filter_invalid", "Unknown value for the filter '" + field
                + "'.", List.of(new ValidationException.FieldError(field, "unknown value")));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
