package org.spacettx.orbit.launch;

import java.time.Instant;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.geo.GeoPoint;

/**
 * The result of a modelled launch: the object's SGP4 mean elements at insertion, and how it got there.
 *
 * @param inertialAzimuthDeg direction of the inertial velocity at insertion, degrees from north
 * @param groundAzimuthDeg   direction of the ground track at insertion, degrees from north
 */
public record Launch(ElementSet elements, Instant insertionTime, GeoPoint insertionPoint, double inertialAzimuthDeg,
                     double groundAzimuthDeg, double inclinationDeg) {
}
