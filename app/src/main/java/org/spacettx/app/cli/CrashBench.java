package org.spacettx.app.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.Json;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spacettx bench crash}: kills a server with SIGKILL again and again while several users send commands, and
 * checks after every kill, on the store itself, that every command the server acknowledged (HTTP 200) is in the
 * exercise's log exactly once, at the sequence number it was acknowledged with, that the log has no gap and that
 * the audit chain verifies. Some kills fall during start-up, while the server replays the log.
 */
@Command(name = "crash", mixinStandardHelpOptions = true, description = "Durability under SIGKILL: a server in a child JVM on the demo exercise, five users sending different commands "
        + "(message, RFI, action item, observation, statement draft) while the clock releases injects, killed with "
        + "SIGKILL at random moments (some during start-up replay) and restarted. After every kill the store is read "
        + "directly: each acknowledged command must be in the log once, at its acknowledged sequence number, the log "
        + "gap-free and the audit chain intact. Prints kills / acknowledged / lost / doubled; exit 1 on any loss.")
final class CrashBench implements Callable<Integer> {

    @Option(names = "--kills", defaultValue = "20", description = "SIGKILLs (default ${DEFAULT-VALUE}).")
    int kills;
    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The database to run on (jdbc:postgresql://...; password from SPACETTX_DB_PASSWORD). Default: the embedded "
            + "store in a new temporary directory.")
    String jdbcUrl;
    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --db.")
    String dbUser;
    @Option(names = "--seed", description = "Seed of the kill moments (default: from the clock; printed).")
    Long seed;
    @Option(names = "--max-run-ms", defaultValue = "2500", description = "Longest time a server runs before its kill (default ${DEFAULT-VALUE}).")
    int maxRunMillis;
    @Option(names = "--startup-kills", defaultValue = "20", description = "Share of kills, in percent, that fall during start-up (default ${DEFAULT-VALUE}).")
    int startupPercent;
    @Mixin
    FormatOption format;

    static final String PASSWORD = "crash-bench-password-1";
    static final String EX = ServerCommands.DemoSetup.EXERCISE;
    static final Pattern TOKEN = Pattern.compile("ck-[0-9a-f]{8}-[a-z]+-\\d+");

    /** A user and the command it keeps sending, each carrying a token that makes it recognisable in the log. */
    record Writer(String name, String user, IntFunction<String> command, AtomicInteger sent) {
        Writer(String name, String user, IntFunction<String> command) {
            this(name, user, command, new AtomicInteger());
        }
    }

    /** The store under test: opened by this process between kills, and by the child server in between. */
    record Store(String url, String user, Path dataDir) {
        Database open() {
            return dataDir != null ? Database.open(Database.embeddedUrl(dataDir), null, null)
                    : Database.open(url, user, System.getenv("SPACETTX_DB_PASSWORD"));
        }

        List<String> serverArgs() {
            if (dataDir != null) {
                return List.of("--data-dir", dataDir.toString());
            }
            List<String> args = new ArrayList<>(List.of("--db", url));
            if (user != null) {
                args.addAll(List.of("--db-user", user));
            }
            return args;
        }

        String describe() {
            return dataDir != null ? "embedded" : url.replaceFirst("^jdbc:", "").replaceFirst("\\?.*", "");
        }
    }

