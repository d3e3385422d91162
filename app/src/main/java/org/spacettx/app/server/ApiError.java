package org.spacettx.app.server;

import org.spacettx.exercise.text.Message;

/** An error answer: its HTTP status, its message (a code with parameters, and its English wording) and any details. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final transient Message message;
    private final transient Object details;

    public ApiError(int status, Message message) {
        this(status, message, null);
    }

    public ApiError(int status, Message message, Object details) {
        super(message.english(), null, false, false);
        this.status = status;
        this.message = message;
        this.details = details;
    }

    public int status() {
        return status;
    }

    /** The message: its code, parameters and English wording. */
    public Message message() {
        return message;
    }

    /** Extra structured information (e.g. scenario problems with line and column), or null. */
    public Object details() {
        return details;
    }
}
