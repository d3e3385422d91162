package org.spacettx.app.server;

/** An error answered to an API client as JSON {@code {"error": message}} with an HTTP status; never a stack trace. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final Object details;

    public ApiError(int status, String message) {
        this(status, message, null);
    }

    public ApiError(int status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public int status() {
        return status;
    }

    /** Extra structured information (e.g. scenario problems with line and column), or null. */
    public Object details() {
        return details;
    }
}
