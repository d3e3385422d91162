package org.spacettx.orbit.propagate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The deep-space objects of a batch (SDP4) on SIMD lanes: the lunar and solar periodics (with Lyddane's
 * modification below 0.2 rad of inclination), the coefficients that follow the perturbed inclination, then the
 * near-Earth kernel's own long-period, Kepler, short-period and orientation phases ({@link VectorSgp4}); the
 * geopotential resonance's terms too, from the last whole step of each object's own integration tables. What is
 * left lane by lane is what is cheap or object-specific: the secular terms and the lunar-solar secular rates, the
 * look-up of the integrator's last step ({@link DeepSpace#resonanceStart}), the semi-major axis from the mean motion,
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
    private static final double TWO_PI = BatchSgp4.TWO_PI;
    private static final double TWO_THIRDS = BatchSgp4.TWO_THIRDS;
    private static final double XKE = BatchSgp4.XKE;
    private static final double J3OJ2 = BatchSgp4.J3OJ2;
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
    /** Per deep-space object: its resonance (0 none, 1 geosynchronous, 2 half-day) and terms ({@link DeepSpace#resonanceTerms}). */
    private final double[] kind;
    private final double[][] resonance = new double[16][];
    /** Whether any object has a resonance (else its phase is skipped). */
    private final boolean anyResonance;

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
        kind = new double[padded];
        for (int k = 0; k < 16; k++) {
            resonance[k] = new double[padded];
        }
        boolean resonant = false;
        for (int p = 0; p < padded; p++) {
            // the lanes past the last object repeat it: sane values, results not read
            DeepSpace d = terms[Math.min(p, index.length - 1)];
            for (int k = 0; k < 12; k++) {
                sun[k][p] = d.sunPeriodic(k);
                moon[k][p] = d.moonPeriodic(k);
            }
            zmos[p] = d.zmos();
            zmol[p] = d.zmol();
            kind[p] = d.resonanceKind();
            resonant |= kind[p] != 0;
            double[] own = d.resonanceTerms();
            for (int k = 0; k < 16; k++) {
                resonance[k][p] = own[k];
            }
        }
        anyResonance = resonant;
    }

    /** A thread's working space: the near-Earth kernel's, and the deep-space phases' own. */
    static final class Scratch {
        final VectorSgp4.Scratch kernel = new VectorSgp4.Scratch();
        final double[] inclm = new double[VectorSgp4.CHUNK];
        final double[] zfSun = new double[VectorSgp4.CHUNK];
        final double[] zfMoon = new double[VectorSgp4.CHUNK];
        final double[] sinB = new double[VectorSgp4.CHUNK];
        final double[] cosB = new double[VectorSgp4.CHUNK];
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
        // the resonance: its integrator's last step (time, λ, n), the Greenwich angle, the rates, an angle's terms
        final double[] atime = new double[VectorSgp4.CHUNK];
        final double[] xli = new double[VectorSgp4.CHUNK];
        final double[] xni = new double[VectorSgp4.CHUNK];
        final double[] theta = new double[VectorSgp4.CHUNK];
        final double[] xndt = new double[VectorSgp4.CHUNK];
        final double[] xnddt = new double[VectorSgp4.CHUNK];
        final double[] angle = new double[VectorSgp4.CHUNK];
        /** Per lane: the mean motion after the resonance, the drag polynomial, B*·C4·t, the mean longitude's drag term. */
        final double[] meanMotion = new double[VectorSgp4.CHUNK];
        final double[] tempa = new double[VectorSgp4.CHUNK];
        final double[] tempe = new double[VectorSgp4.CHUNK];
        final double[] templ = new double[VectorSgp4.CHUNK];
        final double[] start = new double[4];
        /** The status each lane's deep-space terms gave (0 if none failed). */
        final int[] status = new int[VectorSgp4.CHUNK];
        final BatchSgp4.States out = new BatchSgp4.States(VectorSgp4.CHUNK);
        final double[] m = new double[6];

        private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

        /** This thread's scratch, reused from call to call (its own, not the near-Earth phases' of the same call). */
        static Scratch ofThisThread() {
            return OF_THREAD.get();
        }
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
            if (anyResonance) {
                resonance(p, sc);
            }
            meanElements(b, p, real, sc);
            periodics(p, sc);
            VectorSgp4.periodicsAndOrientation(sc.kernel, 0, sc.out);
            for (int v = 0; v < real; v++) {
                int i = index[p + v];
                if ((sc.kernel.scalar[v / L] & 1L << (v % L)) != 0 || largeCorrections(sc, v)) {
                    b.scalar(i, sc.kernel.t[v], out); // eccentricities near 1: the reference's own path
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
     * Whether lane {@code v}'s short-period corrections of the argument of latitude or the inclination reach 1e-2
     * rad, where the kernel's series for their sines and cosines are not to the rounding level (the semi-latus rectum
     * of an eccentricity near 1 is small: Vallado's 33333 reaches a radian).
     */
    private static boolean largeCorrections(Scratch sc, int v) {
        VectorSgp4.Scratch k = sc.kernel;
        double du = -0.25 * k.temp2[v] * sc.x7thm1[v] * k.sin2u[v];
        return Math.abs(du) >= 1.0e-2 || Math.abs(k.di[v]) >= 1.0e-2;
    }

    /**
     * Lane by lane, as {@code BatchSgp4.nearEarth} does for a deep-space object: the secular terms (the truncated
     * model's drag), the lunar-solar secular rates, and for a resonant object its integrator's last step before t
     * (from its tables); lanes past {@code real} repeat the last object.
     */
    private void secular(BatchSgp4 b, int p, int real, int count, Since since, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        k.count = count;
        double[] m = sc.m;
        for (int v = 0; v < count; v++) {
            int q = p + Math.min(v, real - 1);
            int i = index[q];
            double t = since.minutes(i);
            k.t[v] = t;
            sc.tempa[v] = 1.0 - b.cc1[i] * t;
            sc.tempe[v] = b.bstar[i] * b.cc4[i] * t;
            sc.templ[v] = b.t2cof[i] * (t * t);
            m[0] = b.ecco[i];
            m[1] = b.inclo[i];
            m[2] = b.nodeo[i] + b.nodedot[i] * t + b.nodecf[i] * t * t;
            m[3] = b.argpo[i] + b.argpdot[i] * t;
            m[4] = b.mo[i] + b.mdot[i] * t;
            terms[q].secularRates(t, m);
            k.em[v] = m[0];
            sc.inclm[v] = m[1];
            k.nodem[v] = m[2];
            k.argpm[v] = m[3];
            k.mm[v] = m[4];
            sc.meanMotion[v] = b.noUnkozai[i];
            if (kind[q] != 0) {
                terms[q].resonanceStart(t, sc.start);
                sc.atime[v] = sc.start[0];
                sc.xli[v] = sc.start[1];
                sc.xni[v] = sc.start[2];
                sc.theta[v] = sc.start[3];
            } else {
                sc.atime[v] = t; // no resonance: harmless values, not used
                sc.xli[v] = 0;
                sc.xni[v] = 0;
                sc.theta[v] = 0;
            }
        }
    }

    /** One resonance term: its coefficient, the multiples of ω and λ in its angle, its phase, its weight in ṅ's rate. */
    private record Term(int coefficient, double omega, double lambda, double phase, double weight) {
    }

    /** The geosynchronous resonance's terms (del1..3), then the half-day one's (d2201..d5433), as {@link DeepSpace}'s rates. */
    private static final Term[] SYNCHRONOUS = {
        new Term(3, 0, 1, DeepSpace.FASX2, 1), new Term(4, 0, 2, 2 * DeepSpace.FASX4, 2),
        new Term(5, 0, 3, 3 * DeepSpace.FASX6, 3),
    };
    private static final Term[] HALF_DAY = {
        new Term(6, 2, 1, DeepSpace.G22, 1), new Term(7, 0, 1, DeepSpace.G22, 1), new Term(8, 1, 1, DeepSpace.G32, 1),
        new Term(9, -1, 1, DeepSpace.G32, 1), new Term(10, 2, 2, DeepSpace.G44, 2), new Term(11, 0, 2, DeepSpace.G44, 2),
        new Term(12, 1, 1, DeepSpace.G52, 1), new Term(13, -1, 1, DeepSpace.G52, 1), new Term(14, 1, 2, DeepSpace.G54, 2),
        new Term(15, -1, 2, DeepSpace.G54, 2),
    };

    /**
     * The resonance on the lanes: from the integrator's last step, the rates of n and their derivative (each term's
     * sine and cosine by {@link LaneTrig}), then the second-order step to t, M and n; lanes without resonance keep theirs.
     */
    private void resonance(int p, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        boolean synchronous = false;
        boolean halfDay = false;
        for (int v = 0; v < k.count; v++) {
            synchronous |= kind[p + v] == 1;
            halfDay |= kind[p + v] == 2;
        }
        if (!synchronous && !halfDay) {
            return;
        }
        java.util.Arrays.fill(sc.xndt, 0, k.count, 0.0);
        java.util.Arrays.fill(sc.xnddt, 0, k.count, 0.0);
        if (synchronous) {
            terms(p, sc, SYNCHRONOUS, 1);
        }
        if (halfDay) {
            terms(p, sc, HALF_DAY, 2);
        }
        step(p, sc);
    }

    /** The terms of one kind of resonance, summed into the rates of the lanes of that kind. */
    private void terms(int p, Scratch sc, Term[] terms, int ofKind) {
        VectorSgp4.Scratch k = sc.kernel;
        for (Term term : terms) {
            for (int v = 0; v < k.count; v += L) {
                DoubleVector xomi = load(resonance[1], p + v).add(load(resonance[2], p + v).mul(load(sc.atime, v)));
                DoubleVector xli = load(sc.xli, v);
                xomi.mul(term.omega()).add(xli.mul(term.lambda())).sub(term.phase()).intoArray(sc.angle, v);
            }
            LaneTrig.sinCos(sc.angle, k.sinA, k.cosA, k.count);
            for (int v = 0; v < k.count; v += L) {
                VectorMask<Double> mine = load(kind, p + v).compare(VectorOperators.EQ, ofKind);
                DoubleVector c = load(resonance[term.coefficient()], p + v).blend(0.0, mine.not());
                c.fma(load(k.sinA, v), load(sc.xndt, v)).intoArray(sc.xndt, v);
                c.mul(term.weight()).fma(load(k.cosA, v), load(sc.xnddt, v)).intoArray(sc.xnddt, v);
            }
        }
    }

    /** The second-order step from the integrator's last step to t, as {@link DeepSpace#secular}. */
    private void step(int p, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        for (int v = 0; v < k.count; v += L) {
            DoubleVector kinds = load(kind, p + v);
            VectorMask<Double> resonant = kinds.compare(VectorOperators.NE, 0.0);
            if (!resonant.anyTrue()) {
                continue;
            }
            DoubleVector xni = load(sc.xni, v);
            DoubleVector xldot = xni.add(load(resonance[0], p + v));
            DoubleVector ft = load(k.t, v).sub(load(sc.atime, v));
            DoubleVector rate = load(sc.xndt, v);
            DoubleVector rate2 = load(sc.xnddt, v).mul(xldot);
            DoubleVector halfFt2 = ft.mul(ft).mul(0.5);
            DoubleVector mean = load(sc.xli, v).add(xldot.mul(ft)).add(rate.mul(halfFt2));
            DoubleVector motion = xni.add(rate.mul(ft)).add(rate2.mul(halfFt2));
            DoubleVector nodem = load(k.nodem, v);
            DoubleVector theta = load(sc.theta, v);
            DoubleVector synchronous = mean.sub(nodem).sub(load(k.argpm, v)).add(theta);
            DoubleVector halfDay = mean.sub(nodem.mul(2.0)).add(theta.mul(2.0));
            mean = halfDay.blend(synchronous, kinds.compare(VectorOperators.EQ, 1.0));
            mean.blend(load(k.mm, v), resonant.not()).intoArray(k.mm, v);
            motion.blend(load(sc.meanMotion, v), resonant.not()).intoArray(sc.meanMotion, v);
        }
    }

    /**
     * Lane by lane: the semi-major axis from the mean motion, the mean elements' checks, the drag terms, the
     * reference's reductions (the remainder of 2π, which Lyddane's modification depends on), the bodies' anomalies.
     */
    private void meanElements(BatchSgp4 b, int p, int real, Scratch sc) {
        VectorSgp4.Scratch k = sc.kernel;
        java.util.Arrays.fill(k.meanElements, 0, k.count / L, 0L); // the deep-space checks are lane by lane here
        for (int v = 0; v < k.count; v++) {
            int q = p + Math.min(v, real - 1);
            int i = index[q];
            double t = k.t[v];
            double tempa = sc.tempa[v];
            double n = sc.meanMotion[v];
            double am = Math.pow(XKE / n, TWO_THIRDS) * tempa * tempa;
            double em = k.em[v] - sc.tempe[v];
            sc.status[v] = BatchSgp4.OK;
            if (tempa < 0.0) {
                sc.status[v] = MEAN_ELEMENTS;
            } else if (n <= 0.0) {
                sc.status[v] = MEAN_MOTION;
            } else if (em >= 1.0 || em < -0.001 || am < 0.95 || !(am == am)) {
                sc.status[v] = MEAN_ELEMENTS;
            }
            em = Math.max(em, 1.0e-6);
            double mm = k.mm[v] + b.noUnkozai[i] * sc.templ[v];
            double xlm = (mm + k.argpm[v] + k.nodem[v]) % TWO_PI;
            double nodem = k.nodem[v] % TWO_PI;
            double argpm = k.argpm[v] % TWO_PI;
            k.em[v] = em;
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
            int q = p + v;
            DoubleVector ss = load(k.sinA, v);
            DoubleVector fs2 = ss.mul(ss).fma(0.5, -0.25);
            DoubleVector fs3 = ss.mul(load(k.cosA, v)).mul(-0.5);
            DoubleVector sm = load(sc.sinB, v);
            DoubleVector fm2 = sm.mul(sm).fma(0.5, -0.25);
            DoubleVector fm3 = sm.mul(load(sc.cosB, v)).mul(-0.5);
            // each body: c[a] f2 + c[b] f3 (+ c[s] sin zf), the coefficients' order of DeepSpace.periodics
            DoubleVector pe = load(sun[0], q).mul(fs2).add(load(sun[1], q).mul(fs3))
                    .add(load(moon[0], q).mul(fm2).add(load(moon[1], q).mul(fm3)));
            DoubleVector pinc = load(sun[2], q).mul(fs2).add(load(sun[3], q).mul(fs3))
                    .add(load(moon[2], q).mul(fm2).add(load(moon[3], q).mul(fm3)));
            load(sun[4], q).mul(fs2).add(load(sun[5], q).mul(fs3)).add(load(sun[6], q).mul(ss))
                    .add(load(moon[4], q).mul(fm2).add(load(moon[5], q).mul(fm3)).add(load(moon[6], q).mul(sm)))
                    .intoArray(sc.pl, v);
            load(sun[7], q).mul(fs2).add(load(sun[8], q).mul(fs3)).add(load(sun[9], q).mul(ss))
                    .add(load(moon[7], q).mul(fm2).add(load(moon[8], q).mul(fm3)).add(load(moon[9], q).mul(sm)))
                    .intoArray(sc.pgh, v);
            load(sun[10], q).mul(fs2).add(load(sun[11], q).mul(fs3))
                    .add(load(moon[10], q).mul(fm2).add(load(moon[11], q).mul(fm3))).intoArray(sc.ph, v);
            pinc.intoArray(sc.pinc, v);
            load(k.em, v).add(pe).intoArray(k.em, v);
            load(sc.inclm, v).add(pinc).intoArray(sc.inclm, v);
        }
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
