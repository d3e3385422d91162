package org.spacettx.orbit.propagate;

import java.time.Instant;

/** Sub-satellite point and height above the WGS-84 ellipsoid: latitude −90..90°, longitude −180..180°, km. */
public record GeodeticPosition(Instant time, double latitudeDeg, double longitudeDeg, double altitudeKm) {
}
