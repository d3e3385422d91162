package org.spacettx.orbit.propagate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The near-Earth SGP4 of {@link BatchSgp4} on SIMD lanes (the incubating Java Vector API: 8 objects at a time with
 * AVX-512, 4 with AVX2), the model of {@code BatchSgp4.nearEarth} with every branch taken as a blend of lanes.
 * Where it computes differently the result is the same to the rounding level, and each place says why: Kepler's
 * equation by Halley's method from a third-order series start, sines and cosines of small corrections by series and angle addition instead of an
 * arctangent and trigonometric calls, the sine and cosine of each other angle together ({@link LaneTrig}, in
 * phases of their own), several reciprocals from one division, polynomials by Horner's rule with fused
 * multiply-adds. Lanes of deep-space objects and of element sets that failed to initialise compute nonsense
 * here and are redone by the caller on the scalar path.
 *
 * <p>Touched only when the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher does for
 * {@code screen} and {@code bench}, Surefire for the tests): {@link BatchSgp4} checks the module's presence
 * before it loads this class, and otherwise stays scalar.
 */
final class VectorSgp4 {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MEAN_ELEMENTS = Sgp4Error.MEAN_ELEMENTS.code();
    private static final int SEMI_LATUS_RECTUM = Sgp4Error.SEMI_LATUS_RECTUM.code();
    private static final int DECAYED = Sgp4Error.DECAYED.code();
    /**
     * Objects a phase runs over per call (whole vectors), whatever the width: the calls between phases cost less,
     * the scratch stays near L1. Measured here: 32 → 64 at 4 lanes +13 %, 64 → 128 at 8 lanes +12 %, 256 no better.
     */
    static final int CHUNK = 128;
    private static final double XKE = BatchSgp4.XKE;
    private static final double J2 = BatchSgp4.J2;
    private static final double VELOCITY = BatchSgp4.KM_PER_ER_MIN_TO_KM_S;

    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector SIN3 = DoubleVector.broadcast(S, -1.0 / 6);
    private static final DoubleVector COS2 = DoubleVector.broadcast(S, -0.5);
    private static final DoubleVector SIN5 = DoubleVector.broadcast(S, 1.0 / 120);
    private static final DoubleVector SIN7 = DoubleVector.broadcast(S, -1.0 / 5040);
    private static final DoubleVector COS4 = DoubleVector.broadcast(S, 1.0 / 24);
    private static final DoubleVector COS6 = DoubleVector.broadcast(S, -1.0 / 720);

    private VectorSgp4() {
    }

    /** Lanes per vector. */
    static int lanes() {
        return S.length();
    }

