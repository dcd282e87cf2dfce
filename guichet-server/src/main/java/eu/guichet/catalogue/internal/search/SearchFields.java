package eu.guichet.catalogue.internal.search;

import java.util.List;

import eu.guichet.catalogue.internal.search.SearchAnalysis.Language;

/**
 * The index's field names. Two kinds of documents, each in its own Lucene index: one per published dataset, and one
 * per variable of it (to tell which variables matched); both carry the dataset's id, so one delete term removes a
 * dataset whole.
 */
final class SearchFields {

    /** The dataset's UUID, on both kinds of documents. */
    static final String DATASET_ID = "datasetId";

    /** Text groups of a dataset document, each indexed once per language; {@code variable} is a variable's own. */
    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String VARIABLES = "variables";
    static final String DESCRIPTION = "description";
    static final String VARIABLE_TEXT = "variable";
    static final List<String> TEXT_GROUPS = List.of(TITLE, KEYWORDS, VARIABLES, DESCRIPTION, VARIABLE_TEXT);

    /** Names (variables, {@code TABLE.COLUMN}, tables, the identifier) kept whole, and split into parts. */
    static final String NAME = "name";
    static final String NAME_PART = "name.part";
    static final String VARIABLE_NAME = "variable.name";
    static final String VARIABLE_NAME_PART = "variable.name.part";

    /** Overlap filter on coverage years (a point per year). */
    static final String COVERAGE_YEAR = "coverageYear";
    /** Sort key for blank queries: folded title, then identifier. */
    static final String SORT_KEY = "sortKey";

    /** Stored values of a hit. */
    static final String IDENTIFIER = "identifier";
    static final String TITLE_FR = "title.fr.stored";
    static final String TITLE_EN = "title.en.stored";
    static final String SUMMARY_FR = "summary.fr";
    static final String SUMMARY_EN = "summary.en";
    static final String PUBLISHER = "publisher";
    static final String ACCESS_RIGHTS = "accessRights";
    static final String CATEGORY = "category";
    static final String COVERAGE_START = "coverage.start";
    static final String COVERAGE_END = "coverage.end";
    static final String REF = "ref";

    /** Facet dimensions, named as {@code SearchResults.Facet} names them. */
    static final String FACET_CATEGORY = "category";
    static final String FACET_THEME = "theme";
    static final String FACET_PUBLISHER = "publisher";
    static final String FACET_ACCESS = "accessRights";
    static final String FACET_COVERAGE = "coverage";
    static final String FACET_STRUCTURED = "structuredData";
    static final List<String> FACETS = List.of(FACET_CATEGORY, FACET_THEME, FACET_PUBLISHER, FACET_ACCESS,
            FACET_COVERAGE, FACET_STRUCTURED);

    static String text(String group, Language language) {
        return group + "." + language.name().toLowerCase(java.util.Locale.ROOT);
    }

    private SearchFields() {
    }
}
