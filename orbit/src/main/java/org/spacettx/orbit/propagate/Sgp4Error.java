package org.spacettx.orbit.propagate;

/**
 * The conditions under which SGP4 stops, numbered as in the reference implementation (Vallado et al. 2006,
 * "Revisiting Spacetrack Report #3"), where the element set can no longer be propagated.
 */
public enum Sgp4Error {
    MEAN_ELEMENTS(1, "mean eccentricity out of range or mean semi-major axis below 0.95 earth radii"),
    MEAN_MOTION(2, "mean motion is negative"),
    PERTURBED_ECCENTRICITY(3, "perturbed eccentricity out of range"),
    SEMI_LATUS_RECTUM(4, "semi-latus rectum is negative"),
    DECAYED(6, "the object has decayed (below the Earth's surface)"),
    NUMERICAL(0, "the propagation gave no finite state");

    private final int code;
    private final String description;

    Sgp4Error(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The reference implementation's error number (0 for failures it has no number for). */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
