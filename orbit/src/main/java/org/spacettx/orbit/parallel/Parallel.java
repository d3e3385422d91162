package org.spacettx.orbit.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Spreading independent pieces of work over a few threads, the one way the orbital engine does it: results come
 * back in the order of the inputs, and a failure in any piece is rethrown as it was raised. The caller's
 * {@link WorkLimit} holds in every piece.
 */
public final class Parallel {

    private Parallel() {
    }

    /** {@code work} applied to every item, on up to {@code threads} threads (1 = the calling thread only). */
    public static <T, R> List<R> map(List<T> items, int threads, Function<? super T, ? extends R> work) {
        int workers = Math.max(1, Math.min(threads, items.size()));
        List<R> results = new ArrayList<>(items.size());
        if (workers == 1) {
            for (T item : items) {
                results.add(work.apply(item));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        WorkLimit limit = WorkLimit.current();
        try {
            List<Future<? extends R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> limit == null ? work.apply(item) : limit.run(() -> work.apply(item))));
            }
            for (Future<? extends R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // a failed piece leaves the others nothing to deliver: stop those not started
            pool.shutdownNow();
        }
    }

    /** The index range [0, size) cut into {@code parts} contiguous ranges {from, to} of nearly equal length. */
    public static List<int[]> ranges(int size, int parts) {
        int n = Math.max(1, Math.min(parts, Math.max(1, size)));
        List<int[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new int[] {(int) ((long) size * k / n), (int) ((long) size * (k + 1) / n)});
        }
        return out;
    }
}
