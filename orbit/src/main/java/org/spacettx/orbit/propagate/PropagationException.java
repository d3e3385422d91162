package org.spacettx.orbit.propagate;

import java.time.Instant;

/** An element set that SGP4 cannot propagate to a given time; names the object, the time and the reason. */
public final class PropagationException extends RuntimeException {

    private final int noradId;
    private final Instant time;
    private final Sgp4Error error;

    public PropagationException(int noradId, Instant time, Sgp4Error error, String detail) {
        // No stack trace: this is an expected outcome for decayed objects, reported by its message, and a catalog
        // run may raise it millions of times.
        super("object " + noradId + " at " + time + ": " + error.description()
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), null, false, false);
        this.noradId = noradId;
        this.time = time;
        this.error = error;
    }

    public int noradId() {
        return noradId;
    }

    public Instant time() {
        return time;
    }

    public Sgp4Error error() {
        return error;
    }
}
