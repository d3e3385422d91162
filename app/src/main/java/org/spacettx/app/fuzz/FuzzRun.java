package org.spacettx.app.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases against targets: case k goes to target k mod n, made by mutating one of its seeds (spliced now
 * and then with another), and its outcome is counted. An exception out of a target, an error (stack overflow, out
 * of memory) or a case that runs longer than {@link #CASE_TIMEOUT_SECONDS} is an internal error: its input is saved
 * under the failure folder as {@code TARGET-SHA256PREFIX.bin}, to be replayed (and kept as a regression case).
 */
public final class FuzzRun {

    /** A case still running after this long counts as hung. */
    static final long CASE_TIMEOUT_SECONDS = 30;

    /** One target's counts. */
    public record Tally(String target, long cases, long accepted, long refused, long internal, double seconds) {
    }

    /** An internal error: where, what, and the input that caused it. */
    public record Failure(String target, long caseNumber, String error, Path savedInput) {
    }

    /** The whole run, with the most heap in use (sampled every 100 cases, right after a case). */
    public record Report(List<Tally> tallies, List<Failure> failures, long peakHeapBytes) {
        public long internal() {
            return tallies.stream().mapToLong(Tally::internal).sum();
        }

        public long cases() {
            return tallies.stream().mapToLong(Tally::cases).sum();
        }
    }

    private FuzzRun() {
    }

    /**
     * Runs {@code cases} cases from {@code seed}; failures are saved in {@code failureDir} (none saved when null);
     * progress lines go to {@code progress} every {@code progressEvery} cases (0: never).
     */
    public static Report run(List<FuzzTarget> targets, long seed, long cases, Path failureDir, PrintStream progress,
                             long progressEvery) {
        Mutator mutator = new Mutator(seed);
        long[][] counts = new long[targets.size()][3];
        long[] nanos = new long[targets.size()];
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> signatures = new LinkedHashMap<>();
        ExecutorService runner = newRunner();
        long peakHeap = 0;
        Runtime runtime = Runtime.getRuntime();
        try {
            for (long k = 0; k < cases; k++) {
                int t = (int) (k % targets.size());
                FuzzTarget target = targets.get(t);
                List<byte[]> seeds = target.seeds();
                byte[] input = mutator.mutate(seeds.get(mutator.random().nextInt(seeds.size())),
                        seeds.get(mutator.random().nextInt(seeds.size())));
                long start = System.nanoTime();
                Future<FuzzTarget.Outcome> outcome = runner.submit(() -> target.take(input));
                String error = null;
                String signature = null;
                try {
                    counts[t][outcome.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS) == FuzzTarget.Outcome.ACCEPTED ? 0 : 1]++;
                } catch (java.util.concurrent.ExecutionException e) {
                    error = describe(e.getCause());
                    signature = e.getCause().getClass().getName() + where(e.getCause());
                } catch (TimeoutException e) {
                    error = "no answer within " + CASE_TIMEOUT_SECONDS + " s";
                    signature = "hung";
                    outcome.cancel(true);
                    runner.shutdownNow();
                    runner = newRunner(); // the hung thread is left behind; the run goes on
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                nanos[t] += System.nanoTime() - start;
                if (k % 100 == 0) {
                    peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
                }
                if (error != null) {
                    counts[t][2]++;
                    Path saved = save(failureDir, target.name(), input);
                    if (signatures.merge(target.name() + ": " + signature, 1, Integer::sum) == 1) {
                        failures.add(new Failure(target.name(), k, error, saved));
                        if (progress != null) {
                            progress.println("spacettx: INTERNAL ERROR in " + target.name() + " (case " + k + "): " + error
                                    + (saved == null ? "" : "; input saved as " + saved));
                        }
                    }
                }
                if (progress != null && progressEvery > 0 && (k + 1) % progressEvery == 0) {
                    progress.printf("spacettx: %d of %d cases, %d internal errors%n", k + 1, cases,
                            java.util.Arrays.stream(counts).mapToLong(c -> c[2]).sum());
                }
            }
        } finally {
            runner.shutdownNow();
        }
        List<Tally> tallies = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            long n = counts[t][0] + counts[t][1] + counts[t][2];
            tallies.add(new Tally(targets.get(t).name(), n, counts[t][0], counts[t][1], counts[t][2], nanos[t] / 1e9));
        }
        return new Report(tallies, failures, peakHeap);
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The exception, its message's first line and where it came from in SpaceTTX's own code. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getClass().getName() + message + where(e);
    }

    /** The first frame of SpaceTTX's own code (not the fuzzer's) the exception passed through. */
    private static String where(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.spacettx.") && !frame.getClassName().startsWith("org.spacettx.app.fuzz.")) {
                return " at " + frame.getClassName().replaceFirst("^org\\.spacettx\\.", "") + "." + frame.getMethodName()
                        + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    private static Path save(Path dir, String target, byte[] input) {
        if (dir == null) {
            return null;
        }
        try {
            Files.createDirectories(dir);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input)).substring(0, 16);
            Path file = dir.resolve(target + "-" + hash + ".bin");
            Files.write(file, input);
            return file;
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
