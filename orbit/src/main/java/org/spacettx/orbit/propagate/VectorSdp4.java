package org.spacettx.orbit.propagate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The deep-space objects of a batch (SDP4) on SIMD lanes: the lunar and solar periodics (with Lyddane's
 * modification below 0.2 rad of inclination), the coefficients that follow the perturbed inclination, then the
 * near-Earth kernel's own long-period, Kepler, short-period and orientation phases ({@link VectorSgp4}). What is
 * left on the scalar path, lane by lane, is what is cheap or object-specific: the secular terms up to the lunar-solar
 * secular rates and the geopotential resonance (each object's own integration tables, {@link DeepSpace#secular}),
 * and the reference's reductions of the angles by the remainder of 2π, which Lyddane's modification depends on.
 * The deep-space objects are gathered into their own arrays at construction (they are scattered in a catalog) and
 * their states scattered back.
 *
 * <p>It computes what {@code BatchSgp4.nearEarth} computes for a deep-space object to the rounding level; the
 * Vallado verification cases and whole catalogs against Orekit check it ({@code BatchSgp4Test}).
 */
final class VectorSdp4 {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double TWO_THIRDS = 2.0 / 3.0;
    private static final double XKE = 60.0 / Math.sqrt(BatchSgp4.EARTH_RADIUS_KM * BatchSgp4.EARTH_RADIUS_KM
            * BatchSgp4.EARTH_RADIUS_KM / 398600.8);
    private static final double J3OJ2 = -0.00000253881 / 0.001082616;
    private static final int MEAN_ELEMENTS = Sgp4Error.MEAN_ELEMENTS.code();
    private static final int MEAN_MOTION = Sgp4Error.MEAN_MOTION.code();
    private static final int PERTURBED_ECCENTRICITY = Sgp4Error.PERTURBED_ECCENTRICITY.code();

    /** Batch indices of the deep-space objects, ascending. */
    private final int[] index;
    private final DeepSpace[] terms;
    /** Per deep-space object (padded to whole vectors): the sun's and moon's periodic coefficients, their anomalies at epoch. */
    private final double[][] sun = new double[12][];
    private final double[][] moon = new double[12][];
    private final double[] zmos;
    private final double[] zmol;

    VectorSdp4(int[] index, DeepSpace[] terms) {
        this.index = index.clone();
        this.terms = terms.clone();
        int padded = (index.length + L - 1) / L * L + L;
        for (int k = 0; k < 12; k++) {
            sun[k] = new double[padded];
            moon[k] = new double[padded];
        }
        zmos = new double[padded];
        zmol = new double[padded];
        for (int p = 0; p < padded; p++) {
            // the lanes past the last object repeat it: sane values, results not read
            DeepSpace d = terms[Math.min(p, index.length - 1)];
            for (int k = 0; k < 12; k++) {
                sun[k][p] = d.sunPeriodic(k);
                moon[k][p] = d.moonPeriodic(k);
            }
            zmos[p] = d.zmos();
            zmol[p] = d.zmol();
        }
    }

    /** A thread's working space: the near-Earth kernel's, and the deep-space phases' own. */
    static final class Scratch {
        final VectorSgp4.Scratch kernel = new VectorSgp4.Scratch();
        final double[] inclm = new double[VectorSgp4.CHUNK];
        final double[] zfSun = new double[VectorSgp4.CHUNK];
        final double[] zfMoon = new double[VectorSgp4.CHUNK];
        final double[] sinB = new double[VectorSgp4.CHUNK];
        final double[] cosB = new double[VectorSgp4.CHUNK];
        final double[] pe = new double[VectorSgp4.CHUNK];
        final double[] pinc = new double[VectorSgp4.CHUNK];
        final double[] pl = new double[VectorSgp4.CHUNK];
        final double[] pgh = new double[VectorSgp4.CHUNK];
        final double[] ph = new double[VectorSgp4.CHUNK];
        final double[] aycof = new double[VectorSgp4.CHUNK];
        final double[] xlcof = new double[VectorSgp4.CHUNK];
        final double[] con41 = new double[VectorSgp4.CHUNK];
        final double[] x1mth2 = new double[VectorSgp4.CHUNK];
        final double[] x7thm1 = new double[VectorSgp4.CHUNK];
        final double[] sinio = new double[VectorSgp4.CHUNK];
        final double[] cosio = new double[VectorSgp4.CHUNK];
        /** The status each lane's deep-space terms gave (0 if none failed). */
        final int[] status = new int[VectorSgp4.CHUNK];
        final BatchSgp4.States out = new BatchSgp4.States(VectorSgp4.CHUNK);
        final double[] m = new double[6];
    }

    /** The times of the objects, minutes since their epochs: a call's k-th time for the object at a batch index. */
    @FunctionalInterface
    interface Since {
        double minutes(int index);
    }

    /** The deep-space objects with batch indices in [from, to), each at {@code since}, into {@code out} at their indices. */
    void propagate(BatchSgp4 b, int from, int to, Since since, BatchSgp4.States out, Scratch sc) {
        int first = java.util.Arrays.binarySearch(index, from);
        first = first < 0 ? -first - 1 : first;
        int last = java.util.Arrays.binarySearch(index, to);
        last = last < 0 ? -last - 1 : last;
        for (int p = first; p < last; p += VectorSgp4.CHUNK) {
            int real = Math.min(VectorSgp4.CHUNK, last - p);
            int count = (real + L - 1) / L * L;
            secular(b, p, real, count, since, sc);
            periodics(p, sc);
            VectorSgp4.periodicsAndOrientation(sc.kernel, 0, sc.out);
            for (int v = 0; v < real; v++) {
                int i = index[p + v];
                if ((sc.kernel.scalar[v / L] & 1L << (v % L)) != 0) {
                    b.scalar(i, sc.kernel.t[v], out); // eccentricities near 1 (see VectorSgp4.Scratch.scalar)
                    continue;
                }
                out.x[i] = sc.out.x[v];
                out.y[i] = sc.out.y[v];
                out.z[i] = sc.out.z[v];
                out.vx[i] = sc.out.vx[v];
                out.vy[i] = sc.out.vy[v];
                out.vz[i] = sc.out.vz[v];
                out.status[i] = sc.status[v] != BatchSgp4.OK ? sc.status[v] : sc.out.status[v];
            }
        }
    }

    /**
     * Lane by lane, as {@code BatchSgp4.nearEarth} does for a deep-space object: the secular terms (the truncated
     * model's drag), the lunar-solar secular rates and the resonance, the mean elements' checks and the reference's
     * reductions; lanes past {@code real} repeat the last object.
     */
    private void secular(BatchSgp4 b, int p, int real, int count, Since since, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        k.count = count;
        java.util.Arrays.fill(k.meanElements, 0, count / L, 0L); // the deep-space checks are lane by lane below
        double[] m = sc.m;
        for (int v = 0; v < count; v++) {
            int q = p + Math.min(v, real - 1);
            int i = index[q];
            double t = since.minutes(i);
            k.t[v] = t;
            sc.status[v] = BatchSgp4.OK;
            double tempa = 1.0 - b.cc1[i] * t;
            double n0 = b.noUnkozai[i];
            m[0] = b.ecco[i];
            m[1] = b.inclo[i];
            m[2] = b.nodeo[i] + b.nodedot[i] * t + b.nodecf[i] * t * t;
            m[3] = b.argpo[i] + b.argpdot[i] * t;
            m[4] = b.mo[i] + b.mdot[i] * t;
            m[5] = n0;
            terms[q].secular(t, m);
            double am = Math.pow(XKE / m[5], TWO_THIRDS) * tempa * tempa;
            double em = m[0] - b.bstar[i] * b.cc4[i] * t;
            if (tempa < 0.0) {
                sc.status[v] = MEAN_ELEMENTS;
            } else if (m[5] <= 0.0) {
                sc.status[v] = MEAN_MOTION;
            } else if (em >= 1.0 || em < -0.001 || am < 0.95 || !(am == am)) {
                sc.status[v] = MEAN_ELEMENTS;
            }
            em = Math.max(em, 1.0e-6);
            double mm = m[4] + n0 * (b.t2cof[i] * (t * t));
            double xlm = (mm + m[3] + m[2]) % TWO_PI;
            double nodem = m[2] % TWO_PI;
            double argpm = m[3] % TWO_PI;
            k.em[v] = em;
            sc.inclm[v] = m[1];
            k.nodem[v] = nodem;
            k.argpm[v] = argpm;
            k.mm[v] = (xlm - argpm - nodem) % TWO_PI;
            k.am[v] = am;
            k.sqrtAm[v] = Math.sqrt(am);
            // the bodies' mean anomalies, for the periodics
            sc.zfSun[v] = zmos[q] + DeepSpace.ZNS * t;
            sc.zfMoon[v] = zmol[q] + DeepSpace.ZNL * t;
        }
    }

    /** The lunar-solar periodics and the coefficients of the perturbed inclination, on the lanes. */
    private void periodics(int p, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        int count = k.count;
        LaneTrig.sinCos(sc.zfSun, k.sinA, k.cosA, count);
        LaneTrig.sinCos(sc.zfMoon, sc.sinB, sc.cosB, count);
        trueAnomalies(sc);
        LaneTrig.sinCos(sc.zfSun, k.sinA, k.cosA, count);
        LaneTrig.sinCos(sc.zfMoon, sc.sinB, sc.cosB, count);
        sums(p, sc);
        LaneTrig.sinCos(sc.inclm, k.sinA, k.cosA, count);
        LaneTrig.sinCos(k.nodem, sc.sinB, sc.cosB, count);
        apply(sc);
        coefficients(sc);
    }

    /** zf = zm + 2 e sin zm for the sun and the moon. */
    private static void trueAnomalies(Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        for (int v = 0; v < k.count; v += L) {
            load(k.sinA, v).mul(2.0 * DeepSpace.ZES).add(load(sc.zfSun, v)).intoArray(sc.zfSun, v);
            load(sc.sinB, v).mul(2.0 * DeepSpace.ZEL).add(load(sc.zfMoon, v)).intoArray(sc.zfMoon, v);
        }
    }

    /** Both bodies' periodics summed (e, i, l, gh, h), the sun's first; the perturbed e and inclination. */
    private void sums(int p, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        for (int v = 0; v < k.count; v += L) {
            DoubleVector ss = load(k.sinA, v);
            DoubleVector fs2 = ss.mul(ss).fma(0.5, -0.25);
            DoubleVector fs3 = ss.mul(load(k.cosA, v)).mul(-0.5);
            DoubleVector sm = load(sc.sinB, v);
            DoubleVector fm2 = sm.mul(sm).fma(0.5, -0.25);
            DoubleVector fm3 = sm.mul(load(sc.cosB, v)).mul(-0.5);
            int q = p + v;
            DoubleVector pe = body(sun, 0, 1, -1, q, fs2, fs3, ss).add(body(moon, 0, 1, -1, q, fm2, fm3, sm));
            DoubleVector pinc = body(sun, 2, 3, -1, q, fs2, fs3, ss).add(body(moon, 2, 3, -1, q, fm2, fm3, sm));
            body(sun, 4, 5, 6, q, fs2, fs3, ss).add(body(moon, 4, 5, 6, q, fm2, fm3, sm)).intoArray(sc.pl, v);
            body(sun, 7, 8, 9, q, fs2, fs3, ss).add(body(moon, 7, 8, 9, q, fm2, fm3, sm)).intoArray(sc.pgh, v);
            body(sun, 10, 11, -1, q, fs2, fs3, ss).add(body(moon, 10, 11, -1, q, fm2, fm3, sm)).intoArray(sc.ph, v);
            pinc.intoArray(sc.pinc, v);
            load(k.em, v).add(pe).intoArray(k.em, v);
            load(sc.inclm, v).add(pinc).intoArray(sc.inclm, v);
        }
    }

    /** One body's term: c[a] f2 + c[b] f3 (+ c[s] sin zf). */
    private static DoubleVector body(double[][] c, int a, int b, int s, int q, DoubleVector f2, DoubleVector f3, DoubleVector sinzf) {
        DoubleVector term = load(c[a], q).mul(f2).add(load(c[b], q).mul(f3));
        return s < 0 ? term : term.add(load(c[s], q).mul(sinzf));
    }

    /**
     * The periodics applied to Ω, ω and M: directly from 0.2 rad of inclination, by Lyddane's modification below
     * (the node from an arctangent, computed only where some lane needs it); then a negative inclination turned
     * round, and the eccentricity's check.
     */
    private static void apply(Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        DoubleVector pi = DoubleVector.broadcast(S, Math.PI);
        DoubleVector twoPi = DoubleVector.broadcast(S, TWO_PI);
        for (int v = 0; v < k.count; v += L) {
            DoubleVector sinip = load(k.sinA, v);
            DoubleVector cosip = load(k.cosA, v);
            DoubleVector inclp = load(sc.inclm, v);
            DoubleVector nodem = load(k.nodem, v);
            DoubleVector argpm = load(k.argpm, v);
            DoubleVector mm = load(k.mm, v);
            DoubleVector pl = load(sc.pl, v);
            DoubleVector pgh = load(sc.pgh, v);
            DoubleVector ph = load(sc.ph, v);
            DoubleVector pinc = load(sc.pinc, v);
            DoubleVector phs = ph.div(sinip);
            DoubleVector node = nodem.add(phs);
            DoubleVector argp = argpm.add(pgh.sub(cosip.mul(phs)));
            DoubleVector mean = mm.add(pl);
            VectorMask<Double> lyddane = inclp.compare(VectorOperators.LT, 0.2);
            if (lyddane.anyTrue()) {
                DoubleVector sinop = load(sc.sinB, v);
                DoubleVector cosop = load(sc.cosB, v);
                DoubleVector pincCos = pinc.mul(cosip);
                DoubleVector alfdp = sinip.mul(sinop).add(ph.mul(cosop)).add(pincCos.mul(sinop));
                DoubleVector betdp = sinip.mul(cosop).sub(ph.mul(sinop)).add(pincCos.mul(cosop));
                // Ω is already the remainder of 2π (its sign kept), as the reference has it here
                DoubleVector xls = mm.add(argpm).add(cosip.mul(nodem)).add(pl).add(pgh).sub(pinc.mul(nodem).mul(sinip));
                DoubleVector nodep = alfdp.lanewise(VectorOperators.ATAN2, betdp);
                VectorMask<Double> wrapped = nodem.sub(nodep).abs().compare(VectorOperators.GT, pi);
                DoubleVector shift = twoPi.blend(twoPi.neg(), nodep.compare(VectorOperators.GE, nodem));
                nodep = nodep.add(shift.blend(DoubleVector.zero(S), wrapped.not()));
                node = node.blend(nodep, lyddane);
                argp = argp.blend(xls.sub(mean).sub(cosip.mul(nodep)), lyddane);
            }
            VectorMask<Double> negative = inclp.compare(VectorOperators.LT, 0.0);
            inclp.abs().intoArray(sc.inclm, v);
            node.add(pi.blend(DoubleVector.zero(S), negative.not())).intoArray(k.nodem, v);
            argp.sub(pi.blend(DoubleVector.zero(S), negative.not())).intoArray(k.argpm, v);
            mean.intoArray(k.mm, v);
            // sin|i| = −sin i where i < 0, cos|i| = cos i
            sinip.blend(sinip.neg(), negative).intoArray(sc.sinio, v);
            cosip.intoArray(sc.cosio, v);
            DoubleVector em = load(k.em, v);
            long bad = em.compare(VectorOperators.LT, 0.0).or(em.compare(VectorOperators.GT, 1.0)).toLong();
            for (; bad != 0; bad &= bad - 1) {
                int lane = v + Long.numberOfTrailingZeros(bad);
                if (sc.status[lane] == BatchSgp4.OK) {
                    sc.status[lane] = PERTURBED_ECCENTRICITY;
                }
            }
        }
    }

    /** The coefficients that depend on the inclination, from the perturbed one; then the shared phases read them. */
    private static void coefficients(Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        for (int v = 0; v < k.count; v += L) {
            DoubleVector sinip = load(sc.sinio, v);
            DoubleVector cosip = load(sc.cosio, v);
            sinip.mul(-0.5 * J3OJ2).intoArray(sc.aycof, v);
            // the reference guards the division for inclinations of exactly 180 degrees
            DoubleVector onePlusCos = cosip.add(1.0);
            onePlusCos = onePlusCos.blend(1.5e-12, onePlusCos.abs().compare(VectorOperators.LE, 1.5e-12));
            sinip.mul(-0.25 * J3OJ2).mul(cosip.fma(5.0, 3.0)).div(onePlusCos).intoArray(sc.xlcof, v);
            DoubleVector cosisq = cosip.mul(cosip);
            cosisq.fma(3.0, -1.0).intoArray(sc.con41, v);
            cosisq.neg().add(1.0).intoArray(sc.x1mth2, v);
            cosisq.fma(7.0, -1.0).intoArray(sc.x7thm1, v);
        }
        k.aycof = sc.aycof;
        k.xlcof = sc.xlcof;
        k.con41 = sc.con41;
        k.x1mth2 = sc.x1mth2;
        k.x7thm1 = sc.x7thm1;
        k.sinio = sc.sinio;
        k.cosio = sc.cosio;
        k.coefficients = 0;
    }

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }
}