    /** What a check of the store after a kill found, over every acknowledgement so far. */
    record Check(long events, int lost, int doubled, int gaps, String audit) {
        boolean ok() {
            return lost == 0 && doubled == 0 && gaps == 0 && audit == null;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (kills < 1 || maxRunMillis < 100 || startupPercent < 0 || startupPercent > 100) {
            throw new InputException(null, "--kills/--max-run-ms/--startup-kills", "kills >= 1, run >= 100 ms, start-up share 0 to 100 %");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InputException(null, "--db", "'" + jdbcUrl + "' is not a jdbc:postgresql: URL");
        }
        long s = seed != null ? seed : System.nanoTime();
        Path temp = jdbcUrl == null ? Files.createTempDirectory("spacettx-crash") : null;
        Store store = new Store(jdbcUrl, dbUser, temp);
        try {
            try (Database db = store.open()) {
                DemoAccess.prepare(db, PASSWORD);
            }
            System.err.println("spacettx: crash loop on " + store.describe() + ", " + kills + " kills, seed " + s);
            Result result = loop(store, new Random(s));
            try (RowWriter out = new RowWriter(List.of(Column.text("store", 10), Column.number("kills", 5, 0),
                    Column.number("startup_kills", 13, 0), Column.number("acknowledged", 12, 0), Column.number("lost", 4, 0),
                    Column.number("doubled", 7, 0), Column.number("gaps", 4, 0), Column.text("audit", 6),
                    Column.number("events", 7, 0), Column.number("seed", 20, 0)), format.format, System.out)) {
                out.row(store.describe(), (double) kills, (double) result.startupKills, (double) result.acknowledged.size(),
                        (double) result.last.lost(), (double) result.last.doubled(), (double) result.last.gaps(),
                        result.last.audit() == null ? "intact" : "BROKEN", (double) result.last.events(), (double) s);
            }
            if (result.last.audit() != null) {
                System.err.println("spacettx: audit log: " + result.last.audit());
            }
            return result.last.ok() ? 0 : 1;
        } finally {
            if (temp != null) {
                try (var files = Files.walk(temp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static final class Result {
        /** Acknowledged token → the sequence number of its event. */
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        int startupKills;
        Check last;
    }

    private Result loop(Store store, Random random) throws Exception {
        String run = String.format("%08x", random.nextInt());
        List<Writer> writers = writers(run);
        Result result = new Result();
        long startupMillis = 3000;
        boolean started = false;
        for (int kill = 1; kill <= kills; kill++) {
            long spawned = System.nanoTime();
            ChildServer child = spawn(store);
            boolean duringStartup = random.nextInt(100) < startupPercent;
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            try {
                if (duringStartup) {
                    Thread.sleep(random.nextLong(Math.max(1, startupMillis)));
                    result.startupKills++;
                } else {
                    int port = child.awaitReady(java.time.Duration.ofMinutes(2));
                    startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
                    URI base = URI.create("http://127.0.0.1:" + port);
                    if (!started) {
                        startClock(base);
                        started = true;
                    }
                    for (Writer w : writers) {
                        HttpSession session = HttpSession.login(base, w.user(), PASSWORD);
                        threads.add(Thread.ofPlatform().name("crash-" + w.name()).start(() -> write(session, w, stop, result)));
                    }
                    Thread.sleep(100 + random.nextInt(maxRunMillis - 99));
                }
            } finally {
                child.kill();
                stop.set(true);
                for (Thread t : threads) {
                    t.join(60_000);
                }
            }
            result.last = check(store, result.acknowledged);
            System.err.printf("spacettx: kill %d/%d%s: %d acknowledged, %d events, lost %d, doubled %d, gaps %d%s%n", kill, kills,
                    duringStartup ? " (start-up)" : "", result.acknowledged.size(), result.last.events(), result.last.lost(),
                    result.last.doubled(), result.last.gaps(), result.last.audit() == null ? "" : ", audit BROKEN");
        }
        return result;
    }

    static List<Writer> writers(String run) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return List.of(
                new Writer("message", "kor1", n -> f.objectNode().put("type", "PostMessage").put("toCell", "control")
                        .put("body", token(run, "message", n)).put("marking", "REL TO USA, KOR").toString()),
                new Writer("rfi", "usa1", n -> f.objectNode().put("type", "RequestInformation")
                        .put("question", token(run, "rfi", n)).put("marking", "REL TO USA, KOR").toString()),
                new Writer("action", "usa1", n -> f.objectNode().put("type", "SaveActionItem").put("title", token(run, "action", n))
                        .put("ownerNation", "USA").put("due", "2027-03-31").put("status", "open").toString()),
                new Writer("observation", "observer", n -> f.objectNode().put("type", "RecordObservation").put("objective", "O1")
                        .put("rating", 3).put("text", token(run, "observation", n)).toString()),
                new Writer("statement", "control", n -> f.objectNode().put("type", "DraftStatement")
                        .put("text", token(run, "statement", n)).toString()));
    }

    private static String token(String run, String writer, int n) {
        return "ck-" + run + "-" + writer + "-" + n;
    }

    /** Starts the exercise with a fast clock, so that the beat releases injects while the users write. */
    static void startClock(URI base) throws IOException, InterruptedException {
        HttpSession control = HttpSession.login(base, "control", PASSWORD);
        String commands = "/api/exercises/" + EX + "/commands";
        for (String type : List.of("StartExercise", "SetSpeed", "StartClock")) {
            ObjectNode command = JsonNodeFactory.instance.objectNode().put("type", type);
            if (type.equals("SetSpeed")) {
                command.put("speed", 600);
            }
            HttpSession.Reply r = control.post(commands, command.toString());
            if (r.status() != 200 && !(type.equals("StartExercise") && r.status() == 422)) {
                throw new IllegalStateException(type + " answered " + r.status() + ": " + r.json().path("error").asText());
            }
        }
    }

    /** Sends one writer's commands until the server dies or the round ends; keeps what was acknowledged. */
    private static void write(HttpSession session, Writer w, AtomicBoolean stop, Result result) {
        String path = "/api/exercises/" + EX + "/commands";
        while (!stop.get()) {
            String command = w.command().apply(w.sent().getAndIncrement());
            HttpSession.Reply r;
            try {
                r = session.post(path, command);
            } catch (IOException e) {
                return; // killed under the request: not acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (r.status() == 200) {
                Matcher m = TOKEN.matcher(command);
                m.find();
                // the command's own event comes first; injects that fell due at the same moment follow it
                result.acknowledged.put(m.group(), r.json().path("events").path(0).path("sequence").asLong());
            } else if (r.status() == 429) {
                // past the user's allowance of commands: wait as told (the server decided nothing)
                try {
                    Thread.sleep(1000L * r.json().path("details").path("retryAfterSeconds").asLong(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (r.status() != 409 && r.status() != 503) {
                throw new IllegalStateException(w.name() + " was refused with " + r.status() + ": " + r.json().path("error").asText());
            }
        }
    }

    /** Reads the dead server's store: the exercise's log against every acknowledgement, and the audit chain. */
    static Check check(Store store, Map<String, Long> acknowledged) {
        try (Database db = store.open()) {
            List<Event.Recorded> log = new EventStore(db).load(EX);
            int gaps = 0;
            Map<String, List<Long>> found = new HashMap<>();
            for (int i = 0; i < log.size(); i++) {
                Event.Recorded r = log.get(i);
                if (r.sequence() != i + 1) {
                    gaps++;
                }
                Matcher m = TOKEN.matcher(Json.write(r.event()));
                while (m.find()) {
                    found.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(r.sequence());
                }
            }
            int lost = 0;
            int doubled = 0;
            for (Map.Entry<String, Long> a : acknowledged.entrySet()) {
                List<Long> at = found.getOrDefault(a.getKey(), List.of());
                if (!at.contains(a.getValue())) {
                    lost++;
                }
            }
            for (List<Long> at : found.values()) {
                if (at.size() > 1) {
                    doubled++;
                }
            }
            return new Check(log.size(), lost, doubled, gaps, new AuditLog(db).verify().orElse(null));
        }
    }

    private static ChildServer spawn(Store store) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(store.serverArgs());
        return ChildServer.start(args);
    }
}
