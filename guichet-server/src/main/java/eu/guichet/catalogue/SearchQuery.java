package eu.guichet.catalogue;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user asks the catalogue: words (any language, accents optional) and facet filters. Values within one facet
 * are alternatives (OR); facets combine (AND). Pages count from 1.
 *
 * @param text           free text; blank: every published dataset
 * @param publishers     publisher names, as the publisher facet returns them
 * @param coveredFrom    with {@code coveredTo}: the dataset's temporal coverage overlaps these years (either open)
 * @param structuredData {@code true}: only datasets whose variables are described; {@code null}: any
 */
public record SearchQuery(String text, Set<HealthCategory> categories, Set<DataTheme> themes, Set<String> publishers,
        Set<AccessRights> accessRights, Integer coveredFrom, Integer coveredTo, Boolean structuredData, int page,
        int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Longest text kept; longer text is cut (the search uses a handful of words anyway). */
    public static final int MAX_TEXT_LENGTH = 500;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        text = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        themes = themes == null || themes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(themes));
        publishers = publishers == null ? Set.of() : Set.copyOf(publishers);
        accessRights = accessRights == null ? Set.of() : Set.copyOf(accessRights);
        page = Math.max(1, page);
        pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    }

    /** Words only, first page. */
    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, 1, DEFAULT_PAGE_SIZE);
    }
}
