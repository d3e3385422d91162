package org.spacettx.orbit.catalog;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Downloads element sets over HTTP(S): any URL, CelesTrak GP queries, or Space-Track queries with credentials
 * from the environment ({@code SPACETRACK_USER}, {@code SPACETRACK_PASSWORD}). Failures (offline, refused, an
 * HTTP error status, a login refused) come back as one clear {@link InputException} naming the address.
 */
public final class CatalogFetcher {

    public static final URI CELESTRAK = URI.create("https://celestrak.org");
    public static final URI SPACETRACK = URI.create("https://www.space-track.org");

    private final HttpClient client;
    private final Duration timeout;
    private final Function<String, String> environment;

    public CatalogFetcher(Duration timeout, Function<String, String> environment) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new java.net.CookieManager()).build();
        this.timeout = timeout;
        this.environment = environment;
    }

    /** A fetcher with a 30-second timeout reading credentials from the process environment. */
    public static CatalogFetcher standard() {
        return new CatalogFetcher(Duration.ofSeconds(30), System::getenv);
    }

    /** The CelesTrak GP query for a group (e.g. {@code active}, {@code stations}) in a format (TLE, CSV, JSON, XML, KVN). */
    public static URI celestrakGroup(URI base, String group, String format) {
        return base.resolve("/NORAD/elements/gp.php?GROUP=" + encode(group) + "&FORMAT=" + encode(format.toLowerCase(Locale.ROOT)));
    }

    /** The CelesTrak GP query for one catalog number. */
    public static URI celestrakCatalogNumber(URI base, int noradId, String format) {
        return base.resolve("/NORAD/elements/gp.php?CATNR=" + noradId + "&FORMAT=" + encode(format.toLowerCase(Locale.ROOT)));
    }

    /** GET a URL and return its body. */
    public byte[] get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return send(request, uri.toString());
    }

    /**
     * Logs in to Space-Track and runs a query path such as
     * {@code /basicspacedata/query/class/gp/NORAD_CAT_ID/25544/format/3le} in the same request.
     */
    public byte[] spaceTrack(URI base, String queryPath) {
        String user = environment.apply("SPACETRACK_USER");
        String password = environment.apply("SPACETRACK_PASSWORD");
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new InputException(SourceLocation.of(base.toString()), null,
                    "Space-Track needs credentials: set SPACETRACK_USER and SPACETRACK_PASSWORD");
        }
        String path = queryPath.startsWith("/") ? queryPath : "/" + queryPath;
        String form = formEncode(Map.of("identity", user, "password", password, "query", base.resolve(path).toString()));
        URI login = base.resolve("/ajaxauth/login");
        HttpRequest request = HttpRequest.newBuilder(login).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        byte[] body = send(request, login.toString());
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        if (head.contains("\"Login\"") && head.contains("Failed")) {
            throw new InputException(SourceLocation.of(login.toString()), null, "Space-Track refused the login for " + user);
        }
        return body;
    }

    private byte[] send(HttpRequest request, String where) {
        SourceLocation at = SourceLocation.of(where);
        HttpResponse<java.io.InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new InputException(at, null, "cannot connect (offline, or the server is down): " + describe(e));
        } catch (HttpTimeoutException e) {
            throw new InputException(at, null, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new InputException(at, null, "download failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(at, null, "download interrupted");
        }
        try (java.io.InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new InputException(at, null, "the server answered HTTP " + response.statusCode());
            }
            // no more than a catalog source may hold, however much the server sends
            byte[] bytes = body.readNBytes((int) CatalogReader.MAX_INPUT_BYTES + 1);
            if (bytes.length > CatalogReader.MAX_INPUT_BYTES) {
                throw new InputException(at, null, "the download is more than " + CatalogReader.MAX_INPUT_MIB
                        + " MiB; a catalog source is at most that");
            }
            return bytes;
        } catch (IOException e) {
            throw new InputException(at, null, "download failed: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String formEncode(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return form.toString();
    }
}
