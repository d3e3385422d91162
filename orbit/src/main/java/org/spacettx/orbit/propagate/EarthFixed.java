package org.spacettx.orbit.propagate;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.Transform;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.data.OrekitData;

/**
 * TEME → ITRF and geodetic conversion. The frame transform costs several times an SGP4 evaluation, so each thread
 * keeps the transform of the last date it was asked for: callers that loop over objects at one date (the usual
 * case: a catalog at a time step) compute it once per date, not once per object.
 */
final class EarthFixed {

    private final OrekitData data;
    private final ThreadLocal<Cached> last = new ThreadLocal<>();

    private record Cached(AbsoluteDate date, Transform transform) {
    }

    EarthFixed(OrekitData data) {
        this.data = data;
    }

    private Transform temeToItrf(AbsoluteDate date) {
        Cached cached = last.get();
        if (cached == null || !cached.date.equals(date)) {
            cached = new Cached(date, data.teme().getTransformTo(data.itrf(), date));
            last.set(cached);
        }
        return cached.transform;
    }

    /** Position and velocity in ITRF, metres and m/s. */
    PVCoordinates toItrf(PVCoordinates teme, AbsoluteDate date) {
        return temeToItrf(date).transformPVCoordinates(teme);
    }

    /** Geodetic latitude, longitude (radians) and altitude (m) of a TEME position. */
    GeodeticPoint toGeodetic(Vector3D temePosition, AbsoluteDate date) {
        Vector3D itrf = temeToItrf(date).transformPosition(temePosition);
        return data.earth().transform(itrf, data.itrf(), date);
    }

    static double degrees(double radians) {
        return FastMath.toDegrees(radians);
    }
}
