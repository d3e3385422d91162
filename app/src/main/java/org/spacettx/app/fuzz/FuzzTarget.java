package org.spacettx.app.fuzz;

import java.util.List;

/**
 * One parser (or the command API) under fuzz: valid inputs to start from, and how it takes one input. A target
 * returns {@link Outcome#ACCEPTED} or {@link Outcome#REFUSED} when the input was handled as users are promised
 * (accepted, or refused with a message naming what and where); anything it throws is an internal error.
 */
public interface FuzzTarget {

    /** What a target made of an input. */
    enum Outcome { ACCEPTED, REFUSED }

    String name();

    /** Valid inputs, mutated into the cases. */
    List<byte[]> seeds();

    Outcome take(byte[] input) throws Exception;
}
