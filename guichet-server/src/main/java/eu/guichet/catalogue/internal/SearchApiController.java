package eu.guichet.catalogue.internal;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.CatalogueSearch;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.SearchResults;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowAnonymous;

/**
 * Search of the published catalogue (public metadata, no sign-in). Repeat a parameter for several values of one
 * facet (alternatives); different facets combine. Enum values are the codes the facets return ({@code HRAD},
 * {@code HEAL}, {@code NON_PUBLIC}); an unknown one is refused (400 {@code request.parameter_invalid}).
 */
@RestController
@RequestMapping("/api")
class SearchApiController {

    private final CatalogueSearch search;

    SearchApiController(CatalogueSearch search) {
        this.search = search;
    }

    @GetMapping("/catalogue/datasets")
    @AllowAnonymous
    SearchResults search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Set<HealthCategory> category,
            @RequestParam(required = false) Set<DataTheme> theme,
            @RequestParam(required = false) Set<String> publisher,
            @RequestParam(required = false) Set<AccessRights> access,
            @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
            @RequestParam(required = false) Boolean structured,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + SearchQuery.DEFAULT_PAGE_SIZE) int size) {
        if (from != null && to != null && from > to) {
            throw new ValidationException("catalogue.search_period_invalid",
                    "'from' must not be after 'to'.", List.of(new ValidationException.FieldError("from",
                            "not after 'to'")));
        }
        if (page < 1 || size < 1 || size > SearchQuery.MAX_PAGE_SIZE) {
            throw new ValidationException("catalogue.search_page_invalid", "Pages count from 1 and hold 1 to "
                    + SearchQuery.MAX_PAGE_SIZE + " datasets.", List.of(new ValidationException.FieldError(
                            page < 1 ? "page" : "size", "out of range")));
        }
        return search.search(new SearchQuery(q, category, theme, publisher, access, from, to, structured, page,
                size));
    }
}
