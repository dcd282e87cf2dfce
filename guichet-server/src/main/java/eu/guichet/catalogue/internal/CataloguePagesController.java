package eu.guichet.catalogue.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Basket;
import eu.guichet.catalogue.BasketItem;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.CatalogueSearch;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.SearchResults;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.CurrentUsers;

/**
 * The public catalogue pages: search with facets, a dataset's page (metadata, variables, access conditions), and
 * each signed-in user's basket, from which an access application starts.
 */
@Controller
class CataloguePagesController {

    private final CatalogueSearch search;
    private final CatalogueManagement catalogue;
    private final Basket basket;

    CataloguePagesController(CatalogueSearch search, CatalogueManagement catalogue, Basket basket) {
        this.search = search;
        this.catalogue = catalogue;
        this.basket = basket;
    }

    @GetMapping("/datasets")
    @AllowAnonymous
    String search(@RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) List<String> theme,
            @RequestParam(required = false) List<String> publisher,
            @RequestParam(required = false) List<String> access,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String structured, @RequestParam(defaultValue = "1") String page,
            Model model) {
        SearchQuery query = new SearchQuery(q, known(category, HealthCategory.class), known(theme, DataTheme.class),
                publisher == null ? Set.of() : new LinkedHashSet<>(publisher), known(access, AccessRights.class),
                year(from), year(to), "true".equals(structured) ? Boolean.TRUE : null,
                Optional.ofNullable(year(page)).orElse(1), SearchQuery.DEFAULT_PAGE_SIZE);
        SearchResults results = search.search(query);
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        model.addAttribute("pages", pageLinks(results));
        return "catalogue/search";
    }

    /**
     * A dataset's page. Published and retired datasets are public; its holder and the HDAB also see drafts and
     * submissions here, with their status.
     *
     * @param vq words that filter the variables table (without JavaScript; the page filters as one types)
     */
    @GetMapping("/datasets/{id}")
    @AllowAnonymous
    String dataset(@PathVariable UUID id, @RequestParam(required = false) String vq, Model model, Locale locale) {
        Optional<CurrentUser> caller = CurrentUsers.find();
        Dataset dataset = catalogue.getDataset(new DatasetId(id), caller);
        String filter = vq == null ? "" : vq.strip();
        List<TableView> tables = new ArrayList<>();
        for (VariableTable table : dataset.description().tables()) {
            List<Variable> shown = table.columns().stream().filter(v -> matches(table, v, filter, locale)).toList();
            tables.add(new TableView(table, shown));
        }
        model.addAttribute("dataset", dataset);
        model.addAttribute("d", dataset.description());
        model.addAttribute("tables", tables);
        model.addAttribute("variableFilter", filter);
        model.addAttribute("signedIn", caller.isPresent());
        model.addAttribute("canChoose", caller.isPresent() && dataset.status() == DatasetStatus.PUBLISHED);
        model.addAttribute("inBasket", caller.flatMap(c -> basket.item(c, dataset.id())).orElse(null));
        return "catalogue/dataset";
    }

    /** A table of the dataset's variables with the columns the filter kept. */
    record TableView(VariableTable table, List<Variable> shown) {
    }

    @PostMapping("/datasets/{id}/basket")
    @AllowAuthenticated
    String putInBasket(@PathVariable UUID id, @RequestParam(required = false) List<String> variables,
            CurrentUser caller, RedirectAttributes redirect) {
        try {
            basket.put(caller, new DatasetId(id), variables == null ? List.of() : variables);
            redirect.addFlashAttribute("added", id);
            return "redirect:/basket";
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refused", e.code());
            return "redirect:/datasets/" + id;
        }
    }

    @GetMapping("/basket")
    @AllowAuthenticated
    String basket(Model model, CurrentUser caller) {
        List<BasketItem> items = basket.items(caller);
        model.addAttribute("items", items);
        model.addAttribute("canApply", caller.hasRole(eu.guichet.security.Role.APPLICANT));
        return "catalogue/basket";
    }

    @PostMapping("/basket/{datasetId}/remove")
    @AllowAuthenticated
    String removeFromBasket(@PathVariable UUID datasetId, CurrentUser caller, RedirectAttributes redirect) {
        try {
            basket.remove(caller, new DatasetId(datasetId));
            redirect.addFlashAttribute("removed", true);
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refused", e.code());
        }
        return "redirect:/basket";
    }

    private static boolean matches(VariableTable table, Variable v, String filter, Locale locale) {
        if (filter.isEmpty()) {
            return true;
        }
        String words = String.join(" ", table.name(), v.name(), text(v.title(), locale), text(v.description(),
                locale)).toLowerCase(Locale.ROOT);
        return words.contains(filter.toLowerCase(Locale.ROOT));
    }

    private static String text(LocalizedText t, Locale locale) {
        String s = t == null ? null : t.in(locale);
        return s == null ? "" : s;
    }

    /** The values of a facet the page knows; a stale or hand-typed value is dropped, not an error page. */
    private static <E extends Enum<E>> Set<E> known(List<String> values, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String value : values == null ? List.<String>of() : values) {
            Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst()
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Integer year(String value) {
        if (value == null || !value.strip().matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(value.strip());
    }

    /** Links to the first, last and nearby pages of results, keeping the query and filters. */
    private static List<PageLink> pageLinks(SearchResults results) {
        List<PageLink> links = new ArrayList<>();
        int last = results.pageCount();
        for (int p = 1; p <= last; p++) {
            if (p != 1 && p != last && Math.abs(p - results.page()) > 2) {
                continue;
            }
            links.add(new PageLink(p, ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", p)
                    .build().toUriString(), p == results.page()));
        }
        return links;
    }

    record PageLink(int number, String href, boolean current) {
    }
}