    /**
     * Per-thread working space between the kernel's phases: one vector's worth of each intermediate. The phases are
     * separate methods of at most about 400 bytecodes so that C2 compiles each whole, every vector operation an
     * intrinsic: a method of the whole algorithm (2,000 bytes), or of half of it, passes the compiler's inlining
     * budget (NodeCountInliningCutoff), and the operations left out run as Java fallbacks that allocate (measured:
     * 4 GB/s of garbage and well under half the speed).
     */
    static final class Scratch {
        final double[] t = new double[CHUNK];
        final double[] mm = new double[CHUNK];
        final double[] argpm = new double[CHUNK];
        final double[] nodem = new double[CHUNK];
        final double[] am = new double[CHUNK];
        final double[] sqrtAm = new double[CHUNK];
        final double[] em = new double[CHUNK];
        final double[] nm = new double[CHUNK];
        final double[] axnl = new double[CHUNK];
        final double[] aynl = new double[CHUNK];
        final double[] u = new double[CHUNK];
        final double[] eo1 = new double[CHUNK];
        final double[] sineo1 = new double[CHUNK];
        final double[] coseo1 = new double[CHUNK];
        final double[] mrt = new double[CHUNK];
        final double[] mvt = new double[CHUNK];
        final double[] rvdot = new double[CHUNK];
        final double[] sinsu = new double[CHUNK];
        final double[] cossu = new double[CHUNK];
        final double[] xnode = new double[CHUNK];
        final double[] di = new double[CHUNK];
        final double[] invPl = new double[CHUNK];
        final double[] rl = new double[CHUNK];
        final double[] rdotl = new double[CHUNK];
        final double[] rvdotl = new double[CHUNK];
        final double[] betal = new double[CHUNK];
        final double[] sinu = new double[CHUNK];
        final double[] templ = new double[CHUNK];
        final double[] temp1 = new double[CHUNK];
        final double[] temp2 = new double[CHUNK];
        final double[] sin2u = new double[CHUNK];
        final double[] cos2u = new double[CHUNK];
        final double[] cosu = new double[CHUNK];
        final double[] xmdf = new double[CHUNK];
        final double[] sinA = new double[CHUNK];
        final double[] cosA = new double[CHUNK];
        final long[] meanElements = new long[CHUNK / L];
        final long[] semiLatus = new long[CHUNK / L];
        /**
         * Per vector, the lanes whose Kepler iteration still moved after the reference's ten steps (eccentricities
         * near 1: Vallado's case 33333, e = 0.995; near-Earth orbits never), which the deep-space caller redoes on the
         * scalar path (it checks the short-period corrections' size itself: here, on every near-Earth call, that
         * check cost a tenth of the kernel's speed with AVX2).
         */
        final long[] scalar = new long[CHUNK / L];
        /** Objects of the current call, a multiple of the lanes, at most {@link #CHUNK}. */
        int count;
        /**
         * Where the phases from the long-period terms on read the coefficients that depend on the inclination:
         * the batch's arrays from the call's first object for near-Earth objects (fixed inclination), the deep-space
         * phases' own per-call values for deep-space ones (the lunar-solar terms move the inclination).
         */
        double[] aycof;
        double[] xlcof;
        double[] con41;
        double[] x1mth2;
        double[] x7thm1;
        double[] sinio;
        double[] cosio;
        /** Index of the call's first object in those arrays. */
        int coefficients;

        private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

        /**
         * This thread's scratch (a call's working space, reused: made anew at every call it was a twentieth of a
         * call's time); a call runs to its end before the thread makes another.
         */
        static Scratch ofThisThread() {
            return OF_THREAD.get();
        }

        /** The near-Earth coefficients of batch {@code b} from object {@code from}. */
        void nearEarth(BatchSgp4 b, int from) {
            aycof = b.aycof;
            xlcof = b.xlcof;
            con41 = b.con41;
            x1mth2 = b.x1mth2;
            x7thm1 = b.x7thm1;
            sinio = b.sinio;
            cosio = b.cosio;
            coefficients = from;
        }
    }

    /**
     * Objects {@code [from, from + sc.count)} at the times since their epochs in {@code sc.t}, into {@code out} at
     * their indices; the statuses as {@link Sgp4Error} codes.
     */
    static void propagate(BatchSgp4 b, int from, Scratch sc, BatchSgp4.States out) {
        sc.nearEarth(b, from);
        for (Phase phase : PHASES) {
            phase.run(b, from, sc, out);
        }
    }

    /**
     * The phases from the long-period terms on, shared with the deep-space objects ({@link VectorSdp4}): from the
     * mean elements in {@code sc} (e, a and its root, ω, Ω, M) and the inclination's coefficients it points to,
     * the states into {@code out} from {@code to}.
     */
    static void periodicsAndOrientation(Scratch sc, int to, BatchSgp4.States out) {
        for (int p = FIRST_SHARED; p < PHASES.length; p++) {
            PHASES[p].run(null, to, sc, out);
        }
    }

    /** One phase of the kernel over the objects of a call ({@code sc.count} of them from {@code i}). */
    @FunctionalInterface
    private interface Phase {
        void run(BatchSgp4 b, int i, Scratch sc, BatchSgp4.States out);
    }

