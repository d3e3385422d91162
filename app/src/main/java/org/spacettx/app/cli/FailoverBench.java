package org.spacettx.app.cli;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spacettx.app.store.Database;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spacettx bench failover}: two servers on one PostgreSQL database, one active and one standing by, while
 * five users send commands; the active one is killed with SIGKILL again and again. The users know both addresses (as a
 * client behind no load balancer would) and send each command under an idempotency key, again with the same key to
 * the other address when no answer came. After the run the store is read directly: every acknowledged command must be
 * in the log once, at its acknowledged sequence number, the log gap-free, the audit chain intact. Prints the kills,
 * the acknowledged, lost and doubled commands, and the failover times: from the kill to the standby's first answer
 * (median and worst).
 */
@Command(name = "failover", mixinStandardHelpOptions = true, description = "A standby that takes over: two servers on one PostgreSQL database (one active, one standing by), five users "
        + "sending commands to whichever answers, the active server killed with SIGKILL at random moments and started again "
        + "as the new standby. Prints kills / acknowledged / lost / doubled and the failover times (kill to the standby "
        + "serving, median and worst); exit 1 on any loss or a failover slower than --max-failover-s.")
final class FailoverBench implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "The PostgreSQL database (password from SPACETTX_DB_PASSWORD).")
    String jdbcUrl;
    @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
    String dbUser;
    @Option(names = "--kills", defaultValue = "20", description = "SIGKILLs of the active server (default ${DEFAULT-VALUE}).")
    int kills;
    @Option(names = "--seed", description = "Seed of the kill moments (default: from the clock; printed).")
    Long seed;
    @Option(names = "--max-run-ms", defaultValue = "3000", description = "Longest time an active server runs before its kill (default ${DEFAULT-VALUE}).")
    int maxRunMillis;
    @Option(names = "--max-failover-s", defaultValue = "10", description = "Slowest failover that passes (default ${DEFAULT-VALUE}).")
    int maxFailoverSeconds;
    @Mixin
    FormatOption format;

    private static final Pattern STANDING_BY = Pattern.compile("SpaceTTX is standing by");
    static final String EX = CrashBench.EX;
    static final String PASSWORD = CrashBench.PASSWORD;

    /** A server in a child JVM and, once it is active, the address it serves. */
    private static final class Instance {
        final ChildServer child;
        final CompletableFuture<URI> serving = new CompletableFuture<>();

        Instance(ChildServer child) {
            this.child = child;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!jdbcUrl.startsWith("jdbc:postgresql:") || kills < 1 || maxRunMillis < 200) {
            throw new InputException(null, "--db/--kills/--max-run-ms", "a jdbc:postgresql: URL, kills >= 1, run >= 200 ms");
        }
        long s = seed != null ? seed : System.nanoTime();
        Random random = new Random(s);
        CrashBench.Store store = new CrashBench.Store(jdbcUrl, dbUser, null);
        try (Database db = store.open()) {
            DemoAccess.prepare(db, PASSWORD);
        }
        System.err.println("spacettx: failover loop on " + store.describe() + ", " + kills + " kills, seed " + s);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<Double> failovers = new ArrayList<>();
        Instance active = start(store, false);
        URI first = active.serving.get();
        CrashBench.startClock(first);
        Instance standby = start(store, true);
        AtomicReference<URI> current = new AtomicReference<>(first);
        AtomicBoolean stop = new AtomicBoolean();
        String run = String.format("%08x", random.nextInt());
        List<Thread> threads = new ArrayList<>();
        for (CrashBench.Writer w : CrashBench.writers(run)) {
            HttpSession session = HttpSession.login(first, w.user(), PASSWORD);
            threads.add(Thread.ofPlatform().name("failover-" + w.name()).start(() -> write(session, w, current, stop, acknowledged)));
        }
        try {
            for (int kill = 1; kill <= kills; kill++) {
                Thread.sleep(200 + random.nextInt(maxRunMillis - 199));
                long killed = System.nanoTime();
                active.child.kill();
                URI next = standby.serving.get(2L * maxFailoverSeconds + 60, java.util.concurrent.TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - killed) / 1e9;
                failovers.add(seconds);
                current.set(next);
                System.err.printf("spacettx: kill %d/%d: the standby serves at %s after %.2f s; %d acknowledged%n", kill, kills,
                        next, seconds, acknowledged.size());
                active = standby;
                standby = start(store, true); // the killed server comes back as the new standby
            }
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
            active.child.kill();
            standby.child.kill();
        }
        CrashBench.Check check = CrashBench.check(store, acknowledged);
        List<Double> sorted = failovers.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double worst = sorted.get(sorted.size() - 1);
        try (RowWriter out = new RowWriter(List.of(Column.number("kills", 5, 0), Column.number("acknowledged", 12, 0),
                Column.number("lost", 4, 0), Column.number("doubled", 7, 0), Column.number("gaps", 4, 0), Column.text("audit", 6),
                Column.number("failover_median_s", 17, 2), Column.number("failover_worst_s", 16, 2), Column.number("seed", 20, 0)),
                format.format, System.out)) {
            out.row((double) kills, (double) acknowledged.size(), (double) check.lost(), (double) check.doubled(), (double) check.gaps(),
                    check.audit() == null ? "intact" : "BROKEN", median, worst, (double) s);
        }
        return check.ok() && worst <= maxFailoverSeconds ? 0 : 1;
    }

    /** A server on the store; {@code standby}: it is expected to stand by first (waits until it says it is ready to). */
    private static Instance start(CrashBench.Store store, boolean standby) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(store.serverArgs());
        Instance instance = new Instance(ChildServer.start(args));
        if (standby) {
            instance.child.awaitLine(STANDING_BY, Duration.ofMinutes(3));
        }
        Thread.ofVirtual().start(() -> {
            try {
                instance.serving.complete(URI.create("http://127.0.0.1:" + instance.child.awaitReady(Duration.ofDays(1))));
            } catch (IOException | RuntimeException e) {
                instance.serving.completeExceptionally(e);
            }
        });
        return instance;
    }

    /**
     * One user's commands, each under its own idempotency key, sent to the address that serves now and, when no
     * answer came (a refused connection, a 503 of a server that stopped being active), again with the same key until
     * one answers.
     */
    private static void write(HttpSession login, CrashBench.Writer w, AtomicReference<URI> current, AtomicBoolean stop,
                              Map<String, Long> acknowledged) {
        String path = "/api/exercises/" + EX + "/commands";
        while (!stop.get()) {
            String command = w.command().apply(w.sent().getAndIncrement());
            String key = "failover-" + w.name() + "-" + w.sent().get();
            while (!stop.get()) {
                HttpSession.Reply r;
                try {
                    r = login.at(current.get()).post(path, command, key);
                } catch (IOException e) {
                    pause(100);
                    continue; // not answered: again, same key
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (r.status() == 200) {
                    Matcher m = CrashBench.TOKEN.matcher(command);
                    m.find();
                    acknowledged.put(m.group(), r.json().path("events").path(0).path("sequence").asLong());
                    break;
                }
                if (r.status() == 429) {
                    pause(1000L * r.json().path("details").path("retryAfterSeconds").asLong(1));
                } else if (r.status() == 503 || r.status() == 409) {
                    pause(100);
                } else {
                    throw new IllegalStateException(w.name() + " was refused with " + r.status() + ": " + r.json().path("error").asText());
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
