package org.spacettx.app.server;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;

/**
 * The accounts, for administrators: list them, create one, disable or enable one, set a new password, make or unmake
 * an administrator or a planner, let an account slowed by failed sign-ins sign in again at once. Every change is
 * audited; a disabled account's or a new password's sessions end at once. An administrator cannot disable or demote
 * themselves, so that no server is left without one by a slip.
 */
final class PeopleRoutes {

    private final Access access;
    private final Accounts accounts;
    private final org.spacettx.app.auth.LoginThrottle throttle;
    private final AuditLog audit;

    PeopleRoutes(Access access, Accounts accounts, org.spacettx.app.auth.LoginThrottle throttle, AuditLog audit) {
        this.access = access;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
    }

    private Accounts.User admin(Context ctx) {
        Accounts.User user = access.user(ctx);
        if (!user.admin()) {
            throw new ApiError(403, ApiProblem.PEOPLE_FOR_ADMINISTRATORS.with());
        }
        return user;
    }

    void list(Context ctx) {
        admin(ctx);
        List<Map<String, Object>> out = accounts.list().stream().map(u -> Map.<String, Object>of("username", u.username(),
                "displayName", u.displayName(), "admin", u.admin(), "planner", u.planner(), "disabled", u.disabled(),
                "signInWaitSeconds", throttle.accountWait(u.username()).map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(0L)))
                .toList();
        ctx.json(out);
    }

    void create(Context ctx) {
        Accounts.User caller = admin(ctx);
        JsonNode body = SessionRoutes.jsonBody(ctx);
        String username = body.path("username").asText("");
        boolean admin = body.path("admin").asBoolean(false);
        boolean planner = body.path("planner").asBoolean(false);
        try {
            accounts.create(username, body.path("displayName").asText(""), body.path("password").asText(""), admin);
            if (planner) {
                accounts.setPlanner(username, true);
            }
        } catch (Accounts.Exists e) {
            throw new ApiError(409, ApiProblem.ACCOUNT_EXISTS.with("detail", e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, ApiProblem.ACCOUNT_INVALID.with("detail", e.getMessage()));
        }
        audit.record(caller.username(), "account-created", username + (admin ? " (administrator)" : "") + (planner ? " (planner)" : ""));
        ctx.status(201).json(Map.of("username", username));
    }

    /**
     * {@code {"disabled": true|false, "password": "...", "admin": true|false, "planner": true|false, "unlock": true}}: any
     * of them, each audited.
     */
    void update(Context ctx) {
        Accounts.User caller = admin(ctx);
        String username = ctx.pathParam("username");
        Accounts.User target = accounts.find(username).orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_ACCOUNT.with("user", username)));
        JsonNode body = SessionRoutes.jsonBody(ctx);
        boolean self = target.username().equals(caller.username());
        if (self && (body.path("disabled").asBoolean(false) || (body.has("admin") && !body.path("admin").asBoolean(true)))) {
            throw new ApiError(422, ApiProblem.NOT_YOURSELF.with());
        }
        if (!body.has("disabled") && !body.has("password") && !body.has("admin") && !body.has("planner") && !body.has("unlock")) {
            throw new ApiError(400, ApiProblem.NOTHING_TO_CHANGE.with());
        }
        if (body.path("unlock").asBoolean(false)) {
            throttle.unlock(username);
            audit.record(caller.username(), "account-unlocked", username);
        }
        if (body.has("password")) {
            try {
                accounts.setPassword(username, body.path("password").asText(""));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, ApiProblem.ACCOUNT_INVALID.with("detail", e.getMessage()));
            }
            audit.record(caller.username(), "password-set", username);
        }
        if (body.has("disabled")) {
            boolean disabled = body.path("disabled").asBoolean();
            accounts.setDisabled(username, disabled);
            audit.record(caller.username(), disabled ? "account-disabled" : "account-enabled", username);
        }
        if (body.has("admin")) {
            boolean admin = body.path("admin").asBoolean();
            accounts.setAdmin(username, admin);
            audit.record(caller.username(), admin ? "administrator-made" : "administrator-unmade", username);
        }
        if (body.has("planner")) {
            boolean planner = body.path("planner").asBoolean();
            accounts.setPlanner(username, planner);
            audit.record(caller.username(), planner ? "planner-made" : "planner-unmade", username);
        }
        ctx.status(204);
    }
}
