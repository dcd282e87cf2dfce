package eu.guichet.catalogue;

import java.util.List;

/**
 * One page of matching datasets, best first, with the facets' counts over all matches (each facet counted as if
 * its own filter were not set, so a user sees what choosing another value would give).
 */
public record SearchResults(long total, int page, int pageSize, List<SearchHit> hits, List<Facet> facets) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /**
     * A facet and its values with counts.
     *
     * @param name one of {@code category}, {@code theme}, {@code publisher}, {@code accessRights}, {@code coverage}
     *             (years), {@code structuredData}
     */
    public record Facet(String name, List<FacetValue> values) {

        public Facet {
            values = List.copyOf(values);
        }
    }

    /** @param value the enum name, publisher name, year or {@code true}/{@code false} */
    public record FacetValue(String value, long count, boolean selected) {
    }
}
