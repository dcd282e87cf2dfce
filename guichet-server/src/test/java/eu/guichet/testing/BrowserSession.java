package eu.guichet.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: signs in through the sign-in form
 * (with its CSRF token) and submits forms with the CSRF token of the page they come from. Redirects are not followed,
 * so tests see them.
 */
public final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private BrowserSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public static BrowserSession anonymous(int port) {
        return new BrowserSession(port);
    }

    /** Signs in with the demo password; fails if the sign-in does not succeed. */
    public static BrowserSession signedIn(int port, String username) {
        BrowserSession session = new BrowserSession(port);
        HttpResponse<String> response = session.submit("/login", "/login",
                Map.of("username", username, "password", Api.DEMO_PASSWORD));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + response.statusCode() + " "
                    + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Loads {@code formPage} for its CSRF token, then posts {@code fields} to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        HttpResponse<String> page = get(formPage);
        Matcher token = CSRF.matcher(page.body());
        String csrf = token.find() ? token.group(1) : "";
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf) + "&", ""));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Loads {@code formPage} for its CSRF token, then posts one file to {@code action} as
     * {@code multipart/form-data}, as a browser's file upload form does.
     */
    public HttpResponse<String> upload(String formPage, String action, String field, String filename,
            String contentType, byte[] content) {
        Matcher token = CSRF.matcher(get(formPage).body());
        String csrf = token.find() ? token.group(1) : "";
        String boundary = "----guichet-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
