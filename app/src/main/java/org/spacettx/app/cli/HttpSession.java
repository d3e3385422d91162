package org.spacettx.app.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One user of a SpaceTTX server over HTTP, for the benches: its own cookie jar and the CSRF token from its login.
 * A request the server never answered (it died, the connection broke) throws {@link IOException}.
 */
final class HttpSession {

    /** An answer: its status and its body as JSON (a missing node when the body is not JSON). */
    record Reply(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    final HttpClient http;
    final URI base;
    private String csrf = "";

    private HttpSession(URI base) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build());
    }

    private HttpSession(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The same session (its cookie and CSRF token) on another server of the same database: a standby that took over. */
    HttpSession at(URI other) {
        HttpSession s = new HttpSession(other, http);
        s.csrf = csrf;
        return s;
    }

    /** Logs a user in; fails unless the server accepts the password. */
    static HttpSession login(URI base, String user, String password) throws IOException, InterruptedException {
        HttpSession s = new HttpSession(base);
        String body = JSON.createObjectNode().put("username", user).put("password", password).toString();
        Reply r = s.post("/api/session", body);
        if (r.status() != 200) {
            throw new IOException("login of " + user + " answered " + r.status() + ": " + r.json().path("error").asText());
        }
        s.csrf = r.json().get("csrfToken").asText();
        return s;
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with an {@code Idempotency-Key}: sent again with the same key, the server answers it once. */
    Reply post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            json = JSON.missingNode();
        }
        return new Reply(r.statusCode(), json == null ? JSON.missingNode() : json);
    }
}
