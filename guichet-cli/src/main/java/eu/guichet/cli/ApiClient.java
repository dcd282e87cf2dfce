package eu.guichet.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the REST API with HTTP Basic or a bearer token; answers status and JSON body. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The problem document's code, or the status when the body is not one. */
        String problem() {
            return body != null && body.has("code") ? body.get("code").asText() + ": " + body.path("detail").asText()
                    : "HTTP " + status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final String server;
    private final String authorization;

    ApiClient(String server, String user, String password, String token) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.authorization = token != null ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String range)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (range != null) {
            request.header("Content-Range", range);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (response.body() != null && !response.body().isBlank()) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
        }
        return new Response(response.statusCode(), json, response);
    }

    Response json(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)),
                "application/json", null);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null, null);
    }
}
