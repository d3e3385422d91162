package org.spacettx.app.server;

import java.util.Locale;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import org.spacettx.app.store.Sessions;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.scenario.Cell;

/**
 * Who is calling: the session cookie, the CSRF header on state-changing requests, the account still enabled, and,
 * for an exercise, the caller's membership turned into an engine {@link Actor}. Non-members get 404, so that
 * exercise ids do not leak either.
 */
final class Access {

    static final String COOKIE = "spacettx_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String USER = "spacettx.user";
    private static final String SESSION = "spacettx.session";

    private final Sessions sessions;
    private final Accounts accounts;
    private final ExerciseRecords records;
    private final org.spacettx.app.store.AuditLog audit;
    private final boolean secureCookies;

    Access(Sessions sessions, Accounts accounts, ExerciseRecords records, org.spacettx.app.store.AuditLog audit, boolean secureCookies) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.records = records;
        this.audit = audit;
        this.secureCookies = secureCookies;
    }

    /**
     * Where every sign-in path ends (password, identity provider, client certificate): a new session, never the one
     * the browser came with, its cookie, and the audit entry saying how.
     */
    Sessions.Session signIn(Context ctx, Accounts.User user, String how) {
        sessions.remove(ctx.cookie(COOKIE));
        Sessions.Session session = sessions.create(user.username());
        setSessionCookie(ctx, session.token());
        audit.record(user.username(), "login", how);
        return session;
    }

    void authenticate(Context ctx) {
        boolean open = ctx.path().equals("/api/health") || ctx.path().equals("/api/openapi.json")
                || ((ctx.path().equals("/api/session") || ctx.path().equals("/api/session/certificate")) && ctx.method() == HandlerType.POST)
                // signing in: the providers offered, and the identity provider's flow (GETs that change no state here
                // but the sign-in's own, which its state cookie and parameter guard)
                || (ctx.method() == HandlerType.GET && (ctx.path().equals("/api/auth/providers") || ctx.path().startsWith("/api/oidc/")));
        if (open || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        Sessions.Session session = sessions.find(ctx.cookie(COOKIE)).orElseThrow(() -> new ApiError(401, ApiProblem.LOG_IN_FIRST.with()));
        Accounts.User user = accounts.find(session.username()).filter(u -> !u.disabled())
                .orElseThrow(() -> new ApiError(401, ApiProblem.LOG_IN_FIRST.with()));
        HandlerType m = ctx.method();
        boolean changes = m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
        if (changes && !session.csrfToken().equals(ctx.header(CSRF_HEADER))) {
            throw new ApiError(403, ApiProblem.CSRF.with("header", CSRF_HEADER));
        }
        ctx.attribute(USER, user);
        ctx.attribute(SESSION, session);
    }

    Accounts.User user(Context ctx) {
        Accounts.User user = ctx.attribute(USER);
        if (user == null) {
            throw new ApiError(401, ApiProblem.LOG_IN_FIRST.with());
        }
        return user;
    }

    Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    void setSessionCookie(Context ctx, String token) {
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
    }

    void clearSessionCookie(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
    }

    /** The caller as an actor of an exercise; 404 when they are not a member. */
    Actor actor(Context ctx, LiveExercises.Live live) {
        Accounts.User user = user(ctx);
        ExerciseRecords.Membership m = records.membership(live.id(), user.username())
                .orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_EXERCISE.with("exercise", live.id())));
        Cell cell = live.scenario().cell(m.cell()).orElseThrow(() -> new ApiError(404, ApiProblem.NO_SUCH_EXERCISE.with("exercise", live.id())));
        Actor.Role role = Actor.Role.valueOf(m.role().toUpperCase(Locale.ROOT));
        return new Actor(user.username(), role, cell.id(), cell.nation());
    }
}
