package org.spacettx.orbit.conjunction;

import java.time.Instant;

/**
 * One close approach of two objects: the time of closest approach (a local minimum of their distance), the miss
 * distance and relative speed there, and the miss vector (secondary minus primary) in the primary's
 * radial / in-track / cross-track frame. Distances in km, speeds in km/s, computed in TEME from SGP4.
 *
 * @param noradA      primary (in all-vs-all screening the lower catalog number)
 * @param noradB      secondary
 * @param probability probability of collision from {@link CollisionProbability}, NaN when none was asked for
 */
public record Conjunction(int noradA, String nameA, int noradB, String nameB, Instant tca, double missKm,
                          double relativeSpeedKmS, double radialKm, double inTrackKm, double crossTrackKm,
                          double probability) implements java.io.Serializable {

    public boolean hasProbability() {
        return !Double.isNaN(probability);
    }
}