    /**
     * The phases in order, with the sines and cosines between them. Called through this array, the call site sees
     * sixteen implementations and C2 compiles each phase on its own instead of inlining them all back into one unit
     * over its budget.
     */
    private static final Phase[] PHASES = {
        (b, i, sc, out) -> secularLinear(b, i, sc),
        (b, i, sc, out) -> LaneTrig.sinCos(sc.xmdf, sc.sinA, sc.cosA, sc.count),
        (b, i, sc, out) -> secularAngles(b, i, sc),
        (b, i, sc, out) -> secularDrag(b, i, sc),
        (b, i, sc, out) -> LaneTrig.sinCos(sc.mm, sc.sinA, sc.cosA, sc.count),
        (b, i, sc, out) -> secularEccentricity(b, i, sc),
        // from here on, shared with the deep-space objects (FIRST_SHARED): b is not read
        (b, i, sc, out) -> LaneTrig.sinCos(sc.argpm, sc.sinA, sc.cosA, sc.count),
        (b, i, sc, out) -> longPeriod(sc),
        (b, i, sc, out) -> LaneTrig.sinCos(sc.u, sc.sineo1, sc.coseo1, sc.count),
        (b, i, sc, out) -> keplerStart(sc),
        (b, i, sc, out) -> kepler(sc),
        (b, i, sc, out) -> shortPeriodRadius(sc),
        (b, i, sc, out) -> shortPeriod(sc),
        (b, i, sc, out) -> shortPeriodRates(sc),
        (b, i, sc, out) -> LaneTrig.sinCos(sc.xnode, sc.sinA, sc.cosA, sc.count),
        (b, i, sc, out) -> orientation(i, sc, out),
    };

    /** The first phase {@link #periodicsAndOrientation} runs. */
    private static final int FIRST_SHARED = 6;

