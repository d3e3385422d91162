package org.spacettx.orbit.propagate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;

/**
 * SGP4/SDP4 propagation of one element set through Orekit, safe to use from many threads (Orekit's propagators
 * are not: each thread gets its own). Every state is checked against the reference implementation's stop
 * conditions; where SGP4 cannot propagate, a {@link PropagationException} names the object, time and reason
 * instead of returning garbage.
 *
 * <pre>{@code
 * Sgp4 iss = Sgp4.of(catalog.byNorad(25544).orElseThrow(), OrekitData.standard());
 * GeodeticPosition p = iss.geodetic(Instant.parse("2026-06-10T12:00:00Z"));
 * }</pre>
 */
public final class Sgp4 {

    /** WGS-72 equatorial radius used by SGP4, km: a state inside it means the object has decayed. */
    static final double SGP4_EARTH_RADIUS_KM = 6378.135;

    private final ElementSet elements;
    private final TLE tle;
    private final OrekitData data;
    private final EarthFixed earthFixed;
    private final ThreadLocal<TLEPropagator> perThread;
    private final boolean deepSpace;
    /** Element sets that take over from their epochs on (after manoeuvres), in epoch order; empty for most objects. */
    private final List<Sgp4> later;

    private Sgp4(ElementSet elements, OrekitData data, EarthFixed earthFixed, List<Sgp4> later) {
        this.elements = elements;
        this.later = later;
        this.data = data;
        this.earthFixed = earthFixed;
        this.tle = OrekitTle.toTle(elements, data.utc());
        TLEPropagator first = create();
        this.deepSpace = first instanceof GuardedSdp4;
        this.perThread = ThreadLocal.withInitial(this::create);
        this.perThread.set(first);
    }

    /**
     * One TEME→ITRF cache per data context, shared by every object: callers that evaluate many objects at the
     * same dates then compute each transform once.
     */
    private static final Map<OrekitData, EarthFixed> EARTH_FIXED = new ConcurrentHashMap<>();

    /**
     * Prepares an element set for propagation.
     *
     * @throws PropagationException when SGP4 cannot even initialise from these elements
     */
    public static Sgp4 of(ElementSet elements, OrekitData data) {
        return new Sgp4(elements, data, EARTH_FIXED.computeIfAbsent(data, EarthFixed::new), List.of());
    }

