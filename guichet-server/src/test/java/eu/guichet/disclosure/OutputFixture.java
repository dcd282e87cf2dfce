package eu.guichet.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;


import eu.guichet.testing.Api;
import eu.guichet.workspace.Workspace;
import eu.guichet.workspace.WorkspaceFixture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outputs for tests: an open workspace of alice's (the {@link WorkspaceFixture} extract: 250 stays, their length of
 * stay 0 to 6 days) with saved queries, and requests to release their results through the API.
 */
public final class OutputFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stays per length of stay: about 36 per cell, all above the threshold. */
    public static final String ALL_STAYS = "select stay_id, length_of_stay from stays";
    /** The first 40 stays only: 5 or 6 per cell, below the threshold. */
    public static final String FEW_STAYS = "select stay_id, length_of_stay from stays where stay_id <= 40";

    private final Api api;
    public final Workspace workspace;

    /** Outputs of {@code workspace}, one of alice's that {@link WorkspaceFixture#open} opened. */
    public OutputFixture(Api api, Workspace workspace) {
        this.api = api;
        this.workspace = workspace;
    }

    public String saveQuery(String name, String sql) {
        var saved = api.post("/api/workspaces/" + workspace.id() + "/saved-queries", "alice",
                JSON.writeValueAsString(Map.of("name", name, "sql", sql)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().get("id").asString();
    }

    public static String body(String savedQueryId, String description) {
        return JSON.writeValueAsString(Map.of("savedQueryId", savedQueryId, "description", description,
                "dimensions", List.of("length_of_stay"), "contributor", "stay_id"));
    }

    public Api.Response request(String savedQueryId, String description) {
        return api.post("/api/workspaces/" + workspace.id() + "/outputs", "alice", body(savedQueryId, description));
    }

    /** A checked request of the saved query's result (status CHECKED): its id. */
    public String checked(String sql) {
        var r = request(saveQuery("Query " + System.nanoTime(), sql), "Stays by length of stay");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("CHECKED");
        return r.json().get("id").asString();
    }

    public static String review(String decision, String comment) {
        return JSON.writeValueAsString(Map.of("decision", decision, "comment", comment));
    }

    /** A request approved by checker1 and checker2: released. */
    public String released(String sql) {
        String id = checked(sql);
        for (String checker : List.of("checker1", "checker2")) {
            var r = api.post("/api/outputs/" + id + "/reviews", checker, review("APPROVE", ""));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return id;
    }
}
