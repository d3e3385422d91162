package org.spacettx.app.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import org.spacettx.app.auth.Oidc;
import org.spacettx.app.store.Sessions;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.ActionRegister;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.app.store.StoreException;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.scenario.Limits;
import org.spacettx.orbit.data.OrekitData;

/**
 * The SpaceTTX server: the whole HTTP set-up, top to bottom. Handlers are in {@link SessionRoutes} and
 * {@link ExerciseRoutes}; they delegate to the engine and the store.
 */
public final class Server implements AutoCloseable {

    /** The names the live stream gives its events (one per kind of event the engine records), for clients to listen to. */
    static final java.util.List<String> EVENT_TYPES = java.util.Arrays.stream(org.spacettx.exercise.engine.Event.class.getPermittedSubclasses())
            .map(kind -> org.spacettx.exercise.engine.EventFormat.name(kind.asSubclass(org.spacettx.exercise.engine.Event.class))).toList();

    /** The API's OpenAPI 3.1 description ({@link OpenApi}). */
    private static final byte[] OPENAPI = OpenApi.document();

    /** How long a stopping server waits for the requests under way to be answered. */
    static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);

    /** Largest request body accepted (a scenario file with its texts stays far below). */
    static final long MAX_REQUEST_BYTES = 2_000_000;
    /** A request attribute set when a route answered with an error of its own. */
    private static final String ANSWERED = "spacettx.answered";

    private final Javalin app;
    private final LiveExercises exercises;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spacettx-clock");
        t.setDaemon(true);
        return t;
    });

    private final Computations computations;

    private Server(Javalin app, LiveExercises exercises, Computations computations) {
        this.app = app;
        this.exercises = exercises;
        this.computations = computations;
    }

    /**
     * How a server runs: where it listens, whether its cookies are marked {@code Secure}, its clock, the identity
     * provider it also signs people in through (or null), and the limits it puts on a scenario's work.
     */
    public record Options(String host, int port, boolean secureCookies, Clock clock, Oidc oidc, Limits limits,
                          int commandBurst, double commandsPerSecond, ScheduleCache prepared, org.spacettx.app.tls.Tls tls) {

        /**
         * On the loopback address, port {@code port} (0: any free one), local accounts, the system clock, default limits
         * and command rate.
         */
        public static Options local(int port) {
            return new Options("127.0.0.1", port, false, Clock.systemUTC(), null, Limits.DEFAULT,
                    CommandThrottle.Rate.DEFAULT.burst(), CommandThrottle.Rate.DEFAULT.perSecond(), new ScheduleCache(), null);
        }

        public Options withClock(Clock c) {
            return new Options(host, port, secureCookies, c, oidc, limits, commandBurst, commandsPerSecond, prepared, tls);
        }

        public Options withOidc(Oidc o) {
            return new Options(host, port, secureCookies, clock, o, limits, commandBurst, commandsPerSecond, prepared, tls);
        }

        public Options withLimits(Limits l) {
            return new Options(host, port, secureCookies, clock, oidc, l, commandBurst, commandsPerSecond, prepared, tls);
        }

        /** Scenarios parsed and scheduled ahead (a standby's, warmed while it waited). */
        public Options withPrepared(ScheduleCache cache) {
            return new Options(host, port, secureCookies, clock, oidc, limits, commandBurst, commandsPerSecond, cache, tls);
        }

        /** HTTPS only, with these files (and smart-card sign-in when they name client authorities). */
        public Options withTls(org.spacettx.app.tls.Tls t) {
            return new Options(host, port, secureCookies, clock, oidc, limits, commandBurst, commandsPerSecond, prepared, t);
        }

        /** Another allowance of commands per user: {@code burst} at once, then {@code perSecond} a second. */
        public Options withCommandRate(int burst, double perSecond) {
            return new Options(host, port, secureCookies, clock, oidc, limits, burst, perSecond, prepared, tls);
        }
    }

    /** Starts a server over a database. */
    public static Server start(Database db, Options options) {
        String host = options.host();
        int port = options.port();
        boolean secureCookies = options.secureCookies();
        Clock clock = options.clock();
        Oidc oidc = options.oidc();
        Accounts accounts = new Accounts(db);
        ExerciseRecords records = new ExerciseRecords(db);
        AuditLog audit = new AuditLog(db);
        ActionRegister register = new ActionRegister(db);
        LiveExercises exercises = new LiveExercises(records, new EventStore(db), register, OrekitData.standard(), clock,
                options.limits(), options.prepared());
        exercises.loadAll();
        Sessions sessions = new Sessions(db, clock);
        org.spacettx.app.auth.LoginThrottle throttle = new org.spacettx.app.auth.LoginThrottle(clock);
        org.spacettx.app.tls.Tls tls = options.tls();
        // with TLS the session cookie is Secure, whatever the option says
        Access access = new Access(sessions, accounts, records, audit, secureCookies || tls != null);
        SessionRoutes sessionRoutes = new SessionRoutes(access, accounts, records, sessions, throttle, audit,
                tls == null ? null : tls.clientCertificates(), new org.spacettx.app.store.CertificateSubjects(db),
                oidc == null ? null : oidc.config().label());
        PeopleRoutes peopleRoutes = new PeopleRoutes(access, accounts, throttle, audit);
        Computations computations = new Computations(options.limits().computeTime());
        ExerciseRoutes exerciseRoutes = new ExerciseRoutes(access, exercises, records, accounts, audit, clock, computations,
                new CommandThrottle(clock, new CommandThrottle.Rate(options.commandBurst(), options.commandsPerSecond())),
                new org.spacettx.app.store.ExerciseFiles(db));
        RegisterRoutes registerRoutes = new RegisterRoutes(access, exercises, records, register, audit, clock);
        WorkspaceRoutes workspaceRoutes = new WorkspaceRoutes(access, new org.spacettx.app.store.Drafts(db),
                new org.spacettx.app.store.Catalogs(db), exerciseRoutes, exercises, audit);
        OidcRoutes oidcRoutes = oidc == null ? null : new OidcRoutes(oidc, access, accounts, records, exercises, audit,
                secureCookies || tls != null);

        Javalin app = Javalin.create(config -> {
            if (tls == null) {
                config.jetty.host = host;
                config.jetty.port = port;
            } else {
                config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
            }
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.startup.showJavalinBanner = false;
            // on stop (SIGTERM), requests under way are answered before the connectors close, for up to STOP_TIMEOUT
            config.jetty.modifyServer(server -> {
                server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            // Live streams hold their connections for hours: virtual threads keep hundreds of them cheap.
            config.concurrency.useVirtualThreads = true;

            config.routes.before(ctx -> securityHeaders(ctx));
            config.routes.before("/api/*", access::authenticate);
            // The stream answers 200 as soon as it starts: who may open it is decided before that.
            config.routes.before("/api/exercises/{id}/stream", exerciseRoutes::checkStreamAccess);

            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
            config.routes.post("/api/session", sessionRoutes::login);
            config.routes.post("/api/session/certificate", sessionRoutes::certificateLogin);
            config.routes.delete("/api/session", sessionRoutes::logout);
            config.routes.get("/api/me", sessionRoutes::me);
            config.routes.get("/api/auth/providers", sessionRoutes::providers);
            if (oidcRoutes != null) {
                config.routes.get("/api/oidc/login", oidcRoutes::login);
                config.routes.get("/api/oidc/callback", oidcRoutes::callback);
            }
            config.routes.get("/api/event-types", ctx -> ctx.json(EVENT_TYPES));
            config.routes.get("/api/accounts", peopleRoutes::list);
            config.routes.post("/api/accounts", peopleRoutes::create);
            config.routes.post("/api/accounts/{username}", peopleRoutes::update);

            config.routes.get("/api/exercises", exerciseRoutes::list);
            config.routes.post("/api/exercises", exerciseRoutes::create);
            config.routes.post("/api/exercises/import", exerciseRoutes::importArchive);
            config.routes.post("/api/scenarios/validate", exerciseRoutes::validate);
            config.routes.post("/api/scenarios/validate-document", exerciseRoutes::validateDocument);
            config.routes.delete("/api/scenarios/validation", exerciseRoutes::cancelValidation);
            config.routes.get("/api/drafts", workspaceRoutes::list);
            config.routes.post("/api/drafts", workspaceRoutes::create);
            config.routes.get("/api/drafts/{id}", workspaceRoutes::get);
            config.routes.post("/api/drafts/{id}/versions", workspaceRoutes::save);
            config.routes.get("/api/drafts/{id}/versions", workspaceRoutes::history);
            config.routes.get("/api/drafts/{id}/diff", workspaceRoutes::diff);
            config.routes.get("/api/drafts/{id}/scenario.yaml", workspaceRoutes::download);
            config.routes.get("/api/drafts/{id}/msel.xlsx", workspaceRoutes::workbook);
            config.routes.post("/api/drafts/{id}/msel.xlsx", workspaceRoutes::uploadWorkbook);
            config.routes.post("/api/drafts/{id}/publish", workspaceRoutes::publish);
            config.routes.get("/api/launch-sites", workspaceRoutes::launchSites);
            config.routes.get("/api/catalogs", workspaceRoutes::catalogList);
            config.routes.post("/api/catalogs", workspaceRoutes::catalogUpload);
            config.routes.get("/api/catalogs/search", workspaceRoutes::catalogSearch);
            config.routes.post("/api/exercises/{id}/members", exerciseRoutes::addMember);
            config.routes.get("/api/exercises/{id}/members", exerciseRoutes::members);
            config.routes.get("/api/exercises/{id}/feed", exerciseRoutes::feed);
            config.routes.get("/api/exercises/{id}/room", exerciseRoutes::room);
            config.routes.get("/api/exercises/{id}/timeline", exerciseRoutes::timeline);
            config.routes.get("/api/exercises/{id}/space", exerciseRoutes::space);
            config.routes.get("/api/exercises/{id}/report", exerciseRoutes::report);
            config.routes.get("/api/exercises/{id}/evaluation.csv", exerciseRoutes::evaluationCsv);
            GuideRoutes guides = new GuideRoutes();
            config.routes.get("/guides/images/{name}", guides::image);
            config.routes.get("/guides/{name}", guides::guide);
            config.routes.post("/api/exercises/{id}/injects/{number}/files", exerciseRoutes::attachFile);
            config.routes.get("/api/exercises/{id}/files/{sha256}", exerciseRoutes::file);
            config.routes.get("/api/exercises/{id}/space.kml", exerciseRoutes::spaceKml);
            config.routes.get("/api/exercises/{id}/space.czml", exerciseRoutes::spaceCzml);
            config.routes.get("/api/exercises/{id}/warning.ics", exerciseRoutes::warningCalendar);
            config.routes.post("/api/exercises/{id}/commands", exerciseRoutes::command);
            config.routes.get("/api/exercises/{id}/read-ahead", registerRoutes::readAhead);
            config.routes.get("/api/exercises/{id}/archive", exerciseRoutes::archive);
            config.routes.post("/api/exercises/{id}/msel.xlsx", exerciseRoutes::importWorkbook);
            config.routes.get("/api/exercises/{id}/replay", exerciseRoutes::replay);
            config.routes.get("/api/register", registerRoutes::list);
            config.routes.post("/api/register/{id}", registerRoutes::update);
            config.routes.sse("/api/exercises/{id}/stream", exerciseRoutes::stream);

            config.routes.exception(ApiError.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true); // a route's own error (a 404 of its own keeps its code)
                error(ctx, e.status(), e.message(), e.details());
            });
            config.routes.exception(StoreException.class, (e, ctx) -> {
                if (e.isUnavailable()) {
                    // the database is away (restarting, unreachable) or busy past the wait; the request was not
                    // acknowledged, and the client may try again
                    ctx.header("Retry-After", "5");
                    error(ctx, 503, e instanceof StoreException.NotActive ? ApiProblem.NOT_ACTIVE.with("detail", e.getMessage())
                            : ApiProblem.DATABASE_UNAVAILABLE.with(), null);
                } else {
                    org.slf4j.LoggerFactory.getLogger(Server.class).error("request failed: " + describe(ctx), e);
                    error(ctx, 500, ApiProblem.INTERNAL.with(), null);
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                org.slf4j.LoggerFactory.getLogger(Server.class).error("request failed: " + describe(ctx), e);
                error(ctx, 500, ApiProblem.INTERNAL.with(), null);
            });
            config.routes.error(404, ctx -> {
                // a route's own 404 (no such exercise, no such document) keeps its code; a path no route answers gets this
                if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                    error(ctx, 404, ApiProblem.NOT_FOUND.with("method", ctx.method(), "path", ctx.path()), null);
                }
            });
            config.routes.error(405, ctx -> error(ctx, 405, ApiProblem.METHOD_NOT_ALLOWED.with(), null));
            config.routes.error(413, ctx -> error(ctx, 413, ApiProblem.TOO_LARGE.with("limit", MAX_REQUEST_BYTES), null));
        }).start();
        Server server = new Server(app, exercises, computations);
        server.ticker.scheduleAtFixedRate(server::tickSafely, 1, 1, TimeUnit.SECONDS);
        return server;
    }

    private void tickSafely() {
        try {
            exercises.tick();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Server.class).warn("clock tick failed: " + e.getMessage());
        }
    }

    /** Method and path, when the request still exists (a stream's context outlives its request). */
    private static String describe(Context ctx) {
        try {
            return ctx.method() + " " + ctx.path();
        } catch (RuntimeException e) {
            return "(a finished request)";
        }
    }

    static void error(Context ctx, int status, org.spacettx.exercise.text.Message message, Object details) {
        // A request refused before its body was read (no session, no right) still has the body on the wire; reading
        // it keeps the connection usable, where closing it would cut off a client still sending (a broken pipe
        // instead of our answer).
        long length = ctx.contentLength();
        if (length > 0 && length <= MAX_REQUEST_BYTES) {
            try {
                ctx.bodyAsBytes();
            } catch (RuntimeException e) {
                // the client went away; the answer below goes nowhere either
            }
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", message.english());
        body.put("code", message.code().id());
        body.put("params", message.params());
        if (details != null) {
            body.put("details", details);
        }
        ctx.status(status).json(body);
    }

    /**
     * Headers for every response: no framing, no sniffing, scripts and styles from this server only. The globe's page
     * alone, which the console and the room's screen frame, lets CesiumJS do what it needs: compile WebAssembly (no
     * JavaScript eval), start workers and their scripts from blob: URLs (made by its own code), and set inline styles.
     */
    static void securityHeaders(Context ctx) {
        boolean globe = ctx.path().equals("/globe.html");
        ctx.header("Content-Security-Policy", globe
                ? "default-src 'self'; script-src 'self' blob: 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'none'"
                : "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", globe ? "SAMEORIGIN" : "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", ctx.path().startsWith("/api/") ? "no-store" : "no-cache");
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.status(204);
        }
    }

    public int port() {
        return app.port();
    }

    public LiveExercises exercises() {
        return exercises;
    }

    /** The routes this server answers, as "METHOD /path" (its route table, for the API's contract test). */
    java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).distinct().sorted().toList();
    }

    @Override
    /**
     * Stops the server cleanly (what SIGTERM does): the clock's beat finishes the tick under way and stops, running
     * computations are cancelled (their requests answered), every live stream is ended (browsers reconnect to whoever
     * serves next), and the commands under way are answered before the connectors close.
     */
    public void close() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        computations.close();
        exercises.closeAllStreams();
        app.stop();
    }
}
