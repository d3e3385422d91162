package org.spacettx.orbit.propagate;

/** A propagator that records whether its last secular update met one of the reference stop conditions. */
interface SecularGuard {

    /** The stop condition met by the last propagation, or null. */
    Sgp4Error secularFailure();
}
