package org.spacettx.orbit.propagate;

import java.time.Instant;

/** Position (km) and velocity (km/s) at a time, in the frame named by whoever returned it (TEME or ITRF). */
public record CartesianState(Instant time, double xKm, double yKm, double zKm,
                             double vxKmS, double vyKmS, double vzKmS) {

    public double radiusKm() {
        return Math.sqrt(xKm * xKm + yKm * yKm + zKm * zKm);
    }

    public double speedKmS() {
        return Math.sqrt(vxKmS * vxKmS + vyKmS * vyKmS + vzKmS * vzKmS);
    }

    /** The distance (km) to another state's position (both in the same frame). */
    public double distanceKm(CartesianState other) {
        return Math.sqrt(Math.pow(xKm - other.xKm, 2) + Math.pow(yKm - other.yKm, 2) + Math.pow(zKm - other.zKm, 2));
    }
}
