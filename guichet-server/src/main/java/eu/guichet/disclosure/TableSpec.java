package eu.guichet.disclosure;

import java.util.List;
import java.util.Optional;

/**
 * The shape of the table to release, as columns of the saved query: the dimensions (categories), who contributes
 * (person, stay, hospital...) and, for a magnitude table, the amount summed (empty: a frequency table, each
 * contributor counted once). The check re-runs the query and groups its rows this way, so dominance and p% see each
 * contributor's value.
 */
public record TableSpec(List<String> dimensions, String contributor, Optional<String> value) {

    public TableSpec {
        dimensions = List.copyOf(dimensions);
    }
}
