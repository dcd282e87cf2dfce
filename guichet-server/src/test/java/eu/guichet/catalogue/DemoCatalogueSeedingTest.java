package eu.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.catalogue.internal.demo.DemoCatalogue;
import eu.guichet.testing.GuichetIntegrationTest;

/** The demo catalogue: every seeded dataset is published, held by its own data holder, and SHACL-valid. */
@GuichetIntegrationTest
class DemoCatalogueSeedingTest {

    @Autowired
    CatalogueManagement catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_seeded_dataset_is_published_and_conforms_to_the_shapes_of_its_access_level() {
        List<UUID> ids = jdbc.sql("select id from dataset where identifier in (:ids)")
                .param("ids", DemoCatalogue.IDENTIFIERS).query(UUID.class).list();
        assertThat(ids).hasSameSizeAs(DemoCatalogue.IDENTIFIERS);
        for (UUID id : ids) {
            Dataset d = catalogue.getDataset(new DatasetId(id), Optional.empty());
            assertThat(d.status()).isEqualTo(DatasetStatus.PUBLISHED);
            assertThat(catalogue.validate(d.description())).as(d.description().identifier())
                    .noneMatch(Violation::blocking);
            assertThat(d.description().tables()).as("variables of " + d.description().identifier()).isNotEmpty();
        }
        assertThat(jdbc.sql("select count(distinct holder_id) from dataset where identifier in (:ids)")
                .param("ids", DemoCatalogue.IDENTIFIERS).query(Long.class).single())
                .as("each dataset with its own holder").isEqualTo(6);
    }
}
