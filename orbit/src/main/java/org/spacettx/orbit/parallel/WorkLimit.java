package org.spacettx.orbit.parallel;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A limit on a piece of computation that may be large: a time limit, and a way for someone else to stop it. The
 * computation runs under the limit ({@link #run}); its long loops call {@link #checkpoint()} now and then, which
 * throws {@link Stopped} once the time is up or the limit was cancelled. {@link Parallel#map} carries the caller's
 * limit to its worker threads, so one cancel stops every piece. Limits nest: work under an inner limit also stops
 * when an outer one does.
 *
 * <p>Checkpoints cost a thread-local read and a clock read; the loops that call them do thousands of propagations
 * between calls.
 */
public final class WorkLimit {

    private static final ThreadLocal<WorkLimit> CURRENT = new ThreadLocal<>();

    /** Thrown at a checkpoint of work whose limit has passed or was cancelled; says which and why. */
    public static final class Stopped extends RuntimeException {
        private final transient WorkLimit by;
        private final boolean cancelled;

        Stopped(WorkLimit by, String message, boolean cancelled) {
            super(message, null, false, false);
            this.by = by;
            this.cancelled = cancelled;
        }

        /** The limit that stopped the work (the innermost one, or one it is nested in). */
        public WorkLimit by() {
            return by;
        }

        /** Whether someone stopped it (rather than its time running out). */
        public boolean cancelled() {
            return cancelled;
        }
    }

    private final WorkLimit outer;
    private final String what;
    private final Duration time;
    private final long deadlineNanos;
    private volatile boolean cancelled;

    private WorkLimit(WorkLimit outer, String what, Duration time) {
        this.outer = outer;
        this.what = what;
        this.time = time;
        this.deadlineNanos = System.nanoTime() + time.toNanos();
    }

    /**
     * A limit of {@code time} from now on work described as {@code what} (for the message, e.g. "the schedule of
     * exercise x"), nested in the calling thread's current limit if it has one.
     */
    public static WorkLimit of(String what, Duration time) {
        if (!time.isPositive()) {
            throw new IllegalArgumentException("a time limit is positive");
        }
        return new WorkLimit(CURRENT.get(), what, time);
    }

    /** Runs {@code work} on this thread under this limit. */
    public <T> T run(Supplier<T> work) {
        WorkLimit before = CURRENT.get();
        CURRENT.set(this);
        try {
            check();
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Stops the work at its next checkpoint. */
    public void cancel() {
        cancelled = true;
    }

    /** The limit the calling thread works under, or null. */
    static WorkLimit current() {
        return CURRENT.get();
    }

    /** Throws {@link Stopped} when the calling thread's work (if under a limit) must stop. */
    public static void checkpoint() {
        WorkLimit limit = CURRENT.get();
        if (limit != null) {
            limit.check();
        }
    }

    private void check() {
        for (WorkLimit l = this; l != null; l = l.outer) {
            if (l.cancelled) {
                throw new Stopped(l, l.what + " was cancelled", true);
            }
            if (System.nanoTime() - l.deadlineNanos > 0) {
                throw new Stopped(l, l.what + " took longer than its limit of " + l.time.toSeconds() + " s and was stopped", false);
            }
        }
    }
}
