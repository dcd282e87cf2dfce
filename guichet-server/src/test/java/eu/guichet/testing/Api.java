package eu.guichet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: calls the running server as a demo account (HTTP Basic) or anonymously. */
public final class Api {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public Response get(String path, String user) {
        return send("GET", path, user, null);
    }

    public Response post(String path, String user, String json) {
        return send("POST", path, user, json);
    }

    public Response put(String path, String user, String json) {
        return send("PUT", path, user, json);
    }

    /** {@code user} null: anonymous. Otherwise HTTP Basic with the demo password. */
    public Response send(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, DEMO_PASSWORD));
        }
        return send(request, method, json);
    }

    /** As {@link #send(String, String, String, String)}, with extra request headers (e.g. {@code X-Request-Id}). */
    public Response send(String method, String path, String user, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, DEMO_PASSWORD));
        }
        headers.forEach(request::setHeader);
        return send(request, method, json);
    }

    /** A request whose body is of the given media type (e.g. {@code text/csv}); {@code user} null: anonymous. */
    public Response send(String method, String path, String user, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, DEMO_PASSWORD));
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response sendWithHeader(String method, String path, String header, String value, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").header(header, value);
        return send(request, method, json);
    }

    private Response send(HttpRequest.Builder request, String method, String json) {
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
