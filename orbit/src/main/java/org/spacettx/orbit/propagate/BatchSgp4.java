package org.spacettx.orbit.propagate;

import java.time.Instant;
import java.util.List;

import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.parallel.Parallel;

/**
 * SGP4 for many objects at once: the near-Earth model (period under 225 minutes) on SIMD lanes over
 * structure-of-arrays coefficients ({@link VectorSgp4}), and deep-space objects (SDP4: the lunar-solar and
 * resonance terms of {@link DeepSpace} around the same SGP4 terms) on lanes of their own ({@link VectorSdp4}), for
 * throughput; without the vector module, all on the scalar path, which follows the reference line by line. States are
 * TEME, km and km/s, like the reference. {@link #orekitPath} gives the same interface over Orekit, one propagator
 * per object ({@link Sgp4}).
 *
 * <p>The kernel follows the published algorithm (Hoots and Roehrich, Spacetrack Report #3, as revised by Vallado
 * et al. 2006) with the WGS-72 constants that Orekit and the reference use, including the reference's stop
 * conditions. It is verified against Vallado's verification set (all 33 cases, 666 rows) and against Orekit on whole catalogs
 * ({@code BatchSgp4Test}).
 *
 * <p>Times are minutes since a reference date (the earliest epoch of the batch), so one call can evaluate every
 * object at the same instant although their epochs differ. Safe to use from several threads at once: the
 * coefficients are read-only, and the Orekit path keeps a propagator per thread (see {@link Sgp4}).
 */
public final class BatchSgp4 {

    // WGS-72 constants, as in the reference implementation and Orekit's TLEConstants.
    static final double EARTH_RADIUS_KM = 6378.135;
    private static final double MU_KM3_S2 = 398600.8;
    static final double XKE = 60.0 / Math.sqrt(EARTH_RADIUS_KM * EARTH_RADIUS_KM * EARTH_RADIUS_KM / MU_KM3_S2);
    static final double J2 = 0.001082616;
    private static final double J3 = -0.00000253881;
    private static final double J4 = -0.00000165597;
    static final double J3OJ2 = J3 / J2;
    static final double TWO_THIRDS = 2.0 / 3.0;
    static final double TWO_PI = 2.0 * Math.PI;
    static final double KM_PER_ER_MIN_TO_KM_S = EARTH_RADIUS_KM * XKE / 60.0;

