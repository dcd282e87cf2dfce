package eu.guichet.catalogue.internal.rdf;

import java.net.URI;

/**
 * One page of the catalogue for harvesters (Hydra paging).
 *
 * @param number     1-based page number
 * @param size       datasets per page
 * @param totalItems datasets in the whole catalogue
 * @param pageBase   the page IRIs are {@code pageBase?page=N} (or {@code &page=N} when it has a query)
 */
public record CataloguePage(int number, int size, long totalItems, URI pageBase) {

    public CataloguePage {
        if (number < 1 || size < 1 || totalItems < 0) {
            throw new IllegalArgumentException("page number and size start at 1; total is not negative");
        }
    }

    public int lastNumber() {
        return (int) Math.max(1, (totalItems + size - 1) / size);
    }

    URI iri(int page) {
        String base = pageBase.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "page=" + page);
    }
}
