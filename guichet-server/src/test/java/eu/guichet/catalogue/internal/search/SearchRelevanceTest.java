package eu.guichet.catalogue.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import eu.guichet.catalogue.SearchHit;
import eu.guichet.catalogue.SearchQuery;

/**
 * Relevance over the demo catalogue, as a table: what people type (French or English, with or without accents,
 * abbreviations, synonyms, variable names) and the dataset that must come in the top 3. Written before the boosts
 * were tuned; the table also goes into the reference docs with the rank each query got.
 */
@Tag("unit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTest {

    /** query | expected identifier in the top 3 | what it shows */
    static final String TABLE = """
            décès                        | FR-SNDS-CAUSES-DECES          | French word with accents
            deces                        | FR-SNDS-CAUSES-DECES          | the same without accents
            death                        | FR-SNDS-CAUSES-DECES          | English word
            mortalité                    | FR-SNDS-CAUSES-DECES          | synonym (keyword)
            causes of death              | FR-SNDS-CAUSES-DECES          | English phrase
            date de décès                | FR-SNDS-BENEFICIAIRES         | variable title (BEN_DCD_DTE)
            HbA1c                        | FR-CHU-DEMOVILLE-EDS          | abbreviation (keyword)
            hémoglobine glyquée          | FR-CHU-DEMOVILLE-EDS          | synonym of HbA1c
            glycated hemoglobin          | FR-COHORTE-DEMOVILLE          | English synonym, US spelling (variable hba1c)
            diabetes                     | FR-CHU-DEMOVILLE-EDS          | English keyword
            diabete                      | FR-CHU-DEMOVILLE-EDS          | French, no accent
            BEN_NAI_ANN                  | FR-SNDS-BENEFICIAIRES         | exact variable name
            IR_BEN_R.BEN_DCD_DTE         | FR-SNDS-BENEFICIAIRES         | TABLE.COLUMN
            DCD                          | FR-SNDS-BENEFICIAIRES         | part of variable names
            tumeur                       | FR-REGISTRE-CANCERS-DEMOVILLE | French word of the description
            oncology                     | FR-REGISTRE-CANCERS-DEMOVILLE | English synonym of cancer
            cancer registry              | FR-REGISTRE-CANCERS-DEMOVILLE | English title words
            hospital stays               | FR-SNDS-PMSI-MCO              | English keyword
            hospitalisations             | FR-SNDS-PMSI-MCO              | French plural (stemming)
            PMSI                         | FR-SNDS-PMSI-MCO              | acronym
            remboursements de médicaments | FR-SNDS-DCIR                 | French words
            drug reimbursements          | FR-SNDS-DCIR                  | English words
            claims                       | FR-SNDS-DCIR                  | English synonym of remboursements
            tabac                        | FR-COHORTE-DEMOVILLE          | variable name
            smoking                      | FR-COHORTE-DEMOVILLE          | English variable title
            mode de vie                  | FR-COHORTE-DEMOVILLE          | French keyword phrase
            entrepot de donnees de sante | FR-CHU-DEMOVILLE-EDS          | French title, no accents
            laboratory results           | FR-CHU-DEMOVILLE-EDS          | English keyword
            bénéficiaires                | FR-SNDS-BENEFICIAIRES         | French title word
            """;

    record Case(String query, String expected, String why) {
    }

    CatalogueIndex index;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void index() {
        index = DemoIndex.of(DemoIndex.demoDatasets());
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    static List<Case> cases() {
        return TABLE.lines().filter(l -> !l.isBlank()).map(l -> l.split("\\|"))
                .map(c -> new Case(c[0].strip(), c[1].strip(), c[2].strip())).toList();
    }

    @TestFactory
    Stream<DynamicTest> each_query_finds_its_dataset_in_the_top_3() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.query() + " -> " + c.expected(), () -> {
            List<String> top = ranking(c.query());
            assertThat(top.subList(0, Math.min(3, top.size()))).as("top 3 for '%s': %s", c.query(), top)
                    .contains(c.expected());
        }));
    }

    @Test
    void writes_the_relevance_table_into_the_reference_docs() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Catalogue search: relevance over the demo catalogue

                Generated by `SearchRelevanceTest` (do not edit by hand): each query, the demo dataset it must find
                in the top 3, and the rank it got (1 = first).

                | query | expected in the top 3 | rank | top 3 | what it shows |
                |---|---|---|---|---|
                """);
        for (Case c : cases()) {
            List<String> top = ranking(c.query());
            int rank = top.indexOf(c.expected()) + 1;
            md.append("| `").append(c.query()).append("` | ").append(c.expected()).append(" | ")
                    .append(rank == 0 ? "—" : Integer.toString(rank)).append(" | ")
                    .append(String.join(", ", top.subList(0, Math.min(3, top.size())))).append(" | ")
                    .append(c.why()).append(" |\n");
        }
        Path file = Path.of("..", "docs", "reference", "catalogue-search-relevance.md");
        Files.writeString(file, md.toString());
        assertThat(file).content().contains("FR-SNDS-CAUSES-DECES");
    }

    private List<String> ranking(String query) {
        return index.search(SearchQuery.text(query)).hits().stream().map(SearchHit::identifier).toList();
    }
}
