package org.spacettx.app.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test user's browser over real HTTP: its own cookie jar, the CSRF token from login, JSON in and out. */
final class ApiClient {

    record Response(int status, JsonNode json, byte[] bytes, java.net.http.HttpHeaders headers) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** One Server-Sent Event as received. */
    record SseEvent(String id, String name, String data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;
    final CookieManager cookies;
    String csrf = "";

    ApiClient(int port) {
        this(port, new CookieManager());
    }

    private ApiClient(int port, CookieManager cookies) {
        this.cookies = cookies;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same browser (its cookies and CSRF token) talking to another server, e.g. a restarted or a standby one. */
    ApiClient at(int port) {
        ApiClient other = new ApiClient(port, cookies);
        other.csrf = csrf;
        return other;
    }

    Response login(String user, String password) {
        Response r = post("/api/session", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.status() == 200) {
            csrf = r.json().get("csrfToken").asText();
        }
        return r;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postRaw(String path, String body, String csrfToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfToken != null) {
            b.header("X-CSRF-Token", csrfToken);
        }
        return send(b);
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("X-CSRF-Token", csrf).DELETE());
    }

    Response command(String exercise, String commandJson) {
        return post("/api/exercises/" + exercise + "/commands", commandJson);
    }

    /** A command with an {@code Idempotency-Key}. */
    Response commandWithKey(String exercise, String commandJson, String key) {
        return send(HttpRequest.newBuilder(base.resolve("/api/exercises/" + exercise + "/commands"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(commandJson)));
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            if (r.body().length > 0 && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), json, r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the live stream; events arrive in the returned queue until {@code close} is run. */
    Runnable stream(String exercise, String lastEventId, BlockingQueue<SseEvent> into) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/exercises/" + exercise + "/stream"))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        var future = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(future.get().body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                List<String> data = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            into.add(new SseEvent(id, name, String.join("\n", data)));
                        }
                        id = null;
                        name = null;
                        data.clear();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                // stream closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return () -> future.cancel(true);
    }

    /** The status with which the live stream answers (the connection is then dropped). */
    int streamStatus(String exercise) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/exercises/" + exercise + "/stream"))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<java.io.InputStream> r = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
            r.body().close();
            return r.statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BlockingQueue<SseEvent> queue() {
        return new LinkedBlockingQueue<>();
    }
}
