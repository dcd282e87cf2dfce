package eu.guichet.catalogue.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetDescription.Keywords;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;
import eu.guichet.catalogue.SearchHit;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.SearchResults;
import eu.guichet.catalogue.SearchResults.Facet;
import eu.guichet.catalogue.SearchResults.FacetValue;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;

/** The index against hand-built descriptions: facets, filters, lifecycle, hostile input. No Spring. */
@Tag("unit")
class CatalogueIndexTest {

    final CatalogueIndex index = CatalogueIndex.inMemory();

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    // claims: HRAD, CNAM, 2010-2012, structured; stays: HRAD+EHRS, ATIH, 2011-2013; deaths: MRMR, CépiDc, 2015-2016
    final Dataset claims = DemoIndex.published(dataset("T-CLAIMS", "Remboursements de soins", "Health claims",
            Set.of(HealthCategory.HRAD), "CNAM", AccessRights.NON_PUBLIC, 2010, 2012,
            table("ER_PRS_F", variable("PRS_NAT_REF", "Nature de la prestation", "Type of service"))));
    final Dataset stays = DemoIndex.published(dataset("T-STAYS", "Séjours hospitaliers", "Hospital stays",
            Set.of(HealthCategory.HRAD, HealthCategory.EHRS), "ATIH", AccessRights.NON_PUBLIC, 2011, 2013,
            table("T_MCOaaB", variable("DGN_PAL", "Diagnostic principal", "Main diagnosis"))));
    final Dataset deaths = DemoIndex.published(dataset("T-DEATHS", "Causes médicales de décès", "Causes of death",
            Set.of(HealthCategory.MRMR), "CépiDc", AccessRights.RESTRICTED, 2015, 2016,
            table("KI_CCI_R", variable("BEN_DCD_DTE", "Date de décès", "Date of death"),
                    variable("DCD_CIM_COD", "Cause initiale du décès", "Underlying cause of death"))));

