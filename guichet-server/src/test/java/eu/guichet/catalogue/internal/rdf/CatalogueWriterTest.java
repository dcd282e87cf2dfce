package eu.guichet.catalogue.internal.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.DatasetDescriptions;
import eu.guichet.catalogue.LocalizedText;

@Tag("unit")
class CatalogueWriterTest {

    private static final URI CATALOGUE = URI.create("https://guichet.example.fr/catalogue");
    private final CatalogueWriter writer = new CatalogueWriter(new HealthDcatWriter());

    private Model page(int number) {
        return writer.catalogue(CATALOGUE, LocalizedText.of("Catalogue national", "National catalogue"),
                LocalizedText.of("Données de santé", "Health data"),
                new Agent("Guichet", null, ContactPoint.email("contact@guichet.example.fr")),
                List.of(new CatalogueWriter.Entry(URI.create("https://guichet.example.fr/datasets/a"),
                        DatasetDescriptions.aValidNonPublicDataset())),
                new CataloguePage(number, 1, 3, URI.create("https://guichet.example.fr/catalogue")));
    }

    @Test
    void a_middle_page_links_first_previous_next_and_last() {
        Resource view = page(2).getResource("https://guichet.example.fr/catalogue?page=2");

        assertThat(view.getPropertyResourceValue(Vocab.HYDRA_FIRST).getURI()).endsWith("?page=1");
        assertThat(view.getPropertyResourceValue(Vocab.HYDRA_PREVIOUS).getURI()).endsWith("?page=1");
        assertThat(view.getPropertyResourceValue(Vocab.HYDRA_NEXT).getURI()).endsWith("?page=3");
        assertThat(view.getPropertyResourceValue(Vocab.HYDRA_LAST).getURI()).endsWith("?page=3");
    }

    @Test
    void the_first_page_has_no_previous_and_the_last_no_next() {
        assertThat(page(1).getResource(CATALOGUE + "?page=1").hasProperty(Vocab.HYDRA_PREVIOUS)).isFalse();
        assertThat(page(3).getResource(CATALOGUE + "?page=3").hasProperty(Vocab.HYDRA_NEXT)).isFalse();
    }

    @Test
    void the_catalogue_and_its_datasets_conform_to_the_shapes() {
        Model model = page(1);

        assertThat(new ShaclValidator().validate(model, AccessRights.NON_PUBLIC)).isEmpty();
        assertThat(model.getResource(CATALOGUE.toString()).hasProperty(Vocab.CATALOG_DATASET)).isTrue();
    }
}
