package org.spacettx.app.server;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.spacettx.app.auth.ClientCertificates;
import org.spacettx.app.auth.LoginThrottle;
import org.spacettx.app.auth.Passwords;
import org.spacettx.app.store.Sessions;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.Json;

/** {@code /api/session} and {@code /api/me}: log in (with throttling), log out, who am I. */
final class SessionRoutes {

    private final Access access;
    private final Accounts accounts;
    private final ExerciseRecords records;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final ClientCertificates certificates;
    private final org.spacettx.app.store.CertificateSubjects subjects;
    private final String oidcLabel;

    /**
     * @param certificates the client certificates' checks, or null (no smart-card sign-in)
     * @param oidcLabel    the identity provider's name on the login page, or null (none)
     */
    SessionRoutes(Access access, Accounts accounts, ExerciseRecords records, Sessions sessions, LoginThrottle throttle, AuditLog audit,
                  ClientCertificates certificates, org.spacettx.app.store.CertificateSubjects subjects, String oidcLabel) {
        this.certificates = certificates;
        this.subjects = subjects;
        this.oidcLabel = oidcLabel;
        this.access = access;
        this.accounts = accounts;
        this.records = records;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * {@code POST /api/session} with {@code {"username", "password"}} as JSON (anything else is 415: a form a hostile
     * page could post cross-site gets no session). Failed sign-ins slow the account and the address down
     * ({@link LoginThrottle}); a refused one says how long to wait.
     */
    void login(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiError(415, ApiProblem.SIGN_IN_NEEDS_JSON.with());
        }
        JsonNode body = jsonBody(ctx);
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        String address = ctx.ip();
        java.util.Optional<java.time.Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            audit.record(username, "login-throttled", "from " + address + ", " + seconds + " s to wait");
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiError(429, ApiProblem.SIGN_IN_THROTTLED.with("seconds", seconds), Map.of("retryAfterSeconds", seconds));
        }
        // a name or password no account can have is refused without computing a hash
        boolean plausible = Accounts.isPlausibleLogin(username, password);
        Accounts.User user;
        try {
            user = plausible ? accounts.authenticate(username, password).orElse(null) : null;
        } catch (Passwords.Busy e) {
            ctx.header("Retry-After", "5");
            throw new ApiError(503, ApiProblem.SIGN_IN_BUSY.with());
        }
        if (user == null) {
            throttle.failed(username, address);
            audit.record(username.isEmpty() ? "-" : username, "login-failed", "from " + address
                    + (plausible ? "" : " (no account can have that name or password)"));
            throw new ApiError(401, ApiProblem.SIGN_IN_WRONG.with());
        }
        throttle.succeeded(username);
        ctx.json(signedIn(access.signIn(ctx, user, "from " + ctx.ip()), user));
    }

    /** What a sign-in answers: the CSRF token and who signed in. */
    private static Map<String, Object> signedIn(Sessions.Session session, Accounts.User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("csrfToken", session.csrfToken());
        out.put("username", user.username());
        out.put("displayName", user.displayName());
        out.put("admin", user.admin());
        out.put("planner", user.planner());
        return out;
    }

    /**
     * {@code POST /api/session/certificate}: sign in with the client certificate the browser presented in the TLS
     * handshake (a smart card), as {@link ClientCertificates} decides; JSON only (415), like the password sign-in.
     */
    void certificateLogin(Context ctx) {
        if (certificates == null) {
            throw new ApiError(404, ApiProblem.NO_CLIENT_CERTIFICATES.with());
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiError(415, ApiProblem.SIGN_IN_NEEDS_JSON.with());
        }
        ClientCertificates.Result result = certificates.check(presented(ctx), java.time.Instant.now(), subjects::account,
                name -> accounts.find(name).filter(u -> !u.disabled()).isPresent());
        switch (result) {
            case ClientCertificates.Result.Refused r -> {
                audit.record(java.util.Objects.requireNonNullElse(ClientCertificates.commonName(r.subject()), "-"), "login-failed",
                        "client certificate " + r.subject() + " from " + ctx.ip() + ": " + r.why());
                throw new ApiError(401, ApiProblem.CERTIFICATE_REFUSED.with("detail", r.why()));
            }
            case ClientCertificates.Result.Account a -> {
                Accounts.User user = accounts.find(a.username()).orElseThrow();
                ctx.json(signedIn(access.signIn(ctx, user, "client certificate " + a.subject() + " from " + ctx.ip()), user));
            }
        }
    }

    /** The client certificate chain of the request's TLS session, leaf first (none: empty). */
    static java.security.cert.X509Certificate[] presented(Context ctx) {
        Object chain = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof java.security.cert.X509Certificate[] c ? c : new java.security.cert.X509Certificate[0];
    }

    /**
     * {@code GET /api/auth/providers}: what the login page offers besides the form: the organisation's identity provider,
     * and sign-in with the client certificate this browser presented (with its subject).
     */
    void providers(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (oidcLabel != null) {
            out.put("oidc", Map.of("label", oidcLabel, "start", "/api/oidc/login"));
        }
        if (certificates != null) {
            java.security.cert.X509Certificate[] chain = presented(ctx);
            out.put("certificate", chain.length == 0 ? Map.of("presented", false)
                    : Map.of("presented", true, "subject", chain[0].getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253)));
        }
        ctx.json(out);
    }

    void logout(Context ctx) {
        Sessions.Session session = access.session(ctx);
        sessions.remove(session.token());
        access.clearSessionCookie(ctx);
        audit.record(session.username(), "logout", "");
        ctx.status(204);
    }

    void me(Context ctx) {
        Accounts.User user = access.user(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", user.username());
        out.put("displayName", user.displayName());
        out.put("admin", user.admin());
        out.put("planner", user.planner());
        out.put("memberships", records.memberships(user.username()));
        out.put("csrfToken", access.session(ctx).csrfToken()); // a reloaded console page needs it again
        ctx.json(out);
    }

    static JsonNode jsonBody(Context ctx) {
        try {
            JsonNode node = Json.mapper().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new ApiError(400, ApiProblem.BODY_NOT_OBJECT.with());
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, ApiProblem.BODY_NOT_JSON.with("detail", e.getOriginalMessage()));
        }
    }
}
