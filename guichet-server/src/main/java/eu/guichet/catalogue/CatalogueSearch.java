package eu.guichet.catalogue;

/**
 * Full-text and faceted search over the published catalogue (titles, descriptions, keywords and variables, in French
 * and English). Public: a dataset's metadata is public even when its data is not. The index follows
 * {@link DatasetPublished} and {@link DatasetRetired} and is rebuilt from the database at start.
 */
public interface CatalogueSearch {

    SearchResults search(SearchQuery query);
}
