package org.spacettx.orbit.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.analytical.tle.generation.FixedPointTleGenerationAlgorithm;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.ObjectInfo;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Turns a launch request into the orbiting object, for exercises that need an object before it exists.
 *
 * <p>Simplifications, on purpose: the ascent is instantaneous (or takes {@code ascentMinutes} along a great circle
 * {@code downrangeKm} long, with no trajectory modelled); no dogleg, so the inclination can be no lower than the
 * latitude of insertion; the orbit is circular at insertion, at the requested altitude above the equatorial radius,
 * on a spherical Earth; the insertion state is osculating and is turned into SGP4 mean elements by Orekit's
 * fixed-point TLE generation. Good to kilometres, which is what a scenario needs.
 */
public final class LaunchModel {

    private static final double EARTH_RATE = 7.2921151467e-5;
    private static final double EQUATORIAL_RADIUS_M = 6378137.0;

    private LaunchModel() {
    }

    public static Launch launch(LaunchRequest r, OrekitData data) {
        SourceLocation at = SourceLocation.of("launch");
        if ((r.azimuthDeg() == null) == (r.inclinationDeg() == null)) {
            throw new InputException(at, "--azimuth/--inclination", "give exactly one of the two");
        }
        if (!(r.altitudeKm() >= 150 && r.altitudeKm() <= 40_000)) {
            throw new InputException(at, "--altitude", r.altitudeKm() + " km is outside 150..40000 km");
        }
        if (!(r.downrangeKm() >= 0 && r.downrangeKm() < 10_000) || !(r.ascentMinutes() >= 0 && r.ascentMinutes() < 120)) {
            throw new InputException(at, "--downrange-km/--ascent-minutes", "must be 0..10000 km and 0..120 minutes");
        }
        GeoPoint site = r.site().point();
        double radius = EQUATORIAL_RADIUS_M + r.altitudeKm() * 1000;
        double circular = Math.sqrt(TLEPropagator.getMU() / radius);

        double siteGroundAzimuth = r.azimuthDeg() != null ? r.azimuthDeg()
                : groundAzimuth(inertialAzimuth(r, site.latitudeDeg(), at), site.latitudeDeg(), radius, circular);
        GeoPoint insertion = r.downrangeKm() > 0
                ? site.destination(siteGroundAzimuth, Area.kmToDeg(r.downrangeKm())) : site;
        double groundAzimuthAtInsertion = r.downrangeKm() > 0
                ? (insertion.azimuthToDeg(site) + 180) % 360 : siteGroundAzimuth;

        // Orbital geometry works with the geocentric latitude (0.19 degrees, 21 km, below the geodetic one at 40 N).
        double lat = geocentricLatitude(insertion.latitudeDeg());
        double lon = Math.toRadians(insertion.longitudeDeg());
        Vector3D up = new Vector3D(Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat));
        Vector3D east = new Vector3D(-Math.sin(lon), Math.cos(lon), 0);
        Vector3D north = new Vector3D(-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat));
        double rotation = EARTH_RATE * radius * Math.cos(lat);

        double beta;
        if (r.inclinationDeg() != null) {
            beta = inertialAzimuth(r, insertion.latitudeDeg(), at);
        } else {
            double a = Math.toRadians(groundAzimuthAtInsertion);
            double vRel = -rotation * Math.sin(a) + Math.sqrt(Math.pow(rotation * Math.sin(a), 2)
                    - rotation * rotation + circular * circular);
            Vector3D vIn = east.scalarMultiply(vRel * Math.sin(a) + rotation).add(north.scalarMultiply(vRel * Math.cos(a)));
            beta = Math.toDegrees(Math.atan2(vIn.dotProduct(east), vIn.dotProduct(north)));
        }
        double b = Math.toRadians(beta);
        Vector3D inertialVelocity = east.scalarMultiply(circular * Math.sin(b)).add(north.scalarMultiply(circular * Math.cos(b)));
        Vector3D earthRelative = inertialVelocity.subtract(east.scalarMultiply(rotation));

        Instant insertionTime = r.time().plus(Duration.ofNanos(Math.round(r.ascentMinutes() * 60e9)));
        AbsoluteDate date = OrekitTle.toDate(insertionTime, data.utc());
        PVCoordinates itrf = new PVCoordinates(up.scalarMultiply(radius), earthRelative);
        PVCoordinates teme = data.itrf().getTransformTo(data.teme(), date).transformPVCoordinates(itrf);
        SpacecraftState state = new SpacecraftState(new CartesianOrbit(teme, data.teme(), date, TLEPropagator.getMU()));
        TLE template = new TLE(r.noradId(), 'U', 0, 0, "", 0, 999, date, circular / radius, 0, 0, 0,
                Math.acos(Math.cos(lat) * Math.sin(b)), 0, 0, 0, 0, 0.0, data.utc());
        TLE mean = new FixedPointTleGenerationAlgorithm(FixedPointTleGenerationAlgorithm.EPSILON_DEFAULT,
                FixedPointTleGenerationAlgorithm.MAX_ITERATIONS_DEFAULT, FixedPointTleGenerationAlgorithm.SCALE_DEFAULT,
                data.utc(), data.teme()).generate(state, template);
        ElementSet elements = OrekitTle.fromTle(mean, r.name(), new ObjectInfo("PAYLOAD", r.site().nation()),
                SourceLocation.of("launch from " + r.site().name() + " at " + r.time()));
        double inclination = Math.toDegrees(Math.acos(Math.cos(lat) * Math.sin(b)));
        return new Launch(elements, insertionTime, insertion, (beta + 360) % 360, groundAzimuthAtInsertion, inclination);
    }

    private static double geocentricLatitude(double geodeticDeg) {
        double e2 = 6.69437999014e-3;
        return Math.atan((1 - e2) * Math.tan(Math.toRadians(geodeticDeg)));
    }

    /** Inertial azimuth (degrees) reaching the requested inclination from a geodetic latitude, on the requested heading. */
    private static double inertialAzimuth(LaunchRequest r, double geodeticLatitudeDeg, SourceLocation at) {
        double latitudeDeg = Math.toDegrees(geocentricLatitude(geodeticLatitudeDeg));
        double inclination = r.inclinationDeg();
        if (!(inclination >= 0 && inclination <= 180)) {
            throw new InputException(at, "--inclination", inclination + " degrees is outside 0..180");
        }
        double s = Math.cos(Math.toRadians(inclination)) / Math.cos(Math.toRadians(latitudeDeg));
        if (Math.abs(s) > 1) {
            throw new InputException(at, "--inclination", String.format(Locale.ROOT,
                    "%.2f degrees cannot be reached directly from latitude %.2f: without a dogleg a launch from"
                            + " there reaches inclinations from %.2f to %.2f degrees", inclination, geodeticLatitudeDeg,
                    Math.abs(latitudeDeg), 180 - Math.abs(latitudeDeg)));
        }
        double northward = Math.toDegrees(Math.asin(s));
        LaunchRequest.Heading heading = r.heading() == null ? LaunchRequest.Heading.AUTO : r.heading();
        boolean south = heading == LaunchRequest.Heading.SOUTH
                || (heading == LaunchRequest.Heading.AUTO && inclination > 90);
        return south ? 180 - northward : northward;
    }

    /** Ground-track azimuth (degrees) of an inertial azimuth, after taking away the Earth's rotation. */
    private static double groundAzimuth(double inertialAzimuthDeg, double latitudeDeg, double radius, double speed) {
        double b = Math.toRadians(inertialAzimuthDeg);
        double east = speed * Math.sin(b) - EARTH_RATE * radius * Math.cos(Math.toRadians(latitudeDeg));
        double north = speed * Math.cos(b);
        double az = Math.toDegrees(Math.atan2(east, north));
        return az < 0 ? az + 360 : az;
    }
}
