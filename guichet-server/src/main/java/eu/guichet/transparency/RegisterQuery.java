package eu.guichet.transparency;

import java.util.Optional;

import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Purpose;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.problem.ValidationException;

/**
 * Filters and page of a register search; absent filters do not filter.
 *
 * @param year   the year the application was received
 * @param page   from 1
 */
public record RegisterQuery(Optional<ApplicationStatus> status, Optional<Purpose> purpose,
        Optional<DatasetId> dataset, Optional<Integer> year, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public RegisterQuery {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new ValidationException("transparency.page_invalid", "Pages count from 1 and hold 1 to "
                    + MAX_SIZE + " entries.", java.util.List.of(new ValidationException.FieldError(
                            page < 1 ? "page" : "size", "out of range")));
        }
    }

    public static RegisterQuery all() {
        return new RegisterQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1,
                DEFAULT_SIZE);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
