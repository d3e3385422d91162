package org.spacettx.orbit.catalog;

import java.time.Instant;
import java.util.Objects;

import org.spacettx.orbit.input.SourceLocation;

/**
 * One SGP4 mean element set (the content of a TLE or an OMM with MEAN_ELEMENT_THEORY SGP4/SGP4-XP), in the units
 * of the TLE format, independent of how it was written.
 *
 * @param noradId            catalog number, 0 to 339 999 (Alpha-5 above 99 999)
 * @param name               object name, may be empty
 * @param cosparId           international designator as {@code YYYY-NNNP} (e.g. 2023-179A), may be empty
 * @param classification     U, C or S
 * @param epoch              epoch of the elements (UTC)
 * @param meanMotion         mean motion, revolutions per day
 * @param eccentricity       eccentricity, 0 ≤ e < 1
 * @param inclinationDeg     inclination, degrees
 * @param raanDeg            right ascension of the ascending node, degrees
 * @param argPerigeeDeg      argument of perigee, degrees
 * @param meanAnomalyDeg     mean anomaly, degrees
 * @param bstar              B* drag term, 1/earth radii
 * @param meanMotionDot      first derivative of mean motion divided by 2, rev/day² (as in the TLE)
 * @param meanMotionDdot     second derivative of mean motion divided by 6, rev/day³ (as in the TLE)
 * @param ephemerisType      ephemeris type, 0 for SGP4 element sets
 * @param elementSetNumber   element set number
 * @param revolutionNumber   revolution number at epoch
 * @param info               object type and country where known
 * @param source             where the record was read
 */
public record ElementSet(
        int noradId,
        String name,
        String cosparId,
        char classification,
        Instant epoch,
        double meanMotion,
        double eccentricity,
        double inclinationDeg,
        double raanDeg,
        double argPerigeeDeg,
        double meanAnomalyDeg,
        double bstar,
        double meanMotionDot,
        double meanMotionDdot,
        int ephemerisType,
        int elementSetNumber,
        int revolutionNumber,
        ObjectInfo info,
        SourceLocation source) implements java.io.Serializable {

    public ElementSet {
        name = name == null ? "" : name.trim();
        cosparId = cosparId == null ? "" : cosparId.trim();
        Objects.requireNonNull(epoch, "epoch");
        info = info == null ? ObjectInfo.UNKNOWN : info;
        source = source == null ? SourceLocation.of("unknown") : source;
    }

    /** Orbital period in minutes, from the mean motion. */
    public double periodMinutes() {
        return 1440.0 / meanMotion;
    }

    public ElementSet withInfo(ObjectInfo newInfo) {
        return new ElementSet(noradId, name, cosparId, classification, epoch, meanMotion, eccentricity, inclinationDeg,
                raanDeg, argPerigeeDeg, meanAnomalyDeg, bstar, meanMotionDot, meanMotionDdot, ephemerisType,
                elementSetNumber, revolutionNumber, newInfo, source);
    }

    public ElementSet withName(String newName) {
        return new ElementSet(noradId, newName, cosparId, classification, epoch, meanMotion, eccentricity, inclinationDeg,
                raanDeg, argPerigeeDeg, meanAnomalyDeg, bstar, meanMotionDot, meanMotionDdot, ephemerisType,
                elementSetNumber, revolutionNumber, info, source);
    }

    /**
     * Among one object's successive element sets (the first in force until the second's epoch, each later one from
     * its own epoch on, as after manoeuvres), the one in force at a time.
     */
    public static ElementSet inForce(java.util.List<ElementSet> successive, java.time.Instant time) {
        for (int i = successive.size() - 1; i > 0; i--) {
            if (!time.isBefore(successive.get(i).epoch())) {
                return successive.get(i);
            }
        }
        return successive.get(0);
    }

    /** A label for messages: "25544 ISS (ZARYA)" or just the number. */
    public String label() {
        return name.isEmpty() ? Integer.toString(noradId) : noradId + " " + name;
    }
}
