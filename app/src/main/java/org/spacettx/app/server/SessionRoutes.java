package org.spacettx.app.server;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.spacettx.app.auth.Passwords;
import org.spacettx.app.auth.Sessions;
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
    private final AuditLog audit;

    SessionRoutes(Access access, Accounts accounts, ExerciseRecords records, Sessions sessions, AuditLog audit) {
        this.access = access;
        this.accounts = accounts;
        this.records = records;
        this.sessions = sessions;
        this.audit = audit;
    }

    void login(Context ctx) {
        JsonNode body = jsonBody(ctx);
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        String address = ctx.ip();
        if (!sessions.loginAllowed(username, address)) {
            audit.record(username, "login-throttled", "from " + address);
            throw new ApiError(429, "too many failed logins; wait 15 minutes");
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
            sessions.loginFailed(username, address);
            audit.record(username.isEmpty() ? "-" : username, "login-failed", "from " + address
                    + (plausible ? "" : " (no account can have that name or password)"));
            throw new ApiError(401, "wrong username or password");
        }
        sessions.loginSucceeded(username, address);
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
