package org.spacettx.app.server;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.javalin.http.Context;

import org.spacettx.app.auth.Oidc;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.Actor;

/**
 * {@code /api/oidc/...}: sign-in through the organisation's identity provider, when the server is given one.
 * {@code login} sends the browser to the provider with a fresh state (also in a cookie of this browser), nonce and
 * PKCE challenge; {@code callback} takes the provider's answer, refuses it unless its state is this browser's, has
 * the ID token checked, and then makes the person's account what the provider's groups say: created on the first
 * sign-in (linked to the provider's issuer and subject; a local account of the same name is never taken over),
 * administrator and planner as their groups say at every sign-in, and seated in the cells their groups map to. Local
 * accounts keep working beside it, for offline use. Every sign-in and every refusal is audited.
 */
final class OidcRoutes {

    static final String STATE_COOKIE = "spacettx_oidc";
    /** Sign-ins under way at most; beyond it the oldest are dropped (a flood of starts cannot fill the memory). */
    private static final int MAX_PENDING = 10_000;

    private final Oidc oidc;
    private final Access access;
    private final Accounts accounts;
    private final ExerciseRecords records;
    private final LiveExercises exercises;
    private final AuditLog audit;
    private final boolean secureCookies;
    private final Map<String, Oidc.Pending> pending = new ConcurrentHashMap<>();

    OidcRoutes(Oidc oidc, Access access, Accounts accounts, ExerciseRecords records, LiveExercises exercises,
               AuditLog audit, boolean secureCookies) {
        this.oidc = oidc;
        this.access = access;
        this.accounts = accounts;
        this.records = records;
        this.exercises = exercises;
        this.audit = audit;
        this.secureCookies = secureCookies;
    }

    void login(Context ctx) {
        URI redirect = URI.create(ctx.scheme() + "://" + ctx.host() + "/api/oidc/callback");
        Map.Entry<URI, Oidc.Pending> started;
        try {
            started = oidc.start(redirect);
        } catch (Oidc.Refused e) {
            refuse(ctx, "-", e.getMessage());
            return;
        }
        Instant cutoff = Instant.now().minus(Oidc.PENDING_FOR);
        pending.values().removeIf(p -> p.started().isBefore(cutoff));
        if (pending.size() >= MAX_PENDING) {
            pending.values().stream().min(java.util.Comparator.comparing(Oidc.Pending::started))
                    .ifPresent(oldest -> pending.remove(oldest.state().getValue()));
        }
        String state = started.getValue().state().getValue();
        pending.put(state, started.getValue());
        // Lax, not Strict: the provider's redirect back is a top-level navigation from its site, which must carry it
        ctx.header("Set-Cookie", STATE_COOKIE + "=" + state + "; Path=/api/oidc; Max-Age=" + Oidc.PENDING_FOR.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : ""));
        ctx.redirect(started.getKey().toString());
    }

    void callback(Context ctx) {
        String state = ctx.queryParam("state");
        String cookie = ctx.cookie(STATE_COOKIE);
        ctx.header("Set-Cookie", STATE_COOKIE + "=; Path=/api/oidc; Max-Age=0; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : ""));
        Oidc.Pending p = state == null ? null : pending.remove(state);
        if (p == null || cookie == null || !cookie.equals(state) || p.started().isBefore(Instant.now().minus(Oidc.PENDING_FOR))) {
            refuse(ctx, "-", "the sign-in was not started from this browser, or took too long; start again");
            return;
        }
        if (ctx.queryParam("error") != null) {
            refuse(ctx, "-", "the identity provider refused: " + ctx.queryParam("error"));
            return;
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            refuse(ctx, "-", "the identity provider sent no code");
            return;
        }
        Oidc.Identity who;
        try {
            who = oidc.complete(p, code);
        } catch (Oidc.Refused e) {
            refuse(ctx, "-", e.getMessage());
            return;
        }
        try {
            Accounts.checkUsername(who.username());
        } catch (IllegalArgumentException e) {
            refuse(ctx, who.externalId(), "the provider's username '" + who.username() + "' cannot be used: " + e.getMessage());
            return;
        }
        Accounts.User user;
        try {
            user = accounts.external(who.externalId(), who.username(), who.displayName());
        } catch (Accounts.Exists e) {
            refuse(ctx, who.username(), e.getMessage());
            return;
        }
        if (user.disabled()) {
            refuse(ctx, user.username(), "the account is disabled");
            return;
        }
        apply(user, who);
        access.signIn(ctx, user, "through " + who.issuer() + " from " + ctx.ip() + ", groups " + who.groups());
        ctx.redirect("/");
    }

    /** The account as the groups say: administrator, planner, and a seat per mapped exercise (none when no group maps). */
    private void apply(Accounts.User user, Oidc.Identity who) {
        boolean admin = oidc.administrator(who);
        boolean planner = oidc.planner(who);
        if (user.admin() != admin) {
            accounts.setAdmin(user.username(), admin);
            audit.record("system", admin ? "administrator-made" : "administrator-unmade", user.username() + " (identity provider groups)");
        }
        if (user.planner() != planner) {
            accounts.setPlanner(user.username(), planner);
            audit.record("system", planner ? "planner-made" : "planner-unmade", user.username() + " (identity provider groups)");
        }
        Map<String, Oidc.Seat> seats = oidc.seats(who);
        for (Oidc.Seat mapped : oidc.config().seats()) {
            String exercise = mapped.exercise();
            if (exercises.get(exercise).isEmpty()) {
                continue;
            }
            var current = records.membership(exercise, user.username());
            Oidc.Seat seat = seats.get(exercise);
            if (seat == null) {
                if (current.isPresent()) {
                    records.removeMember(exercise, user.username());
                    audit.record("system", "member-removed", exercise + ": " + user.username() + " (identity provider groups)");
                }
            } else if (current.isEmpty() || !current.get().cell().equals(seat.cell()) || !current.get().role().equals(seat.role())) {
                var cell = exercises.get(exercise).get().scenario().cell(seat.cell());
                if (cell.isEmpty() || !Actor.Role.valueOf(seat.role().toUpperCase(java.util.Locale.ROOT)).fits(cell.get().kind())) {
                    audit.record("system", "member-refused", exercise + ": " + user.username() + " cannot sit as " + seat.role() + " in " + seat.cell());
                    continue;
                }
                records.addMember(exercise, user.username(), seat.role(), seat.cell());
                audit.record("system", "member-assigned", exercise + ": " + user.username() + " as " + seat.role() + " in " + seat.cell()
                        + " (identity provider groups)");
            }
        }
    }

    /** A refused sign-in: audited, and the person sent back to the login page with the reason. */
    private void refuse(Context ctx, String who, String reason) {
        audit.record(who, "login-failed", "identity provider: " + reason);
        ctx.redirect("/?signin_error=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
    }
}
