package org.spacettx.orbit.maneuver;

import java.time.Instant;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.ObjectInfo;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * An impulsive manoeuvre: a velocity change at a time, given in the object's orbital frame (radial: away from the
 * Earth's centre; along-track: in the direction of motion, perpendicular to radial in the orbit plane;
 * cross-track: along the orbit's angular momentum), in m/s. Applied to an element set, it gives the element set the
 * object follows afterwards: the SGP4 state at the burn, the impulse added, mean elements fitted to the result
 * ({@link StateFit}).
 */
public record Impulse(Instant time, double radialMS, double alongTrackMS, double crossTrackMS) {

    public double magnitudeMS() {
        return Math.sqrt(radialMS * radialMS + alongTrackMS * alongTrackMS + crossTrackMS * crossTrackMS);
    }

    /** The impulse in the frame of a position and velocity (TEME, m/s). */
    public Vector3D inFrameOf(Vector3D position, Vector3D velocity) {
        Vector3D r = position.normalize();
        Vector3D n = Vector3D.crossProduct(position, velocity).normalize();
        Vector3D t = Vector3D.crossProduct(n, r);
        return new Vector3D(radialMS, r, alongTrackMS, t, crossTrackMS, n);
    }

    /** The element set after the impulse, at the burn time; same number, name and designator. */
    public ElementSet applyTo(ElementSet before, OrekitData data) {
        Vector3D[] state = StateFit.vectors(Sgp4.of(before, data).teme(time));
        return StateFit.fit(time, state[0], state[1].add(inFrameOf(state[0], state[1])), before, before.noradId(), before.name(),
                before.info() == null ? ObjectInfo.UNKNOWN : before.info(), before.bstar(),
                SourceLocation.of(String.format(java.util.Locale.ROOT, "%s after a %.2f m/s manoeuvre at %s", before.noradId(),
                        magnitudeMS(), time)), data);
    }
}