    /** The secular terms linear in t: mean anomaly, argument of perigee and node. */
    private static void secularLinear(BatchSgp4 b, int i, Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector t = load(sc.t, v);
            load(b.mdot, i + v).fma(t, load(b.mo, i + v)).intoArray(sc.xmdf, v);
            load(b.argpdot, i + v).fma(t, load(b.argpo, i + v)).intoArray(sc.argpm, v);
            DoubleVector nodedf = load(b.nodedot, i + v).fma(t, load(b.nodeo, i + v));
            load(b.nodecf, i + v).fma(t.mul(t), nodedf).intoArray(sc.nodem, v);
        }
    }

    /** Secular gravity and drag on the angles: mean anomaly and argument of perigee at t. */
    private static void secularAngles(BatchSgp4 b, int i, Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector t = load(sc.t, v);
            DoubleVector xmdf = load(sc.xmdf, v);
            // For perigees under 220 km the d, t3cof.. and omgcof, xmcof, cc5 coefficients are zero: the same
            // expressions then give the truncated model.
            DoubleVector delomg = load(b.omgcof, i + v).mul(t);
            DoubleVector delmtemp = load(b.eta, i + v).fma(load(sc.cosA, v), ONE);
            DoubleVector delm = load(b.xmcof, i + v).mul(delmtemp.mul(delmtemp).mul(delmtemp).sub(load(b.delmo, i + v)));
            DoubleVector temp = delomg.add(delm);
            xmdf.add(temp).intoArray(sc.mm, v);
            load(sc.argpm, v).sub(temp).intoArray(sc.argpm, v);
        }
    }

    /** Secular drag on the semi-major axis and the mean motion, and the mean longitude's drag term. */
    private static void secularDrag(BatchSgp4 b, int i, Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector t = load(sc.t, v);
            // 1 − cc1 t − d2 t² − d3 t³ − d4 t⁴ and t2cof t² + t3cof t³ + t4cof t⁴ + t5cof t⁵, by Horner's rule
            DoubleVector tempa = load(b.d4, i + v).fma(t, load(b.d3, i + v)).fma(t, load(b.d2, i + v))
                    .fma(t, load(b.cc1, i + v)).fma(t.neg(), ONE);
            DoubleVector templ = load(b.t5cof, i + v).fma(t, load(b.t4cof, i + v)).fma(t, load(b.t3cof, i + v))
                    .fma(t, load(b.t2cof, i + v)).mul(t.mul(t));
            DoubleVector am = load(b.aBase, i + v).mul(tempa).mul(tempa);
            am.intoArray(sc.am, v);
            am.lanewise(VectorOperators.SQRT).intoArray(sc.sqrtAm, v);
            // past the drag polynomial's zero the mean semi-major axis has gone below its limit (see BatchSgp4)
            sc.meanElements[v / L] = tempa.compare(VectorOperators.LT, 0.0).toLong();
            templ.intoArray(sc.templ, v);
        }
    }

    /** Secular drag on the eccentricity, the mean longitude; the mean elements' validity. */
    private static void secularEccentricity(BatchSgp4 b, int i, Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector t = load(sc.t, v);
            DoubleVector bstar = load(b.bstar, i + v);
            DoubleVector mm = load(sc.mm, v);
            DoubleVector am = load(sc.am, v);
            DoubleVector tempe = bstar.mul(load(b.cc4, i + v)).mul(t)
                    .add(bstar.mul(load(b.cc5, i + v)).mul(load(sc.sinA, v).sub(load(b.sinmao, i + v))));
            DoubleVector em = load(b.ecco, i + v).sub(tempe);
            sc.meanElements[v / L] |= em.compare(VectorOperators.GE, 1.0).or(em.compare(VectorOperators.LT, -0.001))
                    .or(am.compare(VectorOperators.LT, 0.95)).or(am.test(VectorOperators.IS_NAN)).toLong();
            em.max(1.0e-6).intoArray(sc.em, v);
            mm.add(load(b.noUnkozai, i + v).mul(load(sc.templ, v))).intoArray(sc.mm, v);
        }
    }

    /** Long-period periodics (angles left unreduced: every use is periodic): Kepler's inputs. */
    private static void longPeriod(Scratch sc) {
        int i = sc.coefficients;
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector em = load(sc.em, v);
            DoubleVector am = load(sc.am, v);
            DoubleVector argpm = load(sc.argpm, v);
            DoubleVector nodem = load(sc.nodem, v);
            DoubleVector mm = load(sc.mm, v);
            DoubleVector axnl = em.mul(load(sc.cosA, v));
            // one division for the mean motion xke / am^1.5 and 1 / (am (1 − em²))
            DoubleVector amSqrtAm = am.mul(load(sc.sqrtAm, v));
            DoubleVector amBeta2 = am.mul(em.neg().fma(em, ONE));
            DoubleVector inverse = ONE.div(amSqrtAm.mul(amBeta2));
            inverse.mul(amBeta2).mul(XKE).intoArray(sc.nm, v);
            DoubleVector temp = inverse.mul(amSqrtAm);
            DoubleVector aynl = em.mul(load(sc.sinA, v)).add(temp.mul(load(sc.aycof, i + v)));
            DoubleVector xl = mm.add(argpm).add(nodem).add(temp.mul(load(sc.xlcof, i + v)).mul(axnl));
            axnl.intoArray(sc.axnl, v);
            aynl.intoArray(sc.aynl, v);
            xl.sub(nodem).intoArray(sc.u, v);
        }
    }

    /**
     * Where Kepler's iteration starts: E = u + δ with δ = esin (1 + ecos + ecos² − esin²/2), the series solution of
     * δ = esin cos δ + ecos sin δ (esin, ecos at u) to the third order in e, its error about e⁴, so that one step
     * then solves most near-circular orbits; from u itself at e ≥ 0.1. Its sine and cosine by angle addition.
     */
    private static void keplerStart(Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector axnl = load(sc.axnl, v);
            DoubleVector aynl = load(sc.aynl, v);
            DoubleVector s = load(sc.sineo1, v);
            DoubleVector c = load(sc.coseo1, v);
            DoubleVector esin = axnl.mul(s).sub(aynl.mul(c));
            DoubleVector ecos = axnl.mul(c).add(aynl.mul(s));
            DoubleVector start = esin.mul(ecos.fma(ecos, ecos).sub(esin.mul(esin).mul(0.5)).add(1.0))
                    .blend(0.0, axnl.fma(axnl, aynl.mul(aynl)).compare(VectorOperators.GE, 0.01));
            load(sc.u, v).add(start).intoArray(sc.eo1, v);
            DoubleVector sinStart = seriesSin(start);
            DoubleVector cosStart = seriesCos(start);
            s.fma(cosStart, c.mul(sinStart)).intoArray(sc.sineo1, v);
            c.fma(cosStart, s.neg().mul(sinStart)).intoArray(sc.coseo1, v);
        }
    }

    /**
     * Kepler's equation by Halley's method (cubic convergence) where its correction is moderate, Newton's (the
     * reference's) where it is not, each step clipped to 0.95 rad as the reference does. The reference stops when a
     * Newton step falls below 1e-12 and keeps the sine and cosine of the iterate before that step (an error up to
     * 1e-12 rad); here the iteration stops once every lane's step is below 1e-6, after which Halley's error is
     * below 1e-17 rad, and the sine and cosine are those of the final iterate. The first iterate's (u's) come from
     * the phase before; while every lane's step is under 0.2 rad the next ones come by angle addition with the
     * step's series (to the 11th power; error under 1e-17), otherwise (rare: eccentric orbits) by two calls.
     */
    private static void kepler(Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector u = load(sc.u, v);
            DoubleVector axnl = load(sc.axnl, v);
            DoubleVector aynl = load(sc.aynl, v);
            DoubleVector naxnl = axnl.neg();
            DoubleVector naynl = aynl.neg();
            DoubleVector eo1 = load(sc.eo1, v);
            DoubleVector s = load(sc.sineo1, v);
            DoubleVector c = load(sc.coseo1, v);
            boolean trig = false;
            // the lanes whose last step was 1e-6 or more, as bits (a vector carried out of the loop would be boxed)
            long moving = -1L;
            sc.scalar[v / L] = 0;
            for (int ktr = 1; ; ktr++) {
                if (trig) {
                    s = eo1.lanewise(VectorOperators.SIN);
                    c = eo1.lanewise(VectorOperators.COS);
                }
                if (ktr > 10) {
                    // lanes still moving after the reference's ten steps (eccentricities near 1): the caller redoes
                    // them on the scalar path, whose ten Newton steps are the reference's
                    sc.scalar[v / L] = moving;
                    break;
                }
                // f(E) = E − axnl sin E + aynl cos E − u: minus f, then f' and f''
                DoubleVector minusF = axnl.fma(s, naynl.fma(c, u.sub(eo1)));
                DoubleVector d1 = naxnl.fma(c, naynl.fma(s, ONE));
                DoubleVector d2 = axnl.fma(s, naynl.mul(c));
                DoubleVector d1sq = d1.mul(d1);
                DoubleVector halley = minusF.mul(0.5).fma(d2, d1sq);
                DoubleVector step = minusF.mul(d1).div(halley.blend(d1sq, halley.compare(VectorOperators.LT, d1sq.mul(0.5))));
                step = step.max(-0.95).min(0.95);
                eo1 = eo1.add(step);
                DoubleVector size = step.abs();
                moving = size.compare(VectorOperators.GE, 1.0e-6).toLong();
                trig = !size.compare(VectorOperators.LT, 0.2).allTrue();
                if (!trig) {
                    DoubleVector sd = seriesSin(step);
                    DoubleVector cd = seriesCos(step);
                    DoubleVector next = s.fma(cd, c.mul(sd));
                    c = c.fma(cd, s.neg().mul(sd));
                    s = next;
                    if (size.compare(VectorOperators.LT, 1.0e-6).allTrue()) {
                        break;
                    }
                }
            }
            s.intoArray(sc.sineo1, v);
            c.intoArray(sc.coseo1, v);
        }
    }

    /** From the eccentric longitude: radius, its rates and the argument of latitude before short-period terms. */
    private static void shortPeriodRadius(Scratch sc) {
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector axnl = load(sc.axnl, v);
            DoubleVector aynl = load(sc.aynl, v);
            DoubleVector sineo1 = load(sc.sineo1, v);
            DoubleVector coseo1 = load(sc.coseo1, v);
            DoubleVector am = load(sc.am, v);
            DoubleVector ecose = axnl.mul(coseo1).add(aynl.mul(sineo1));
            DoubleVector esine = axnl.mul(sineo1).sub(aynl.mul(coseo1));
            DoubleVector el2 = axnl.mul(axnl).add(aynl.mul(aynl));
            DoubleVector pl = am.mul(el2.neg().add(1.0));
            sc.semiLatus[v / L] = pl.compare(VectorOperators.LT, 0.0).toLong();
            DoubleVector rl = am.mul(ecose.neg().add(1.0));
            DoubleVector betal = el2.neg().add(1.0).lanewise(VectorOperators.SQRT);
            DoubleVector betal1 = betal.add(1.0);
            // one division for 1/rl, 1/(1 + betal) and 1/pl
            DoubleVector rlBetal1 = rl.mul(betal1);
            DoubleVector inverse = ONE.div(rlBetal1.mul(pl));
            DoubleVector invRl = inverse.mul(betal1).mul(pl);
            inverse.mul(rlBetal1).intoArray(sc.invPl, v);
            inverse = inverse.mul(pl);
            DoubleVector rdotl = load(sc.sqrtAm, v).mul(esine).mul(invRl);
            // √pl = √am βl: no second root
            DoubleVector rvdotl = load(sc.sqrtAm, v).mul(betal).mul(invRl);
            DoubleVector temp = esine.mul(inverse).mul(rl);
            DoubleVector amOverRl = am.mul(invRl);
            DoubleVector sinu = amOverRl.mul(sineo1.sub(aynl).sub(axnl.mul(temp)));
            DoubleVector cosu = amOverRl.mul(coseo1.sub(axnl).add(aynl.mul(temp)));
            // The reference takes su = atan2(sinu, cosu) and then the sines and cosines of su − δu and of i + δi;
            // both corrections are below 1e-2 rad, so angle addition with their series (to the sixth power, error
            // under 1e-17) gives the same without the arctangent and four trigonometric calls. sinu² + cosu² is
            // 1 + ε with ε at the rounding level once Kepler's equation is solved; 1.5 − (1 + ε)/2 is
            // 1/√(1 + ε) to within ε².
            DoubleVector norm = sinu.mul(sinu).add(cosu.mul(cosu)).mul(-0.5).add(1.5);
            sinu.mul(norm).intoArray(sc.sinu, v);
            cosu.mul(norm).intoArray(sc.cosu, v);
            rl.intoArray(sc.rl, v);
            rdotl.intoArray(sc.rdotl, v);
            rvdotl.intoArray(sc.rvdotl, v);
            betal.intoArray(sc.betal, v);
        }
    }

    /** Short-period periodics: radius, rates and the corrected argument of latitude, node and inclination. */
    private static void shortPeriod(Scratch sc) {
        int i = sc.coefficients;
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector sinu = load(sc.sinu, v);
            DoubleVector cosu = load(sc.cosu, v);
            DoubleVector rl = load(sc.rl, v);
            DoubleVector betal = load(sc.betal, v);
            DoubleVector sin2u = cosu.add(cosu).mul(sinu);
            DoubleVector cos2u = sinu.mul(sinu).mul(-2.0).add(1.0);
            DoubleVector temp = load(sc.invPl, v);
            DoubleVector temp1 = temp.mul(0.5 * J2);
            DoubleVector temp2 = temp1.mul(temp);
            DoubleVector cosip = load(sc.cosio, i + v);
            DoubleVector sinip = load(sc.sinio, i + v);
            DoubleVector con41 = load(sc.con41, i + v);
            DoubleVector x1mth2 = load(sc.x1mth2, i + v);
            rl.mul(temp2.mul(betal).mul(con41).mul(-1.5).add(1.0)).add(temp1.mul(x1mth2).mul(cos2u).mul(0.5)).intoArray(sc.mrt, v);
            load(sc.nodem, v).add(temp2.mul(cosip).mul(sin2u).mul(1.5)).intoArray(sc.xnode, v);
            temp2.mul(cosip).mul(sinip).mul(cos2u).mul(1.5).intoArray(sc.di, v);
            temp1.intoArray(sc.temp1, v);
            temp2.intoArray(sc.temp2, v);
            sin2u.intoArray(sc.sin2u, v);
            cos2u.intoArray(sc.cos2u, v);
        }
    }

    /** Short-period periodics of the rates and of the argument of latitude. */
    private static void shortPeriodRates(Scratch sc) {
        int i = sc.coefficients;
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector sinu = load(sc.sinu, v);
            DoubleVector cosu = load(sc.cosu, v);
            DoubleVector nm = load(sc.nm, v);
            DoubleVector temp1 = load(sc.temp1, v);
            DoubleVector temp2 = load(sc.temp2, v);
            DoubleVector con41 = load(sc.con41, i + v);
            DoubleVector x1mth2 = load(sc.x1mth2, i + v);
            DoubleVector sin2u = load(sc.sin2u, v);
            DoubleVector cos2u = load(sc.cos2u, v);
            DoubleVector du = temp2.mul(load(sc.x7thm1, i + v)).mul(sin2u).mul(-0.25);
            DoubleVector nmTemp1 = nm.mul(temp1).mul(1.0 / XKE);
            load(sc.rdotl, v).sub(nmTemp1.mul(x1mth2).mul(sin2u)).intoArray(sc.mvt, v);
            load(sc.rvdotl, v).add(nmTemp1.mul(x1mth2.mul(cos2u).add(con41.mul(1.5)))).intoArray(sc.rvdot, v);
            DoubleVector sdu = smallSin(du);
            DoubleVector cdu = smallCos(du);
            sinu.mul(cdu).add(cosu.mul(sdu)).intoArray(sc.sinsu, v);
            cosu.mul(cdu).sub(sinu.mul(sdu)).intoArray(sc.cossu, v);
        }
    }

    /** Orientation vectors, position and velocity in TEME, and the statuses. */
    private static void orientation(int i, Scratch sc, BatchSgp4.States out) {
        int c = sc.coefficients;
        for (int v = 0; v < sc.count; v += L) {
            DoubleVector cosip = load(sc.cosio, c + v);
            DoubleVector sinip = load(sc.sinio, c + v);
            DoubleVector sinsu = load(sc.sinsu, v);
            DoubleVector cossu = load(sc.cossu, v);
            DoubleVector xnode = load(sc.xnode, v);
            DoubleVector di = load(sc.di, v);
            DoubleVector mrt = load(sc.mrt, v);
            DoubleVector mvt = load(sc.mvt, v);
            DoubleVector rvdot = load(sc.rvdot, v);
            DoubleVector snod = load(sc.sinA, v);
            DoubleVector cnod = load(sc.cosA, v);
            DoubleVector sdi = smallSin(di);
            DoubleVector cdi = smallCos(di);
            DoubleVector sini = sinip.mul(cdi).add(cosip.mul(sdi));
            DoubleVector cosi = cosip.mul(cdi).sub(sinip.mul(sdi));
            DoubleVector xmx = snod.neg().mul(cosi);
            DoubleVector xmy = cnod.mul(cosi);
            DoubleVector ux = xmx.mul(sinsu).add(cnod.mul(cossu));
            DoubleVector uy = xmy.mul(sinsu).add(snod.mul(cossu));
            DoubleVector uz = sini.mul(sinsu);
            DoubleVector vx = xmx.mul(cossu).sub(cnod.mul(sinsu));
            DoubleVector vy = xmy.mul(cossu).sub(snod.mul(sinsu));
            DoubleVector vz = sini.mul(cossu);
            DoubleVector r = mrt.mul(BatchSgp4.EARTH_RADIUS_KM);
            r.mul(ux).intoArray(out.x, i + v);
            r.mul(uy).intoArray(out.y, i + v);
            r.mul(uz).intoArray(out.z, i + v);
            mvt.mul(ux).add(rvdot.mul(vx)).mul(VELOCITY).intoArray(out.vx, i + v);
            mvt.mul(uy).add(rvdot.mul(vy)).mul(VELOCITY).intoArray(out.vy, i + v);
            mvt.mul(uz).add(rvdot.mul(vz)).mul(VELOCITY).intoArray(out.vz, i + v);
            long e1 = sc.meanElements[v / L];
            long e4 = sc.semiLatus[v / L];
            long e6 = mrt.compare(VectorOperators.LT, 1.0).toLong();
            if ((e1 | e4 | e6) == 0) {
                java.util.Arrays.fill(out.status, i + v, i + v + L, BatchSgp4.OK); // the usual case
                continue;
            }
            for (int k = 0; k < L; k++) {
                long bit = 1L << k;
                out.status[i + v + k] = (e1 & bit) != 0 ? MEAN_ELEMENTS
                        : (e4 & bit) != 0 ? SEMI_LATUS_RECTUM : (e6 & bit) != 0 ? DECAYED : BatchSgp4.OK;
            }
        }
    }

    /** Objects {@code [from, from + count)} all at {@code minutes} after the batch's reference date; count ≤ CHUNK, whole vectors. */
    static void propagateAt(BatchSgp4 b, int from, int count, double minutes, BatchSgp4.States out, Scratch sc) {
        DoubleVector at = DoubleVector.broadcast(S, minutes);
        for (int v = 0; v < count; v += L) {
            at.sub(load(b.epochMinutes, from + v)).intoArray(sc.t, v);
        }
        sc.count = count;
        propagate(b, from, sc, out);
    }

    /** Objects {@code [from, from + count)} each at its own {@code tsince[index]} minutes since epoch. */
    static void propagateSince(BatchSgp4 b, int from, int count, double[] tsince, BatchSgp4.States out, Scratch sc) {
        System.arraycopy(tsince, from, sc.t, 0, count);
        sc.count = count;
        propagate(b, from, sc, out);
    }

    /** sin x for |x| < 0.2 by its series to the 11th power (error under 1e-17). */
    private static DoubleVector seriesSin(DoubleVector x) {
        DoubleVector x2 = x.mul(x);
        return x2.fma(-1.0 / 39916800, 1.0 / 362880).fma(x2, SIN7).fma(x2, SIN5).fma(x2, SIN3).fma(x2, ONE).mul(x);
    }

    /** cos x for |x| < 0.2 by its series to the 10th power (error under 1e-17). */
    private static DoubleVector seriesCos(DoubleVector x) {
        DoubleVector x2 = x.mul(x);
        return x2.fma(-1.0 / 3628800, 1.0 / 40320).fma(x2, COS6).fma(x2, COS4).fma(x2, COS2).fma(x2, ONE);
    }

    /** sin x for |x| < 1e-2: x − x³/6 + x⁵/120 − x⁷/5040. */
    private static DoubleVector smallSin(DoubleVector x) {
        DoubleVector x2 = x.mul(x);
        return x.mul(x2.mul(x2.mul(x2.mul(-1.0 / 5040).add(1.0 / 120)).add(-1.0 / 6)).add(1.0));
    }

    /** cos x for |x| < 1e-2: 1 − x²/2 + x⁴/24 − x⁶/720. */
    private static DoubleVector smallCos(DoubleVector x) {
        DoubleVector x2 = x.mul(x);
        return x2.mul(x2.mul(x2.mul(-1.0 / 720).add(1.0 / 24)).add(-0.5)).add(1.0);
    }

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(S, a, i);
    }
}
