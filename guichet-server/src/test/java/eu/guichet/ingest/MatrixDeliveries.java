package eu.guichet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import eu.guichet.testing.Api;

/** Deliveries and uploads of the demo holder for the rows of {@code AuthorizationMatrixTest} that name one. */
public final class MatrixDeliveries {

    private MatrixDeliveries() {
    }

    /** A delivery of a one-column table for the holder's dataset, sent through two resumable uploads. */
    public static String delivery(Api api, String dataset) {
        String csv = upload(api, "matrix.csv", "a\nx\n");
        String schema = upload(api, "matrix.schema.json",
                "{\"name\": \"matrix\", \"fields\": [{\"name\": \"a\", \"type\": \"string\"}]}");
        var delivered = api.post("/api/deliveries", "holder", "{\"dataset\": \"" + dataset
                + "\", \"format\": \"CSV_TABLE_SCHEMA\", \"uploads\": [\"" + csv + "\", \"" + schema + "\"]}");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);
        return delivered.json().get("id").asString();
    }

    /** An upload session of 10 bytes with nothing received yet. */
    public static String openUpload(Api api) {
        var created = api.post("/api/deliveries/uploads", "holder", "{\"fileName\": \"open.csv\", \"size\": 10}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String upload(Api api, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        var created = api.post("/api/deliveries/uploads", "holder",
                "{\"fileName\": \"" + name + "\", \"size\": " + bytes.length + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var chunk = new DeliveryClient(api).putChunk("holder", id, bytes, 0, bytes.length);
        assertThat(chunk.status()).as(chunk.body()).isEqualTo(200);
        assertThat(api.post("/api/deliveries/uploads/" + id + "/complete", "holder", "{}").status()).isEqualTo(200);
        return id;
    }
}