    /**
     * An object that changes orbit: the first element set until the second's epoch, each later one from its own
     * epoch on (the element sets fitted after each manoeuvre, as {@code Impulse.applyTo} gives them).
     *
     * @throws IllegalArgumentException when the later sets are not in epoch order or are of another object
     */
    public static Sgp4 of(List<ElementSet> segments, OrekitData data) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no element set");
        }
        EarthFixed earthFixed = EARTH_FIXED.computeIfAbsent(data, EarthFixed::new);
        List<Sgp4> later = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            ElementSet e = segments.get(i);
            if (e.noradId() != segments.get(0).noradId()) {
                throw new IllegalArgumentException("element set " + i + " is of object " + e.noradId() + ", not "
                        + segments.get(0).noradId());
            }
            if (i > 1 && e.epoch().isBefore(segments.get(i - 1).epoch())) {
                throw new IllegalArgumentException("element set " + i + " (epoch " + e.epoch() + ") is out of epoch order");
            }
            later.add(new Sgp4(e, data, earthFixed, List.of()));
        }
        return new Sgp4(segments.get(0), data, earthFixed, List.copyOf(later));
    }

    private TLEPropagator create() {
        TLEPropagator p;
        try {
            TLEPropagator selected = TLEPropagator.selectExtrapolator(tle, data.teme());
            p = selected instanceof org.orekit.propagation.analytical.tle.DeepSDP4
                    ? new GuardedSdp4(tle, data.teme())
                    : new GuardedSgp4(tle, data.teme());
        } catch (OrekitException | ArithmeticException e) {
            throw new PropagationException(elements.noradId(), elements.epoch(), Sgp4Error.NUMERICAL,
                    "initialisation failed: " + e.getMessage());
        }
        return p;
    }

    /** The (first) element set. */
    public ElementSet elements() {
        return elements;
    }


    /** True when the SDP4 deep-space branch is used (period of 225 minutes or more). */
    public boolean isDeepSpace() {
        return deepSpace;
    }

    /** The epoch of the elements as an Orekit date. */
    public AbsoluteDate epochDate() {
        return tle.getDate();
    }

    public AbsoluteDate toDate(Instant time) {
        return OrekitTle.toDate(time, data.utc());
    }

    /** State in TEME at a time given in minutes since the element set's epoch. */
    public CartesianState temeAtMinutes(double minutesSinceEpoch) {
        return teme(tle.getDate().shiftedBy(minutesSinceEpoch * 60.0));
    }

    public CartesianState teme(Instant time) {
        return teme(toDate(time));
    }

    public CartesianState teme(AbsoluteDate date) {
        return state(pvTeme(date), date);
    }

    public CartesianState itrf(Instant time) {
        AbsoluteDate date = toDate(time);
        return state(earthFixed.toItrf(pvTeme(date), date), date);
    }

    public GeodeticPosition geodetic(Instant time) {
        return geodetic(toDate(time));
    }

    public GeodeticPosition geodetic(AbsoluteDate date) {
        GeodeticPoint point = earthFixed.toGeodetic(pvTeme(date).getPosition(), date);
        return new GeodeticPosition(OrekitTle.toInstant(date, data.utc()), EarthFixed.degrees(point.getLatitude()),
                EarthFixed.degrees(point.getLongitude()), point.getAltitude() / 1000.0);
    }

    /** Sub-satellite points from {@code from} to {@code to} inclusive every {@code step}. */
    public List<GeodeticPosition> groundTrack(Instant from, Instant to, Duration step) {
        if (!step.isPositive()) {
            throw new IllegalArgumentException("step must be positive");
        }
        List<GeodeticPosition> track = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
            track.add(geodetic(t));
        }
        return track;
    }

    /** TEME position and velocity in metres, checked against the reference stop conditions. */
    PVCoordinates pvTeme(AbsoluteDate date) {
        for (int i = later.size() - 1; i >= 0; i--) {
            if (date.compareTo(later.get(i).epochDate()) >= 0) {
                return later.get(i).pvTeme(date);
            }
        }
        TLEPropagator propagator = perThread.get();
        PVCoordinates pv;
        try {
            pv = propagator.getPVCoordinates(date);
        } catch (OrekitException | ArithmeticException e) {
            throw failure(date, Sgp4Error.MEAN_ELEMENTS, e.getMessage());
        }
        Sgp4Error secular = ((SecularGuard) propagator).secularFailure();
        if (secular != null) {
            throw failure(date, secular, null);
        }
        Vector3D p = pv.getPosition();
        Vector3D v = pv.getVelocity();
        if (!Double.isFinite(p.getNorm()) || !Double.isFinite(v.getNorm())) {
            throw failure(date, Sgp4Error.SEMI_LATUS_RECTUM, null);
        }
        if (p.getNorm() < SGP4_EARTH_RADIUS_KM * 1000.0) {
            throw failure(date, Sgp4Error.DECAYED, String.format("radius %.1f km", p.getNorm() / 1000.0));
        }
        return pv;
    }

    private PropagationException failure(AbsoluteDate date, Sgp4Error error, String detail) {
        return new PropagationException(elements.noradId(), OrekitTle.toInstant(date, data.utc()), error, detail);
    }

    private CartesianState state(PVCoordinates pv, AbsoluteDate date) {
        Vector3D p = pv.getPosition();
        Vector3D v = pv.getVelocity();
        return new CartesianState(OrekitTle.toInstant(date, data.utc()), p.getX() / 1000.0, p.getY() / 1000.0,
                p.getZ() / 1000.0, v.getX() / 1000.0, v.getY() / 1000.0, v.getZ() / 1000.0);
    }
}
