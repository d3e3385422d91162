package org.spacettx.orbit.propagate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The near-Earth SGP4 of {@link BatchSgp4} on SIMD lanes (the incubating Java Vector API: 8 objects at a time with
 * AVX-512, 4 with AVX2), the same algorithm step for step as {@code BatchSgp4.nearEarth}, with every branch taken
 * as a blend of lanes. Lanes of deep-space objects and of element sets that failed to initialise compute nonsense
 * here and are redone by the caller on the scalar path.
 *
 * <p>Touched only when the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher does for
 * {@code screen} and {@code bench}, Surefire for the tests): {@link BatchSgp4} checks the module's presence
 * before it loads this class, and otherwise stays scalar.
 */
final class VectorSgp4 {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final double XKE = 60.0 / Math.sqrt(BatchSgp4.EARTH_RADIUS_KM * BatchSgp4.EARTH_RADIUS_KM
            * BatchSgp4.EARTH_RADIUS_KM / 398600.8);
    private static final double J2 = 0.001082616;
    private static final double VELOCITY = BatchSgp4.EARTH_RADIUS_KM * XKE / 60.0;

    private VectorSgp4() {
    }

    /** Lanes per vector. */
    static int lanes() {
        return S.length();
    }

    /**
     * Objects {@code [from, from + lanes())} at {@code tsince} minutes since their epochs, into {@code out} at
     * their indices; the statuses as {@link Sgp4Error} codes.
     */
    static void propagate(BatchSgp4 b, int from, DoubleVector t, BatchSgp4.States out) {
        int i = from;
        DoubleVector xmdf = load(b.mo, i).add(load(b.mdot, i).mul(t));
        DoubleVector argpdf = load(b.argpo, i).add(load(b.argpdot, i).mul(t));
        DoubleVector nodedf = load(b.nodeo, i).add(load(b.nodedot, i).mul(t));
        DoubleVector t2 = t.mul(t);
        DoubleVector t3 = t2.mul(t);
        DoubleVector t4 = t3.mul(t);
        DoubleVector nodem = nodedf.add(load(b.nodecf, i).mul(t2));
        DoubleVector bstar = load(b.bstar, i);
        // For perigees under 220 km the d, t3cof.. and omgcof, xmcof, cc5 coefficients are zero: the same
        // expressions then give the truncated model.
        DoubleVector delomg = load(b.omgcof, i).mul(t);
        DoubleVector delmtemp = load(b.eta, i).mul(xmdf.lanewise(VectorOperators.COS)).add(1.0);
        DoubleVector delm = load(b.xmcof, i).mul(delmtemp.mul(delmtemp).mul(delmtemp).sub(load(b.delmo, i)));
        DoubleVector temp = delomg.add(delm);
        DoubleVector mm = xmdf.add(temp);
        DoubleVector argpm = argpdf.sub(temp);
        DoubleVector tempa = load(b.cc1, i).mul(t).neg().add(1.0)
                .sub(load(b.d2, i).mul(t2)).sub(load(b.d3, i).mul(t3)).sub(load(b.d4, i).mul(t4));
        DoubleVector tempe = bstar.mul(load(b.cc4, i)).mul(t)
                .add(bstar.mul(load(b.cc5, i)).mul(mm.lanewise(VectorOperators.SIN).sub(load(b.sinmao, i))));
        DoubleVector templ = load(b.t2cof, i).mul(t2).add(load(b.t3cof, i).mul(t3))
                .add(t4.mul(load(b.t4cof, i).add(t.mul(load(b.t5cof, i)))));
        DoubleVector n0 = load(b.noUnkozai, i);
        DoubleVector am = load(b.aBase, i).mul(tempa).mul(tempa);
        DoubleVector nm = DoubleVector.broadcast(S, XKE).div(am.mul(am.lanewise(VectorOperators.SQRT)));
        DoubleVector em = load(b.ecco, i).sub(tempe);
        VectorMask<Double> meanElements = em.compare(VectorOperators.GE, 1.0).or(em.compare(VectorOperators.LT, -0.001))
                .or(am.compare(VectorOperators.LT, 0.95)).or(am.test(VectorOperators.IS_NAN));
        em = em.max(1.0e-6);
        mm = mm.add(n0.mul(templ));

        // Long-period periodics (angles left unreduced: every use is periodic).
        DoubleVector axnl = em.mul(argpm.lanewise(VectorOperators.COS));
        temp = DoubleVector.broadcast(S, 1.0).div(am.mul(em.mul(em).neg().add(1.0)));
        DoubleVector aynl = em.mul(argpm.lanewise(VectorOperators.SIN)).add(temp.mul(load(b.aycof, i)));
        DoubleVector xl = mm.add(argpm).add(nodem).add(temp.mul(load(b.xlcof, i)).mul(axnl));

        // Kepler's equation, lanes stopping as the reference does when their step falls below 1e-12.
        DoubleVector u = xl.sub(nodem);
        DoubleVector eo1 = u;
        DoubleVector sineo1 = DoubleVector.zero(S);
        DoubleVector coseo1 = DoubleVector.broadcast(S, 1.0);
        VectorMask<Double> active = S.maskAll(true);
        for (int ktr = 1; ktr <= 10 && active.anyTrue(); ktr++) {
            DoubleVector s = eo1.lanewise(VectorOperators.SIN);
            DoubleVector c = eo1.lanewise(VectorOperators.COS);
            sineo1 = sineo1.blend(s, active);
            coseo1 = coseo1.blend(c, active);
            DoubleVector tem5 = u.sub(aynl.mul(c)).add(axnl.mul(s)).sub(eo1)
                    .div(c.mul(axnl).neg().sub(s.mul(aynl)).add(1.0));
            tem5 = tem5.max(-0.95).min(0.95);
            eo1 = eo1.add(tem5, active);
            active = active.and(tem5.abs().compare(VectorOperators.GE, 1.0e-12));
        }

        // Short-period periodics.
        DoubleVector ecose = axnl.mul(coseo1).add(aynl.mul(sineo1));
        DoubleVector esine = axnl.mul(sineo1).sub(aynl.mul(coseo1));
        DoubleVector el2 = axnl.mul(axnl).add(aynl.mul(aynl));
        DoubleVector pl = am.mul(el2.neg().add(1.0));
        VectorMask<Double> semiLatus = pl.compare(VectorOperators.LT, 0.0);
        DoubleVector rl = am.mul(ecose.neg().add(1.0));
        DoubleVector rdotl = am.lanewise(VectorOperators.SQRT).mul(esine).div(rl);
        DoubleVector rvdotl = pl.lanewise(VectorOperators.SQRT).div(rl);
        DoubleVector betal = el2.neg().add(1.0).lanewise(VectorOperators.SQRT);
        temp = esine.div(betal.add(1.0));
        DoubleVector amOverRl = am.div(rl);
        DoubleVector sinu = amOverRl.mul(sineo1.sub(aynl).sub(axnl.mul(temp)));
        DoubleVector cosu = amOverRl.mul(coseo1.sub(axnl).add(aynl.mul(temp)));
        // The reference takes su = atan2(sinu, cosu) and then the sines and cosines of su − δu and of i + δi;
        // both corrections are below 1e-2 rad, so angle addition with their series (to the sixth power, error
        // under 1e-17) gives the same without the arctangent and four trigonometric calls.
        DoubleVector norm = sinu.mul(sinu).add(cosu.mul(cosu)).lanewise(VectorOperators.SQRT);
        sinu = sinu.div(norm);
        cosu = cosu.div(norm);
        DoubleVector sin2u = cosu.add(cosu).mul(sinu);
        DoubleVector cos2u = sinu.mul(sinu).mul(-2.0).add(1.0);
        temp = DoubleVector.broadcast(S, 1.0).div(pl);
        DoubleVector temp1 = temp.mul(0.5 * J2);
        DoubleVector temp2 = temp1.mul(temp);
        DoubleVector cosip = load(b.cosio, i);
        DoubleVector sinip = load(b.sinio, i);
        DoubleVector con41 = load(b.con41, i);
        DoubleVector x1mth2 = load(b.x1mth2, i);
        DoubleVector mrt = rl.mul(temp2.mul(betal).mul(con41).mul(-1.5).add(1.0)).add(temp1.mul(x1mth2).mul(cos2u).mul(0.5));
        DoubleVector du = temp2.mul(load(b.x7thm1, i)).mul(sin2u).mul(-0.25);
        DoubleVector xnode = nodem.add(temp2.mul(cosip).mul(sin2u).mul(1.5));
        DoubleVector di = temp2.mul(cosip).mul(sinip).mul(cos2u).mul(1.5);
        DoubleVector mvt = rdotl.sub(nm.mul(temp1).mul(x1mth2).mul(sin2u).div(XKE));
        DoubleVector rvdot = rvdotl.add(nm.mul(temp1).mul(x1mth2.mul(cos2u).add(con41.mul(1.5))).div(XKE));

        // Orientation vectors.
        DoubleVector sdu = smallSin(du);
        DoubleVector cdu = smallCos(du);
        DoubleVector sinsu = sinu.mul(cdu).add(cosu.mul(sdu));
        DoubleVector cossu = cosu.mul(cdu).sub(sinu.mul(sdu));
        DoubleVector snod = xnode.lanewise(VectorOperators.SIN);
        DoubleVector cnod = xnode.lanewise(VectorOperators.COS);
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
        r.mul(ux).intoArray(out.x, i);
        r.mul(uy).intoArray(out.y, i);
        r.mul(uz).intoArray(out.z, i);
        mvt.mul(ux).add(rvdot.mul(vx)).mul(VELOCITY).intoArray(out.vx, i);
        mvt.mul(uy).add(rvdot.mul(vy)).mul(VELOCITY).intoArray(out.vy, i);
        mvt.mul(uz).add(rvdot.mul(vz)).mul(VELOCITY).intoArray(out.vz, i);
        long e1 = meanElements.toLong();
        long e4 = semiLatus.toLong();
        long e6 = mrt.compare(VectorOperators.LT, 1.0).toLong();
        for (int k = 0; k < S.length(); k++) {
            long bit = 1L << k;
            out.status[i + k] = (e1 & bit) != 0 ? Sgp4Error.MEAN_ELEMENTS.code()
                    : (e4 & bit) != 0 ? Sgp4Error.SEMI_LATUS_RECTUM.code()
                    : (e6 & bit) != 0 ? Sgp4Error.DECAYED.code() : BatchSgp4.OK;
        }
    }

    /** Objects {@code [from, from + lanes())} all at {@code minutes} after the batch's reference date. */
    static void propagateAt(BatchSgp4 b, int from, double minutes, BatchSgp4.States out) {
        propagate(b, from, DoubleVector.broadcast(S, minutes).sub(load(b.epochMinutes, from)), out);
    }

    /** Objects {@code [from, from + lanes())} each at its own {@code tsince[index]} minutes since epoch. */
    static void propagateSince(BatchSgp4 b, int from, double[] tsince, BatchSgp4.States out) {
        propagate(b, from, load(tsince, from), out);
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