    /**
     * Whether the SIMD kernel runs: the incubating module must be in the boot layer (without it, loading
     * {@link VectorSgp4} would fail), the processor must offer at least two double lanes, and
     * {@code -Dspacettx.vector=false} turns it off.
     */
    private static final boolean VECTOR = !"false".equals(System.getProperty("spacettx.vector"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorSgp4.lanes() >= 2;

    /** Whether SIMD code may run here (the incubating vector module is present, and not turned off). */
    public static boolean simd() {
        return VECTOR;
    }

    /**
     * Status codes written per object: 0 is a valid state, 1 to 6 the reference's error numbers
     * ({@link Sgp4Error#code()}), and {@link #NUMERICAL_FAILURE} where propagation gave no finite state (which the
     * reference has no number for: {@code Sgp4Error.NUMERICAL.code()} is 0 and would read as valid).
     */
    public static final int OK = 0;
    public static final int NUMERICAL_FAILURE = -1;

    /** The status code of an error. */
    static int status(Sgp4Error error) {
        return error == Sgp4Error.NUMERICAL ? NUMERICAL_FAILURE : error.code();
    }

    private final List<ElementSet> elements;
    private final AbsoluteDate reference;
    private final OrekitData data;
    private final int size;
    /** Epoch of each object, minutes after the reference date. */
    final double[] epochMinutes;
    /** The Orekit path per object on the reference path ({@link #orekitPath}); null in the kernel. */
    private final Sgp4[] deepSpace;
    /** The deep-space terms of objects with periods of 225 minutes or more (SDP4); null for near-Earth ones. */
    private final DeepSpace[] deep;
    /** Indices of the objects not in the near-Earth kernel (deep space, failed initialisation), ascending. */
    private final int[] special;
    /** Initialisation failure code per object (0 when it initialised). */
    private final int[] initError;
    // Near-Earth coefficients, one array each (structure of arrays).
    final double[] mo;
    final double[] argpo;
    final double[] nodeo;
    final double[] ecco;
    final double[] inclo;
    final double[] bstar;
    final double[] noUnkozai;
    /** (ke / n0'')^(2/3): the semi-major axis before drag, earth radii. */
    final double[] aBase;
    final double[] mdot;
    final double[] argpdot;
    final double[] nodedot;
    final double[] nodecf;
    final double[] cc1;
    final double[] cc4;
    final double[] cc5;
    final double[] t2cof;
    final double[] omgcof;
    final double[] xmcof;
    final double[] eta;
    final double[] delmo;
    final double[] sinmao;
    final double[] d2;
    final double[] d3;
    final double[] d4;
    final double[] t3cof;
    final double[] t4cof;
    final double[] t5cof;
    final double[] xlcof;
    final double[] aycof;
    final double[] con41;
    final double[] x1mth2;
    final double[] x7thm1;
    final double[] sinio;
    final double[] cosio;
    private final boolean[] simple;
    /** The deep-space objects on SIMD lanes ({@link VectorSdp4}); null without the vector module or deep-space objects. */
    private final VectorSdp4 deepLanes;

    private BatchSgp4(List<ElementSet> elements, OrekitData data, boolean kernel) {
        this.elements = List.copyOf(elements);
        this.data = data;
        this.size = elements.size();
        AbsoluteDate earliest = null;
        AbsoluteDate[] epochs = new AbsoluteDate[size];
        for (int i = 0; i < size; i++) {
            epochs[i] = OrekitTle.toDate(elements.get(i).epoch(), data.utc());
            if (earliest == null || epochs[i].isBefore(earliest)) {
                earliest = epochs[i];
            }
        }
        this.reference = earliest == null ? AbsoluteDate.J2000_EPOCH : earliest;
        epochMinutes = new double[size];
        deepSpace = new Sgp4[size];
        deep = new DeepSpace[size];
        initError = new int[size];
        mo = new double[size];
        argpo = new double[size];
        nodeo = new double[size];
        ecco = new double[size];
        inclo = new double[size];
        bstar = new double[size];
        noUnkozai = new double[size];
        aBase = new double[size];
        mdot = new double[size];
        argpdot = new double[size];
        nodedot = new double[size];
        nodecf = new double[size];
        cc1 = new double[size];
        cc4 = new double[size];
        cc5 = new double[size];
        t2cof = new double[size];
        omgcof = new double[size];
        xmcof = new double[size];
        eta = new double[size];
        delmo = new double[size];
        sinmao = new double[size];
        d2 = new double[size];
        d3 = new double[size];
        d4 = new double[size];
        t3cof = new double[size];
        t4cof = new double[size];
        t5cof = new double[size];
        xlcof = new double[size];
        aycof = new double[size];
        con41 = new double[size];
        x1mth2 = new double[size];
        x7thm1 = new double[size];
        sinio = new double[size];
        cosio = new double[size];
        simple = new boolean[size];
        int specials = 0;
        for (int i = 0; i < size; i++) {
            epochMinutes[i] = epochs[i].durationFrom(reference) / 60.0;
            initialise(i, elements.get(i), kernel);
            specials += deepSpace[i] != null || deep[i] != null || initError[i] != 0 ? 1 : 0;
        }
        special = new int[specials];
        for (int i = 0, k = 0; i < size; i++) {
            if (deepSpace[i] != null || deep[i] != null || initError[i] != 0) {
                special[k++] = i;
            }
        }
        deepLanes = VECTOR ? deepLanes(deep, initError) : null;
    }

    /** The deep-space objects that initialised, on the lanes; null if there are none. Loads VectorSdp4 (see VECTOR). */
    private static VectorSdp4 deepLanes(DeepSpace[] deep, int[] initError) {
        int[] index = java.util.stream.IntStream.range(0, deep.length).filter(i -> deep[i] != null && initError[i] == 0).toArray();
        if (index.length == 0) {
            return null;
        }
        DeepSpace[] terms = new DeepSpace[index.length];
        for (int k = 0; k < index.length; k++) {
            terms[k] = deep[index[k]];
        }
        return new VectorSdp4(index, terms);
    }

    /** Whether object {@code i} is computed on the deep-space lanes. */
    private boolean onDeepLanes(int i) {
        return deepLanes != null && deep[i] != null && initError[i] == 0;
    }

    /**
     * Prepares every element set for the fast path (near-Earth objects in the batch kernel); one that cannot be
     * initialised reports its error at every time.
     */
    public static BatchSgp4 of(List<ElementSet> elements, OrekitData data) {
        return new BatchSgp4(elements, data, true);
    }

    /** The same interface over the reference path: every object through Orekit ({@link Sgp4}). */
    public static BatchSgp4 orekitPath(List<ElementSet> elements, OrekitData data) {
        return new BatchSgp4(elements, data, false);
    }

    public int size() {
        return size;
    }

    public ElementSet elements(int index) {
        return elements.get(index);
    }

    public List<ElementSet> elements() {
        return elements;
    }

    /** True when object {@code index} goes through Orekit: every object on the reference path ({@link #orekitPath}). */
    public boolean throughOrekit(int index) {
        return deepSpace[index] != null;
    }

    /** True when object {@code index} has a period of 225 minutes or more (SDP4's deep-space terms). */
    public boolean isDeepSpace(int index) {
        return deep[index] != null || deepSpace[index] != null && deepSpace[index].isDeepSpace();
    }

    /** Minutes from the batch's reference date to an instant (leap seconds counted, through Orekit's UTC). */
    public double minutesAt(Instant time) {
        return OrekitTle.toDate(time, data.utc()).durationFrom(reference) / 60.0;
    }

    /** The instant {@code minutes} after the reference date. */
    public Instant instantAt(double minutes) {
        return OrekitTle.toInstant(reference.shiftedBy(minutes * 60.0), data.utc());
    }

    /** Minutes since object {@code index}'s own epoch at {@code minutes} after the reference date. */
    public double minutesSinceEpoch(int index, double minutes) {
        return minutes - epochMinutes[index];
    }

    private void initialise(int i, ElementSet e, boolean kernel) {
        double no = e.meanMotion() * TWO_PI / 1440.0;
        double ecc = e.eccentricity();
        double inc = Math.toRadians(e.inclinationDeg());
        ecco[i] = ecc;
        inclo[i] = inc;
        nodeo[i] = Math.toRadians(e.raanDeg());
        argpo[i] = Math.toRadians(e.argPerigeeDeg());
        mo[i] = Math.toRadians(e.meanAnomalyDeg());
        bstar[i] = e.bstar();
        if (!(no > 0) || !(ecc >= 0 && ecc < 1)) {
            initError[i] = !(no > 0) ? Sgp4Error.MEAN_MOTION.code() : Sgp4Error.MEAN_ELEMENTS.code();
            return;
        }
        // Recover the original mean motion and semi-major axis from the Kozai mean motion of the element set.
        double eccsq = ecc * ecc;
        double omeosq = 1.0 - eccsq;
        double rteosq = Math.sqrt(omeosq);
        double cosi = Math.cos(inc);
        double cosio2 = cosi * cosi;
        double ak = Math.pow(XKE / no, TWO_THIRDS);
        double d1 = 0.75 * J2 * (3.0 * cosio2 - 1.0) / (rteosq * omeosq);
        double del = d1 / (ak * ak);
        double adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0));
        del = d1 / (adel * adel);
        double nUnkozai = no / (1.0 + del);
        if (!kernel) {
            try {
                deepSpace[i] = Sgp4.of(e, data);
            } catch (PropagationException ex) {
                initError[i] = status(ex.error());
            }
            return;
        }
        double ao = Math.pow(XKE / nUnkozai, TWO_THIRDS);
        double sini = Math.sin(inc);
        double po = ao * omeosq;
        double c42 = 1.0 - 5.0 * cosio2;
        double c41 = -c42 - cosio2 - cosio2;
        double posq = po * po;
        double rp = ao * (1.0 - ecc);
        noUnkozai[i] = nUnkozai;
        aBase[i] = ao;
        con41[i] = c41;
        sinio[i] = sini;
        cosio[i] = cosi;
        boolean deepSpaceObject = TWO_PI / nUnkozai >= 225.0;
        simple[i] = rp < 220.0 / EARTH_RADIUS_KM + 1.0 || deepSpaceObject;

        // Atmospheric density parameters: s and (q0 - s)^4, lowered for perigees under 156 km.
        double sfour = 78.0 / EARTH_RADIUS_KM + 1.0;
        double qzms24 = Math.pow((120.0 - 78.0) / EARTH_RADIUS_KM, 4);
        double perigeeKm = (rp - 1.0) * EARTH_RADIUS_KM;
        if (perigeeKm < 156.0) {
            sfour = perigeeKm < 98.0 ? 20.0 : perigeeKm - 78.0;
            qzms24 = Math.pow((120.0 - sfour) / EARTH_RADIUS_KM, 4);
            sfour = sfour / EARTH_RADIUS_KM + 1.0;
        }
        double pinvsq = 1.0 / posq;
        double tsi = 1.0 / (ao - sfour);
        double et = ao * ecc * tsi;
        double etasq = et * et;
        double eeta = ecc * et;
        double psisq = Math.abs(1.0 - etasq);
        double coef = qzms24 * Math.pow(tsi, 4);
        double coef1 = coef / Math.pow(psisq, 3.5);
        double c2 = coef1 * nUnkozai * (ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq))
                + 0.375 * J2 * tsi / psisq * c41 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
        double c1 = e.bstar() * c2;
        double c3 = ecc > 1.0e-4 ? -2.0 * coef * tsi * J3OJ2 * nUnkozai * sini / ecc : 0.0;
        double x1m = 1.0 - cosio2;
        cc1[i] = c1;
        x1mth2[i] = x1m;
        cc4[i] = 2.0 * nUnkozai * coef1 * ao * omeosq * (et * (2.0 + 0.5 * etasq) + ecc * (0.5 + 2.0 * etasq)
                - J2 * tsi / (ao * psisq) * (-3.0 * c41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta))
                + 0.75 * x1m * (2.0 * etasq - eeta * (1.0 + etasq)) * Math.cos(2.0 * argpo[i])));
        cc5[i] = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq);
        double cosio4 = cosio2 * cosio2;
        double temp1 = 1.5 * J2 * pinvsq * nUnkozai;
        double temp2 = 0.5 * temp1 * J2 * pinvsq;
        double temp3 = -0.46875 * J4 * pinvsq * pinvsq * nUnkozai;
        mdot[i] = nUnkozai + 0.5 * temp1 * rteosq * c41 + 0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4);
        argpdot[i] = -0.5 * temp1 * c42 + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4)
                + temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4);
        double xhdot1 = -temp1 * cosi;
        nodedot[i] = xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosi;
        omgcof[i] = e.bstar() * c3 * Math.cos(argpo[i]);
        xmcof[i] = ecc > 1.0e-4 ? -TWO_THIRDS * coef * e.bstar() / eeta : 0.0;
        nodecf[i] = 3.5 * omeosq * xhdot1 * c1;
        t2cof[i] = 1.5 * c1;
        // The reference guards the division for inclinations of exactly 180 degrees.
        double onePlusCos = Math.abs(cosi + 1.0) > 1.5e-12 ? 1.0 + cosi : 1.5e-12;
        xlcof[i] = -0.25 * J3OJ2 * sini * (3.0 + 5.0 * cosi) / onePlusCos;
        aycof[i] = -0.5 * J3OJ2 * sini;
        eta[i] = et;
        double dm = 1.0 + et * Math.cos(mo[i]);
        delmo[i] = dm * dm * dm;
        sinmao[i] = Math.sin(mo[i]);
        x7thm1[i] = 7.0 * cosio2 - 1.0;
        if (simple[i]) {
            // The truncated model drops these terms; zero coefficients let the vector kernel use one formula.
            omgcof[i] = 0;
            xmcof[i] = 0;
            cc5[i] = 0;
        } else {
            double c1sq = c1 * c1;
            d2[i] = 4.0 * ao * tsi * c1sq;
            double temp = d2[i] * tsi * c1 / 3.0;
            d3[i] = (17.0 * ao + sfour) * temp;
            d4[i] = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * c1;
            t3cof[i] = d2[i] + 2.0 * c1sq;
            t4cof[i] = 0.25 * (3.0 * d3[i] + c1 * (12.0 * d2[i] + 10.0 * c1sq));
            t5cof[i] = 0.2 * (3.0 * d4[i] + 12.0 * c1 * d3[i] + 6.0 * d2[i] * d2[i] + 15.0 * c1sq * (2.0 * d2[i] + c1sq));
        }
        if (deepSpaceObject) {
            double jd = e.epoch().getEpochSecond() / 86400.0 + e.epoch().getNano() / 86400e9 + 2440587.5;
            deep[i] = new DeepSpace(ecc, inc, nodeo[i], argpo[i], mo[i], nUnkozai, ao, mdot[i], argpdot[i],
                    nodedot[i], jd - 2415020.0, greenwichSidereal(jd));
        }
    }

    /** Greenwich mean sidereal angle (rad) at a Julian date, the reference's IAU-82 expression. */
    static double greenwichSidereal(double jdUt1) {
        double tut1 = (jdUt1 - 2451545.0) / 36525.0;
        double seconds = -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1
                + (876600.0 * 3600 + 8640184.812866) * tut1 + 67310.54841;
        double angle = Math.toRadians(seconds / 240.0) % TWO_PI;
        return angle < 0.0 ? angle + TWO_PI : angle;
    }

    /**
     * States of objects {@code from} (inclusive) to {@code to} (exclusive), all at {@code minutes} after the
     * reference date, into {@code out} at the objects' own indices.
     */
    public void propagate(double minutes, int from, int to, States out) {
        propagate(new double[] {minutes}, from, to, new States[] {out});
    }

    /**
     * States of objects {@code from} (inclusive) to {@code to} (exclusive) at several times: at {@code minutes[k]}
     * after the reference date into {@code out[k]}. The same as one call per time, faster: each chunk of objects
     * is evaluated at every time while its coefficients are in the processor's nearest cache, instead of the
     * whole batch's coefficients streaming through it once per time.
     */
    public void propagate(double[] minutes, int from, int to, States[] out) {
        if (out.length < minutes.length) {
            throw new IllegalArgumentException(minutes.length + " times but " + out.length + " state arrays");
        }
        run(from, to, minutes.length, (k, index) -> minutes[k] - epochMinutes[index],
                (k, i, n, scratch) -> VectorSgp4.propagateAt(this, i, n, minutes[k], out[k], scratch), out);
    }

    /** As {@link #propagate(double, int, int, States)} with each object at its own time since epoch (tests). */
    void propagateSince(double[] tsince, int from, int to, States out) {
        run(from, to, 1, (k, index) -> tsince[index],
                (k, i, n, scratch) -> VectorSgp4.propagateSince(this, i, n, tsince, out, scratch), new States[] {out});
    }

    /**
     * Times each chunk of objects is evaluated at before the next chunk. Measured on the LEO catalog, one thread,
     * best of 32 runs: 4 or 8 times a chunk 32 M states/s, one time 27 M; all 31 times of a call a chunk (no limit)
     * 19 M, since each time's states are separate streams of stores and past some 60 streams the stores stall.
     */
    private static final int TIMES_PER_CHUNK = 8;

    /** Time {@code k}: whole vectors of objects from {@code i}, {@code n} of them, on the SIMD lanes. */
    @FunctionalInterface
    private interface Lanes {
        void run(int k, int i, int n, VectorSgp4.Scratch scratch);
    }

    /** Time {@code k}: the minutes since its epoch of object {@code index}. */
    @FunctionalInterface
    private interface Since {
        double minutes(int k, int index);
    }

    /**
     * Objects [from, to) at {@code times} times: whole vectors on the lanes in chunks, each chunk at every time,
     * then the deep-space objects and failed initialisations among them and the remainder on the scalar path.
     */
    private void run(int from, int to, int times, Since since, Lanes lanesWork, States[] out) {
        // VectorSgp4 is not to be loaded without the incubator module (see VECTOR)
        int i = VECTOR ? from + (to - from) / VectorSgp4.lanes() * VectorSgp4.lanes() : from;
        if (VECTOR) {
            VectorSgp4.Scratch scratch = VectorSgp4.Scratch.ofThisThread();
            for (int k0 = 0; k0 < times; k0 += TIMES_PER_CHUNK) {
                int k1 = Math.min(times, k0 + TIMES_PER_CHUNK);
                for (int c = from; c < i; c += VectorSgp4.CHUNK) {
                    int n = Math.min(VectorSgp4.CHUNK, i - c);
                    for (int k = k0; k < k1; k++) {
                        lanesWork.run(k, c, n, scratch);
                    }
                }
            }
        }
        VectorSdp4.Scratch deepScratch = deepLanes == null ? null : VectorSdp4.Scratch.ofThisThread();
        for (int k = 0; k < times; k++) {
            if (deepLanes != null) {
                int time = k;
                deepLanes.propagate(this, from, to, index -> since.minutes(time, index), out[k], deepScratch);
            }
            if (VECTOR) {
                redoSpecial(from, i, k, since, out[k]);
            }
            for (int j = i; j < to; j++) {
                if (!onDeepLanes(j)) {
                    one(j, since.minutes(k, j), out[k]);
                }
            }
        }
    }

    /** Deep-space objects and failed initialisations among [from, to) on the scalar path (the vector lanes were wrong). */
    private void redoSpecial(int from, int to, int time, Since since, States out) {
        int k = java.util.Arrays.binarySearch(special, from);
        for (k = k < 0 ? -k - 1 : k; k < special.length && special[k] < to; k++) {
            if (!onDeepLanes(special[k])) {
                one(special[k], since.minutes(time, special[k]), out);
            }
        }
    }

    /** Object {@code i} at {@code tsince} minutes since its epoch on the scalar path, into {@code out} at {@code i}. */
    void scalar(int i, double tsince, States out) {
        one(i, tsince, out);
    }

    private void one(int i, double tsince, States out) {
        if (initError[i] != 0) {
            out.status[i] = initError[i];
        } else if (deepSpace[i] != null) {
            double[] state = new double[6];
            out.status[i] = deep(i, tsince, state);
            out.x[i] = state[0];
            out.y[i] = state[1];
            out.z[i] = state[2];
            out.vx[i] = state[3];
            out.vy[i] = state[4];
            out.vz[i] = state[5];
        } else {
            out.status[i] = nearEarth(i, tsince, out.x, out.y, out.z, out.vx, out.vy, out.vz, i);
        }
    }

    /** Whether the SIMD kernel is in use in this JVM (see {@link VectorSgp4}). */
    public static boolean vectorised() {
        return VECTOR;
    }

    /** Objects the kernel evaluates at once: doubles per vector of this processor (8 with AVX-512, 4 with AVX2), 1 if scalar. */
    public static int lanes() {
        return VECTOR ? VectorSgp4.lanes() : 1;
    }

    /** Every object at {@code minutes} after the reference date, on {@code threads} threads. */
    public void propagate(double minutes, States out, int threads) {
        if (threads <= 1 || size < 2 * threads) {
            propagate(minutes, 0, size, out);
            return;
        }
        Parallel.map(Parallel.ranges(size, threads), threads, r -> {
            propagate(minutes, r[0], r[1], out);
            return r;
        });
    }

    /** One object at {@code minutes} after the reference date, into {@code out[0..5]} (km, km/s); returns the status. */
    public int stateAt(int index, double minutes, double[] out) {
        return stateSinceEpoch(index, minutes - epochMinutes[index], out);
    }

    /** One object at {@code minutesSinceEpoch} after its own epoch, into {@code out[0..5]} (km, km/s); returns the status. */
    public int stateSinceEpoch(int index, double minutesSinceEpoch, double[] out) {
        if (initError[index] != 0) {
            return initError[index];
        }
        if (deepSpace[index] != null) {
            return deep(index, minutesSinceEpoch, out);
        }
        double[] x = new double[1];
        double[] y = new double[1];
        double[] z = new double[1];
        double[] vx = new double[1];
        double[] vy = new double[1];
        double[] vz = new double[1];
        int status = nearEarth(index, minutesSinceEpoch, x, y, z, vx, vy, vz, 0);
        out[0] = x[0];
        out[1] = y[0];
        out[2] = z[0];
        out[3] = vx[0];
        out[4] = vy[0];
        out[5] = vz[0];
        return status;
    }

    /** A deep-space object on the Orekit path, into {@code out[0..5]} (km, km/s); returns the status. */
    private int deep(int i, double tsince, double[] out) {
        Sgp4 sgp4 = deepSpace[i];
        try {
            copy(sgp4.pvTeme(sgp4.epochDate().shiftedBy(tsince * 60.0)), out, 0);
            return OK;
        } catch (PropagationException e) {
            return status(e.error());
        }
    }

    private static void copy(PVCoordinates pv, double[] out, int offset) {
        out[offset] = pv.getPosition().getX() / 1000.0;
        out[offset + 1] = pv.getPosition().getY() / 1000.0;
        out[offset + 2] = pv.getPosition().getZ() / 1000.0;
        out[offset + 3] = pv.getVelocity().getX() / 1000.0;
        out[offset + 4] = pv.getVelocity().getY() / 1000.0;
        out[offset + 5] = pv.getVelocity().getZ() / 1000.0;
    }

    /** The near-Earth SGP4 at {@code t} minutes since epoch; writes slot {@code k} of the outputs, returns the status. */
    private int nearEarth(int i, double t, double[] ox, double[] oy, double[] oz, double[] ovx, double[] ovy,
                          double[] ovz, int k) {
        // Secular gravity and atmospheric drag.
        double xmdf = mo[i] + mdot[i] * t;
        double argpdf = argpo[i] + argpdot[i] * t;
        double nodedf = nodeo[i] + nodedot[i] * t;
        double argpm = argpdf;
        double mm = xmdf;
        double t2 = t * t;
        double nodem = nodedf + nodecf[i] * t2;
        double tempa = 1.0 - cc1[i] * t;
        double tempe = bstar[i] * cc4[i] * t;
        double templ = t2cof[i] * t2;
        if (!simple[i]) {
            double delomg = omgcof[i] * t;
            double delmtemp = 1.0 + eta[i] * Math.cos(xmdf);
            double delm = xmcof[i] * (delmtemp * delmtemp * delmtemp - delmo[i]);
            double temp = delomg + delm;
            mm = xmdf + temp;
            argpm = argpdf - temp;
            double t3 = t2 * t;
            double t4 = t3 * t;
            tempa = tempa - d2[i] * t2 - d3[i] * t3 - d4[i] * t4;
            tempe = tempe + bstar[i] * cc5[i] * (Math.sin(mm) - sinmao[i]);
            templ = templ + t3cof[i] * t3 + t4 * (t4cof[i] + t * t5cof[i]);
        }
        if (tempa < 0.0) {
            // Past the time the drag polynomial reaches zero the reference squares it and carries on with orbits
            // millions of km out; by then the mean semi-major axis has passed below its 0.95 earth radii limit.
            return Sgp4Error.MEAN_ELEMENTS.code();
        }
        double n0 = noUnkozai[i];
        DeepSpace ds = deep[i];
        double em = ecco[i];
        double inclm = inclo[i];
        double am;
        // deep space: the mean elements [e, i, Ω, ω, M, n] through the lunar-solar terms
        double[] m = null;
        if (ds == null) {
            am = aBase[i] * tempa * tempa;
        } else {
            m = new double[] {em, inclm, nodem, argpm, mm, n0};
            ds.secular(t, m);
            em = m[0];
            inclm = m[1];
            nodem = m[2];
            argpm = m[3];
            mm = m[4];
            if (m[5] <= 0.0) {
                return Sgp4Error.MEAN_MOTION.code();
            }
            am = Math.pow(XKE / m[5], TWO_THIRDS) * tempa * tempa;
        }
        double nm = XKE / (am * Math.sqrt(am));
        em = em - tempe;
        if (em >= 1.0 || em < -0.001 || am < 0.95 || !(am == am)) {
            return Sgp4Error.MEAN_ELEMENTS.code();
        }
        if (em < 1.0e-6) {
            em = 1.0e-6;
        }
        mm = mm + n0 * templ;
        double cosip = cosio[i];
        double sinip = sinio[i];
        double aycofp = aycof[i];
        double xlcofp = xlcof[i];
        double con41p = con41[i];
        double x1mth2p = x1mth2[i];
        double x7thm1p = x7thm1[i];
        if (ds == null) {
            // The reference reduces node, perigee, mean longitude and anomaly with fmod; every later use is
            // periodic, so reducing the angles of Kepler's equation alone gives the same states (Java's % on
            // doubles is slow).
            nodem = reduce(nodem);
            argpm = reduce(argpm);
            mm = reduce(mm);
        } else {
            // Deep space: the lunar-solar periodics use the node as the reference reduces it (sign kept), then
            // the inclination-dependent coefficients follow the perturbed inclination.
            double xlm = (mm + argpm + nodem) % TWO_PI;
            m[0] = em;
            m[1] = inclm;
            m[2] = nodem % TWO_PI;
            m[3] = argpm % TWO_PI;
            m[4] = (xlm - m[3] - m[2]) % TWO_PI;
            ds.periodic(t, m);
            em = m[0];
            inclm = m[1];
            nodem = m[2];
            argpm = m[3];
            mm = m[4];
            if (inclm < 0.0) {
                inclm = -inclm;
                nodem += Math.PI;
                argpm -= Math.PI;
            }
            if (em < 0.0 || em > 1.0) {
                return Sgp4Error.PERTURBED_ECCENTRICITY.code();
            }
            sinip = Math.sin(inclm);
            cosip = Math.cos(inclm);
            aycofp = -0.5 * J3OJ2 * sinip;
            double onePlusCos = Math.abs(cosip + 1.0) > 1.5e-12 ? 1.0 + cosip : 1.5e-12;
            xlcofp = -0.25 * J3OJ2 * sinip * (3.0 + 5.0 * cosip) / onePlusCos;
            double cosisq = cosip * cosip;
            con41p = 3.0 * cosisq - 1.0;
            x1mth2p = 1.0 - cosisq;
            x7thm1p = 7.0 * cosisq - 1.0;
        }

        // Long-period periodics.
        double sinArgp = Math.sin(argpm);
        double cosArgp = Math.cos(argpm);
        double axnl = em * cosArgp;
        double temp = 1.0 / (am * (1.0 - em * em));
        double aynl = em * sinArgp + temp * aycofp;
        double xl = mm + argpm + nodem + temp * xlcofp * axnl;

        // Kepler's equation in the form of the reference (u = E + ω, with the 0.95 step limit).
        double u = reduce(xl - nodem);
        double eo1 = u;
        double sineo1 = 0;
        double coseo1 = 1;
        double tem5 = 9999.9;
        for (int ktr = 1; Math.abs(tem5) >= 1.0e-12 && ktr <= 10; ktr++) {
            sineo1 = Math.sin(eo1);
            coseo1 = Math.cos(eo1);
            tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
            tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
            if (Math.abs(tem5) >= 0.95) {
                tem5 = tem5 > 0.0 ? 0.95 : -0.95;
            }
            eo1 = eo1 + tem5;
        }

        // Short-period periodics.
        double ecose = axnl * coseo1 + aynl * sineo1;
        double esine = axnl * sineo1 - aynl * coseo1;
        double el2 = axnl * axnl + aynl * aynl;
        double pl = am * (1.0 - el2);
        if (pl < 0.0) {
            return Sgp4Error.SEMI_LATUS_RECTUM.code();
        }
        double rl = am * (1.0 - ecose);
        double rdotl = Math.sqrt(am) * esine / rl;
        double rvdotl = Math.sqrt(pl) / rl;
        double betal = Math.sqrt(1.0 - el2);
        temp = esine / (1.0 + betal);
        double sinu = am / rl * (sineo1 - aynl - axnl * temp);
        double cosu = am / rl * (coseo1 - axnl + aynl * temp);
        double su = Math.atan2(sinu, cosu);
        double sin2u = (cosu + cosu) * sinu;
        double cos2u = 1.0 - 2.0 * sinu * sinu;
        temp = 1.0 / pl;
        double temp1 = 0.5 * J2 * temp;
        double temp2 = temp1 * temp;
        double mrt = rl * (1.0 - 1.5 * temp2 * betal * con41p) + 0.5 * temp1 * x1mth2p * cos2u;
        su = su - 0.25 * temp2 * x7thm1p * sin2u;
        double xnode = nodem + 1.5 * temp2 * cosip * sin2u;
        double xinc = inclm + 1.5 * temp2 * cosip * sinip * cos2u;
        double mvt = rdotl - nm * temp1 * x1mth2p * sin2u / XKE;
        double rvdot = rvdotl + nm * temp1 * (x1mth2p * cos2u + 1.5 * con41p) / XKE;

        // Orientation vectors.
        double sinsu = Math.sin(su);
        double cossu = Math.cos(su);
        double snod = Math.sin(xnode);
        double cnod = Math.cos(xnode);
        double sini = Math.sin(xinc);
        double cosi = Math.cos(xinc);
        double xmx = -snod * cosi;
        double xmy = cnod * cosi;
        double ux = xmx * sinsu + cnod * cossu;
        double uy = xmy * sinsu + snod * cossu;
        double uz = sini * sinsu;
        double vx = xmx * cossu - cnod * sinsu;
        double vy = xmy * cossu - snod * sinsu;
        double vz = sini * cossu;
        double r = mrt * EARTH_RADIUS_KM;
        ox[k] = r * ux;
        oy[k] = r * uy;
        oz[k] = r * uz;
        ovx[k] = (mvt * ux + rvdot * vx) * KM_PER_ER_MIN_TO_KM_S;
        ovy[k] = (mvt * uy + rvdot * vy) * KM_PER_ER_MIN_TO_KM_S;
        ovz[k] = (mvt * uz + rvdot * vz) * KM_PER_ER_MIN_TO_KM_S;
        if (mrt < 1.0) {
            return Sgp4Error.DECAYED.code();
        }
        return OK;
    }

    /** An angle brought into [0, 2π). */
    private static double reduce(double angle) {
        return angle - TWO_PI * Math.floor(angle / TWO_PI);
    }

    /** TEME states of a batch at one time, km and km/s, with a status per object (see {@link #OK}). */
    public static final class States {
        public final double[] x;
        public final double[] y;
        public final double[] z;
        public final double[] vx;
        public final double[] vy;
        public final double[] vz;
        public final int[] status;

        public States(int size) {
            x = new double[size];
            y = new double[size];
            z = new double[size];
            vx = new double[size];
            vy = new double[size];
            vz = new double[size];
            status = new int[size];
        }
    }
}
