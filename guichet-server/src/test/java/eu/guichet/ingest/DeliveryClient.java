package eu.guichet.ingest;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.guichet.testing.Api;
import tools.jackson.databind.JsonNode;

/** Test client for deliveries: multipart posts, chunked uploads, waiting for the background processing. */
public final class DeliveryClient {

    static final Set<String> TERMINAL = Set.of("ACCEPTED", "DUPLICATE", "REJECTED", "FAILED");

    private final Api api;
    private final HttpClient http = HttpClient.newHttpClient();

    public DeliveryClient(Api api) {
        this.api = api;
    }

    /** {@code POST /api/deliveries} as a multipart form: the fields, then one {@code files} part per file. */
    public Api.Response deliver(String user, Map<String, String> fields, List<Path> files) {
        String boundary = "----guichet" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(Files.readAllBytes(file));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/deliveries"))
                .header("Authorization", Api.basic(user, Api.DEMO_PASSWORD)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request);
    }

    /** {@code PUT} one chunk of an upload: bytes {@code [from, to)} of the file. */
    public Api.Response putChunk(String user, String uploadId, byte[] file, int from, int to) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/deliveries/uploads/" + uploadId))
                .header("Authorization", Api.basic(user, Api.DEMO_PASSWORD)).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + file.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file, from, to - from)).build();
        return send(request);
    }

    Api.Response head(String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", Api.basic(user, Api.DEMO_PASSWORD))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return send(request);
    }

    /** The delivery once its processing ended. */
    public JsonNode awaitProcessed(String user, String deliveryId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = api.get("/api/deliveries/" + deliveryId, user).json();
            return TERMINAL.contains(last[0].get("status").asString());
        });
        return last[0];
    }

    private Api.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
