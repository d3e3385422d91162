package org.spacettx.app.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.spacettx.orbit.parallel.WorkLimit;

/**
 * The heavy computations asked for over HTTP — a scenario's schedule, when it is validated, published or imported —
 * run here, off the request threads: one at a time on a worker thread of their own (it spreads its pieces over the
 * cores), each under the server's time limit, a few waiting at most. A caller has at most one validation running: a
 * new one cancels the one before (the planning workspace validates on every change, and only the latest answer is
 * wanted), and so does {@link #cancel}. A request whose computation did not finish in time answers without it.
 */
final class Computations implements AutoCloseable {

    /** Computations that may wait for the worker; more are refused (503) rather than queued for minutes. */
    static final int MAX_WAITING = 4;

    /** A computation that did not give its answer: cancelled, superseded, out of time, or refused for lack of room. */
    static final class NotDone extends RuntimeException {
        private final boolean cancelled;

        NotDone(String message, boolean cancelled) {
            super(message, null, false, false);
            this.cancelled = cancelled;
        }

        /** Whether it was cancelled (by its caller, or by a newer one of theirs), rather than out of time or room. */
        boolean cancelled() {
            return cancelled;
        }
    }

    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(MAX_WAITING), r -> {
                Thread t = new Thread(r, "spacettx-compute");
                t.setDaemon(true);
                return t;
            });
    private final Duration limit;
    /** The validation each user has running or waiting, to cancel when they ask again. */
    private final Map<String, WorkLimit> byUser = new ConcurrentHashMap<>();

    Computations(Duration limit) {
        this.limit = limit;
    }

    /**
     * Runs {@code work} on the worker under the time limit and waits for its answer. With a {@code user}, it is that
     * user's validation: it cancels the one they had running, and {@link #cancel} cancels it.
     *
     * @throws NotDone when it was cancelled, superseded or stopped at the limit, or when too many computations wait
     */
    <T> T run(String user, String what, Supplier<T> work) {
        // the time limit proper is the schedule's own (from the start of its work); this one bounds the wait as well
        WorkLimit own = WorkLimit.of(what, limit.multipliedBy(MAX_WAITING + 2));
        if (user != null) {
            WorkLimit before = byUser.put(user, own);
            if (before != null) {
                before.cancel();
            }
        }
        Future<T> answer;
        try {
            answer = worker.submit(() -> own.run(work));
        } catch (RejectedExecutionException e) {
            forget(user, own);
            throw new NotDone("the server is computing " + MAX_WAITING + " other schedules; try again in a minute", false);
        }
        try {
            // the limit runs from the start of the work; waiting for the worker adds at most the waiting ones' limits
            return answer.get(limit.multipliedBy(MAX_WAITING + 2).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WorkLimit.Stopped stopped) {
                throw new NotDone(stopped.cancelled() ? what + " was cancelled (a newer one replaced it, or it was cancelled)"
                        : stopped.getMessage(), stopped.cancelled());
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            own.cancel();
            throw new NotDone(what + " did not finish in time and was stopped", false);
        } catch (InterruptedException e) {
            own.cancel();
            Thread.currentThread().interrupt();
            throw new NotDone(what + " was interrupted", true);
        } finally {
            forget(user, own);
        }
    }

    /** Cancels the user's validation, if one runs or waits; answers whether one did. */
    boolean cancel(String user) {
        WorkLimit running = byUser.remove(user);
        if (running != null) {
            running.cancel();
        }
        return running != null;
    }

    private void forget(String user, WorkLimit own) {
        if (user != null) {
            byUser.remove(user, own);
        }
    }

    @Override
    public void close() {
        byUser.values().forEach(WorkLimit::cancel);
        worker.shutdownNow();
    }
}
