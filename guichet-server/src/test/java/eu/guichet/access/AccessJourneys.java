package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.testing.Api;

/**
 * Applications brought to a given point of the procedure through the API, as the demo accounts would: alice applies,
 * reviewer accepts and assesses, decider decides. For tests that need an application in some status.
 */
public final class AccessJourneys {

    private final Api api;
    private final DatasetId dataset;

    public AccessJourneys(Api api, DatasetId dataset) {
        this.api = api;
        this.dataset = dataset;
    }

    /** A dataset described by the demo holder and published by reviewer, under a fresh identifier with this prefix. */
    public static DatasetId publishedDataset(Api api, String prefix) {
        var created = api.post("/api/catalogue/datasets", "holder",
                eu.guichet.catalogue.DescriptionsAsJson.aValidNonPublicDataset(prefix + "-" + java.util.UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/catalogue/datasets/" + id + "/transitions", "holder", "{\"action\": \"submit\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/catalogue/datasets/" + id + "/publish", "reviewer", null).status()).isEqualTo(200);
        return DatasetId.parse(id);
    }

    /** A complete draft by alice, not submitted. */
    public String draft() {
        var created = api.post("/api/applications", "alice", "{\"kind\": \"DATA_ACCESS\", \"form\": "
                + ApplicationForms.aCompleteForm().forDataset(dataset, "MATRIX", "ER_PRS_F.BEN_SEX_COD").json() + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Submitted and screened: PRE_SCREENING. */
    public String screened() {
        String id = draft();
        expect(api.post("/api/applications/" + id + "/submit", "alice", null), "PRE_SCREENING");
        return id;
    }

    /** Accepted by reviewer: PROCESSING. */
    public String processing() {
        String id = screened();
        expect(api.post("/api/applications/" + id + "/transitions", "reviewer", "{\"action\": \"accept\"}"),
                "PROCESSING");
        return id;
    }

    /** Assessed by reviewer, recommending a grant: still PROCESSING, ready for the decider. */
    public String assessed() {
        String id = processing();
        expect(api.post("/api/applications/" + id + "/assessment", "reviewer",
                "{\"recommendation\": \"GRANTED\", \"criteria\": [{\"criterion\": \"PURPOSE\", \"verdict\": \"MET\"}]}"),
                "PROCESSING");
        return id;
    }

    /** Refused by decider: DECISION_ISSUED, with its decision document. */
    public String refused() {
        String id = assessed();
        var decided = api.post("/api/applications/" + id + "/decision", "decider",
                "{\"outcome\": \"REFUSED\", \"justification\": \"The variables asked exceed the purpose.\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        return id;
    }

    /** Granted by decider for 24 months; returns the permit's id. */
    public String permit() {
        return api.get("/api/applications/" + granted(), "alice").json().get("permitId").asString();
    }

    /** Granted by decider for 24 months; returns the application's id. */
    public String granted() {
        String id = assessed();
        var decided = api.post("/api/applications/" + id + "/decision", "decider",
                "{\"outcome\": \"GRANTED\", \"justification\": \"Purpose (e), minimised.\", \"durationMonths\": 24}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        return id;
    }

    /**
     * Answered by decider with an anonymised statistical answer instead of a permit (EHDS Art. 68(3)): queued for the
     * analysts. Returns the application's id.
     */
    public String statisticalAnswer() {
        String id = assessed();
        var decided = api.post("/api/applications/" + id + "/decision", "decider",
                "{\"outcome\": \"STATISTICAL_ANSWER_OFFERED\", \"justification\": \"Aggregates answer it.\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        return id;
    }

    /** A consultation of the dataset's holder about an application being assessed; returns the request's id. */
    public String consultation() {
        String id = processing();
        var consulted = api.post("/api/applications/" + id + "/holder-requests", "reviewer", null);
        assertThat(consulted.status()).as(consulted.body()).isEqualTo(200);
        return consulted.json().get(0).get("id").asString();
    }

    /** The data request made to the dataset's holder after a grant; returns the request's id. */
    public String dataRequest() {
        var requests = api.get("/api/applications/" + granted() + "/holder-requests", "alice");
        assertThat(requests.status()).as(requests.body()).isEqualTo(200);
        return requests.json().get(0).get("id").asString();
    }

    private static void expect(Api.Response response, String status) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo(status);
    }
}
