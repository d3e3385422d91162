package org.spacettx.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code spacettx} command in a JVM of its own, on this process's class path: the servers that the crash and
 * failover benches kill, and the second server a test starts beside a first to see it refused. Its output (stdout and
 * stderr together) is read line by line until it says it is running, then drained so that it never blocks.
 */
public final class ChildServer implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("running at https?://127\\.0\\.0\\.1:(\\d+)/");
    /** The most of a child's output kept for an error message. */
    private static final int KEPT_CHARS = 8_000;

    private final Process process;
    private final BufferedReader out;
    private final StringBuilder seen = new StringBuilder();

    private ChildServer(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code spacettx ARGS...} (e.g. {@code serve --port 0 --data-dir D}) in a new JVM. */
    public static ChildServer start(List<String> args) throws IOException {
        return start(args, java.util.Map.of());
    }

    /** As {@link #start(List)}, with these variables added to the child's environment. */
    public static ChildServer start(List<String> args, java.util.Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildServer(builder.start());
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits for the "running at" line and answers the port it names; the child is killed when it has not said so
     * within {@code limit}.
     *
     * @throws IllegalStateException when the child ended (or was killed) first, with what it printed
     */
    public int awaitReady(Duration limit) throws IOException {
        Matcher m = READY.matcher(awaitLine(READY, limit));
        m.find();
        Thread.ofVirtual().start(this::drain);
        return Integer.parseInt(m.group(1));
    }

    /**
     * Waits for a line of the child's output that {@code pattern} finds (the child is killed when none comes within
     * {@code limit}), and answers it; lines before it are kept in {@link #output()}.
     */
    public String awaitLine(Pattern pattern, Duration limit) throws IOException {
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(limit.toMillis());
                process.destroyForcibly();
            } catch (InterruptedException e) {
                // seen in time
            }
        });
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                keep(line);
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            throw new IllegalStateException((pattern == READY ? "the server did not start" : "the child ended before printing /"
                    + pattern + "/") + ":\n" + output());
        } finally {
            watchdog.interrupt();
        }
    }

    /**
     * Waits for the child to end by itself (a refused start) and answers its exit code; kills it after {@code limit},
     * or as soon as it says it is running.
     *
     * @throws IllegalStateException when it started a server, or was still running after {@code limit}
     */
    public int awaitExit(Duration limit) throws InterruptedException {
        Thread reader = Thread.ofVirtual().start(this::drain);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
            if (READY.matcher(output()).find() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("it did not stop by itself (it ran " + (System.nanoTime() > deadline
                        ? "for " + limit : "a server") + "):\n" + output());
            }
        }
        reader.join(limit.toMillis());
        return process.exitValue();
    }

    /** What the child printed so far (its first {@value #KEPT_CHARS} characters). */
    public String output() {
        synchronized (seen) {
            return seen.toString();
        }
    }

    private void keep(String line) {
        synchronized (seen) {
            if (seen.length() < KEPT_CHARS) {
                seen.append(line).append('\n');
            }
        }
    }

    private void drain() {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                keep(line);
            }
        } catch (IOException e) {
            // the child died
        }
    }

    /** SIGKILL (on Linux), and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