    @Test
    void a_blank_query_lists_every_published_dataset_by_title() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        SearchResults all = index.search(SearchQuery.text("  "));
        assertThat(all.total()).isEqualTo(3);
        assertThat(identifiers(all)).containsExactly("T-DEATHS", "T-CLAIMS", "T-STAYS");
        assertThat(all.hits()).allSatisfy(h -> assertThat(h.matchedVariables()).isEmpty());
    }

    @Test
    void facets_count_all_matches_and_each_facet_ignores_its_own_filter() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        SearchResults results = index.search(query(Set.of(HealthCategory.HRAD), Set.of(), null, null));
        assertThat(identifiers(results)).containsExactlyInAnyOrder("T-CLAIMS", "T-STAYS");
        assertThat(counts(results, "category")).as("drill sideways: the other categories keep their counts")
                .isEqualTo(Map.of("HRAD", 2L, "EHRS", 1L, "MRMR", 1L));
        assertThat(facet(results, "category").values()).filteredOn(FacetValue::selected)
                .extracting(FacetValue::value).containsExactly("HRAD");
        assertThat(counts(results, "publisher")).as("other facets count the filtered matches")
                .isEqualTo(Map.of("CNAM", 1L, "ATIH", 1L));
        assertThat(counts(results, "accessRights")).isEqualTo(Map.of("NON_PUBLIC", 2L));
        assertThat(counts(results, "theme")).isEqualTo(Map.of("HEAL", 2L));
        assertThat(counts(results, "structuredData")).isEqualTo(Map.of("true", 2L));
        assertThat(facet(results, "coverage").values()).extracting(FacetValue::value)
                .containsExactly("2010", "2011", "2012", "2013");
    }

    @Test
    void values_within_a_facet_are_alternatives_and_facets_combine() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        assertThat(identifiers(index.search(query(Set.of(HealthCategory.EHRS, HealthCategory.MRMR), Set.of(), null,
                null)))).containsExactlyInAnyOrder("T-STAYS", "T-DEATHS");
        SearchResults both = index.search(query(Set.of(HealthCategory.HRAD), Set.of("ATIH", "CépiDc"), null, null));
        assertThat(identifiers(both)).containsExactly("T-STAYS");
        assertThat(counts(both, "publisher")).as("publishers over HRAD only, own filter ignored")
                .isEqualTo(Map.of("CNAM", 1L, "ATIH", 1L));
        assertThat(facet(both, "publisher").values()).filteredOn(FacetValue::selected).extracting(FacetValue::value)
                .containsExactlyInAnyOrder("ATIH", "CépiDc");
    }

    @Test
    void coverage_filters_by_overlap_and_either_end_may_be_open() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        assertThat(identifiers(index.search(query(Set.of(), Set.of(), 2013, 2014)))).containsExactly("T-STAYS");
        assertThat(identifiers(index.search(query(Set.of(), Set.of(), 2014, null)))).containsExactly("T-DEATHS");
        assertThat(identifiers(index.search(query(Set.of(), Set.of(), null, 2010)))).containsExactly("T-CLAIMS");
        SearchResults overlap = index.search(query(Set.of(), Set.of(), 2012, 2012));
        assertThat(identifiers(overlap)).containsExactlyInAnyOrder("T-CLAIMS", "T-STAYS");
        assertThat(facet(overlap, "coverage").values()).filteredOn(FacetValue::selected)
                .extracting(FacetValue::value).containsExactly("2012");
        assertThat(counts(overlap, "coverage")).as("its own filter ignored").containsEntry("2016", 1L);
    }

    @Test
    void words_find_variables_and_hits_say_which() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        SearchResults byName = index.search(SearchQuery.text("BEN_DCD_DTE"));
        assertThat(identifiers(byName)).containsExactly("T-DEATHS");
        assertThat(byName.hits().get(0).matchedVariables()).first().isEqualTo("KI_CCI_R.BEN_DCD_DTE");
        SearchResults byPart = index.search(SearchQuery.text("dcd"));
        assertThat(byPart.hits().get(0).matchedVariables())
                .containsExactlyInAnyOrder("KI_CCI_R.BEN_DCD_DTE", "KI_CCI_R.DCD_CIM_COD");
        assertThat(identifiers(index.search(SearchQuery.text("main diagnosis")))).first().isEqualTo("T-STAYS");
    }

    @Test
    void a_published_dataset_is_found_at_once_and_a_retired_one_leaves_the_index() {
        index.put(claims);
        assertThat(identifiers(index.search(SearchQuery.text("remboursements")))).containsExactly("T-CLAIMS");
        index.put(new Dataset(claims.id(), DatasetStatus.RETIRED, Optional.empty(), claims.description(), 2,
                DemoIndex.NOW, DemoIndex.NOW, Optional.of(DemoIndex.NOW), DemoIndex.NOW));
        assertThat(index.search(SearchQuery.text("remboursements")).total()).isZero();
        assertThat(index.size()).isZero();
        index.put(claims);
        index.put(claims);
        assertThat(index.size()).as("a new revision replaces the old one").isEqualTo(1);
        index.remove(claims.id());
        assertThat(index.search(SearchQuery.text("")).hits()).isEmpty();
    }

    @Test
    void an_empty_index_answers_with_nothing() {
        SearchResults none = index.search(SearchQuery.text("décès"));
        assertThat(none.total()).isZero();
        assertThat(none.hits()).isEmpty();
    }

    @Test
    void a_page_beyond_the_end_is_empty_not_an_error() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        SearchResults page = index.search(new SearchQuery("", null, null, null, null, null, null, null, 1000, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.hits()).isEmpty();
        SearchResults second = index.search(new SearchQuery("", null, null, null, null, null, null, null, 2, 2));
        assertThat(identifiers(second)).containsExactly("T-STAYS");
        assertThat(second.pageCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"décès", "AND", "OR NOT", "*", "?", ":", "title:décès", "(((", "[2010 TO", "}{",
            "\\", "~2", "^3", "a && b || !c", "/regex/", "\u0000", "-", "+décès -mort", "'", "l'", "d'",
            "le la les de du des", "               ", "😀 décès", "BEN_DCD_DTE*" })
    void hostile_query_strings_never_throw(String text) {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        assertThatCode(() -> index.search(SearchQuery.text(text))).doesNotThrowAnyException();
    }

    @Test
    void very_long_queries_are_cut_not_refused() {
        index.replaceAll(List.of(claims, stays, deaths).iterator());
        String words = String.join(" ", java.util.Collections.nCopies(400, "décès causes hospital a b c"));
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            distinct.append("w").append(i).append(' ');
        }
        assertThatCode(() -> index.search(SearchQuery.text(words))).doesNotThrowAnyException();
        assertThatCode(() -> index.search(SearchQuery.text(distinct.toString()))).doesNotThrowAnyException();
        assertThat(identifiers(index.search(SearchQuery.text(words)))).first().isEqualTo("T-DEATHS");
    }

    @Test
    void hits_carry_a_short_summary_in_both_languages() {
        String longText = "mot ".repeat(200);
        Dataset verbose = DemoIndex.published(withDescription(claims.description(), longText));
        index.put(verbose);
        SearchHit hit = index.search(SearchQuery.text("")).hits().get(0);
        assertThat(hit.summary().fr()).hasSizeLessThanOrEqualTo(DatasetDocuments.SUMMARY_LENGTH + 1).endsWith("…");
        assertThat(hit.summary().en()).isEqualTo(longText.strip().substring(0, 239) + "…");
        assertThat(hit.publisher()).isEqualTo("CNAM");
        assertThat(hit.temporalCoverage()).isEqualTo(new Period(LocalDate.of(2010, 1, 1), LocalDate.of(2012, 12,
                31)));
        assertThat(hit.healthCategories()).containsExactly(HealthCategory.HRAD);
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    static SearchQuery query(Set<HealthCategory> categories, Set<String> publishers, Integer from, Integer to) {
        return new SearchQuery("", categories, null, publishers, null, from, to, null, 1, 20);
    }

    static List<String> identifiers(SearchResults results) {
        return results.hits().stream().map(SearchHit::identifier).toList();
    }

    static Facet facet(SearchResults results, String name) {
        return results.facets().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, Long> counts(SearchResults results, String name) {
        return facet(results, name).values().stream().filter(v -> v.count() > 0)
                .collect(Collectors.toMap(FacetValue::value, FacetValue::count));
    }

    static VariableTable table(String name, Variable... columns) {
        return new VariableTable(name, LocalizedText.EMPTY, LocalizedText.EMPTY, List.of(columns));
    }

    static Variable variable(String name, String fr, String en) {
        return new Variable(name, LocalizedText.of(fr, en), LocalizedText.EMPTY, "string", null, List.of());
    }

    static DatasetDescription dataset(String identifier, String titleFr, String titleEn,
            Set<HealthCategory> categories, String publisher, AccessRights access, int fromYear, int toYear,
            VariableTable... tables) {
        return new DatasetDescription(identifier, LocalizedText.of(titleFr, titleEn),
                LocalizedText.of(titleFr + " : description.", titleEn + ": description."),
                new Keywords(List.of(), List.of()), Set.of(DataTheme.HEAL), categories, access, null, null, null,
                new Period(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31)), null, null, null, null,
                null, null, null, null, null, null, new Agent(publisher, null, null), null, null, false, null, null,
                null, null, null, null, null, tables.length > 0, new ArrayList<>(List.of(tables)));
    }

    static DatasetDescription withDescription(DatasetDescription d, String text) {
        return new DatasetDescription(d.identifier(), d.title(), LocalizedText.of(text, text), d.keywords(),
                d.themes(), d.healthCategories(), d.accessRights(), d.applicableLegislation(), d.type(),
                d.provenance(), d.temporalCoverage(), d.spatial(), d.populationCoverage(), d.numberOfRecords(),
                d.numberOfUniqueIndividuals(), d.minTypicalAge(), d.maxTypicalAge(), d.retentionPeriod(),
                d.legalBasis(), d.purpose(), d.contactPoint(), d.publisher(), d.custodian(), d.hdab(),
                d.trustedHolder(), d.languages(), d.accrualPeriodicity(), d.conformsTo(), d.codingSystems(),
                d.codeValues(), d.personalData(), d.distributions(), d.hasStructuredData(), d.tables());
    }
}
