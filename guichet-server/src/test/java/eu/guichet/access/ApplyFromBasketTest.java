package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/** Applying from the basket takes its datasets into the new draft, and they leave the basket. */
@GuichetIntegrationTest
class ApplyFromBasketTest {

    @LocalServerPort
    int port;

    @Test
    void the_datasets_applied_for_leave_the_basket() {
        Api api = new Api(port);
        DatasetId dataset = AccessJourneys.publishedDataset(api, "BASKET");
        assertThat(api.put("/api/basket/" + dataset, "bob", "{\"variables\": []}").status()).isEqualTo(200);
        assertThat(api.get("/api/basket", "bob").body()).contains(dataset.toString());

        var created = api.post("/api/applications", "bob", "{\"kind\": \"DATA_ACCESS\", \"fromBasket\": true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains(dataset.toString());
        assertThat(api.get("/api/basket", "bob").body()).doesNotContain(dataset.toString());
        assertThat(api.post("/api/applications", "bob", "{\"kind\": \"DATA_ACCESS\", \"fromBasket\": true}")
                .status()).isEqualTo(422);
    }
}
