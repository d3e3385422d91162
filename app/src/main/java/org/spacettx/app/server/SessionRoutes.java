package org.spacettx.app.server;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

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

    SessionRoutes(Access access, Accounts accounts, ExerciseRecords records, Sessions sessions, LoginThrottle throttle, AuditLog audit) {
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
            throw new ApiError(415, "sign in with a JSON body (Content-Type: application/json)");
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
            throw new ApiError(429, "too many failed sign-ins; try again in " + seconds + " s", Map.of("retryAfterSeconds", seconds));
        }
        // a name or password no account can have is refused without computing a hash
        boolean plausible = Accounts.isPlausibleLogin(username, password);
        Accounts.User user;
        try {
            user = plausible ? accounts.authenticate(username, password).orElse(null) : null;
        } catch (Passwords.Busy e) {
            ctx.header("Retry-After", "5");
            throw new ApiError(503, "too many logins at once; try again in a few seconds");
        }
        if (user == null) {
            throttle.failed(username, address);
            audit.record(username.isEmpty() ? "-" : username, "login-failed", "from " + address
                    + (plausible ? "" : " (no account can have that name or password)"));
            throw new ApiError(401, "wrong username or password");
        }
        throttle.succeeded(username);
        sessions.remove(ctx.cookie(Access.COOKIE)); // a new session, never the one the browser came with
        Sessions.Session session = sessions.create(user.username());
        access.setSessionCookie(ctx, session.token());
        audit.record(user.username(), "login", "from " + ctx.ip());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("csrfToken", session.csrfToken());
        out.put("username", user.username());
        out.put("displayName", user.displayName());
        out.put("admin", user.admin());
        out.put("planner", user.planner());
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
                throw new ApiError(400, "the request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "the request body is not JSON: " + e.getOriginalMessage());
        }
    }
}
