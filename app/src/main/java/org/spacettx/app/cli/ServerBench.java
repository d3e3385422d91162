package org.spacettx.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.spacettx.app.server.Server;
import org.spacettx.app.store.Database;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spacettx bench server}: live-stream delivery latency with N stream clients and M writers against one
 * server on this machine (embedded database in a temporary directory, the demo exercise).
 */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Live-stream delivery latency: for each client count, N SSE clients (half the ROK, half the US delegation) "
        + "receive the messages M writers post; latency = receipt - send, per message per client. The baseline is one "
        + "client, measured in the same run; each row gives p50 and p99 and their ratios to it.")
final class ServerBench implements Callable<Integer> {

    @Option(names = "--clients", split = ",", defaultValue = "100,300,500", description = "Client counts (default ${DEFAULT-VALUE}).")
    List<Integer> clientCounts;
    @Option(names = "--writers", defaultValue = "4", description = "Concurrent writers (default ${DEFAULT-VALUE}).")
    int writers;
    @Option(names = "--messages", defaultValue = "50", description = "Messages per writer per round (default ${DEFAULT-VALUE}).")
    int messages;
    @Option(names = "--interval-ms", defaultValue = "40", description = "Pause between a writer's messages (default ${DEFAULT-VALUE}).")
    int intervalMs;
    @Mixin
    FormatOption format;

    private static final String PASSWORD = "bench-password-1";
    private static final String EX = "rok-us-space-ttx";
    private static final Pattern SENT = Pattern.compile("sent=(\\d+)");

    @Override
    public Integer call() throws Exception {
        if (writers < 1 || messages < 1 || clientCounts.stream().anyMatch(n -> n < 1 || n > 5000)) {
            throw new InputException(null, "--clients/--writers/--messages", "must be positive (at most 5000 clients)");
        }
        Path dir = Files.createTempDirectory("spacettx-bench");
        try (Database db = Database.open(Database.embeddedUrl(dir), null, null)) {
            DemoAccess.prepare(db, PASSWORD);
            // the writers post faster than a person: the per-user allowance of commands is lifted for the measurement
            try (Server server = Server.start(db, Server.Options.local(0).withCommandRate(Integer.MAX_VALUE, 1e9))) {
                URI base = URI.create("http://127.0.0.1:" + server.port());
                HttpSession control = login(base, "control");
                control.post("/api/exercises/" + EX + "/commands", "{\"type\":\"StartExercise\"}");
                HttpSession kor = login(base, "kor1");
                HttpSession usa = login(base, "usa1");
                System.err.println("spacettx: warming up");
                round(base, kor, usa, 20);
                List<Integer> all = new ArrayList<>();
                all.add(1);
                all.addAll(clientCounts);
                double[] baseline = null;
                try (RowWriter out = new RowWriter(List.of(Column.number("clients", 7, 0), Column.number("deliveries", 10, 0),
                        Column.number("p50_ms", 8, 1), Column.number("p99_ms", 8, 1), Column.number("max_ms", 8, 1),
                        Column.number("p50_ratio", 9, 2), Column.number("p99_ratio", 9, 2)), format.format, System.out)) {
                    for (int n : all) {
                        List<Double> latencies = round(base, kor, usa, n);
                        Collections.sort(latencies);
                        double p50 = percentile(latencies, 0.50);
                        double p99 = percentile(latencies, 0.99);
                        if (baseline == null) {
                            baseline = new double[] {p50, p99};
                        }
                        out.row((double) n, (double) latencies.size(), p50, p99, latencies.isEmpty() ? 0.0 : latencies.get(latencies.size() - 1),
                                p50 / baseline[0], p99 / baseline[1]);
                    }
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** One round: n stream clients, the writers post, latencies in ms of every delivery. */
    private List<Double> round(URI base, HttpSession kor, HttpSession usa, int n) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        int expected = writers * messages;
        CountDownLatch connected = new CountDownLatch(n);
        CountDownLatch done = new CountDownLatch(n);
        List<CompletableFuture<?>> streams = new ArrayList<>();
        long lastSeq = lastSequence(kor);
        for (int i = 0; i < n; i++) {
            HttpSession s = i % 2 == 0 ? kor : usa;
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/exercises/" + EX + "/stream"))
                    .header("Accept", "text/event-stream").header("Last-Event-ID", Long.toString(lastSeq)).GET().build();
            CompletableFuture<HttpResponse<java.io.InputStream>> f = s.http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            streams.add(f);
            Thread.ofVirtual().start(() -> {
                AtomicInteger received = new AtomicInteger();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(f.get(30, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))) {
                    connected.countDown();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("data:") && line.contains("MessagePosted")) {
                            Matcher m = SENT.matcher(line);
                            if (m.find()) {
                                latencies.add((System.nanoTime() - Long.parseLong(m.group(1))) / 1e6);
                                if (received.incrementAndGet() == expected) {
                                    break;
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    connected.countDown();
                } finally {
                    done.countDown();
                }
            });
        }
        connected.await(60, TimeUnit.SECONDS);
        Thread.sleep(500);
        List<Thread> ws = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            HttpSession s = w % 2 == 0 ? kor : usa;
            String to = s == kor ? "usa" : "kor";
            ws.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int k = 0; k < messages; k++) {
                        s.post("/api/exercises/" + EX + "/commands", "{\"type\":\"PostMessage\",\"toCell\":\"" + to
                                + "\",\"body\":\"sent=" + System.nanoTime() + "\",\"marking\":\"REL TO USA, KOR\"}");
                        Thread.sleep(intervalMs);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (Thread t : ws) {
            t.join();
        }
        done.await(60, TimeUnit.SECONDS);
        streams.forEach(f -> f.cancel(true));
        return new ArrayList<>(latencies);
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static HttpSession login(URI base, String user) throws Exception {
        return HttpSession.login(base, user, PASSWORD);
    }

    private static long lastSequence(HttpSession s) throws Exception {
        return s.get("/api/exercises/" + EX + "/feed").json().get("lastSequence").asLong();
    }
}
