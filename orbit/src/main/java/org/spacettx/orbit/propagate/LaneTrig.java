package org.spacettx.orbit.propagate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sine and the cosine of an angle together, on SIMD lanes: one argument reduction and two short polynomials,
 * within 1 ulp of {@link StrictMath} up to |x| = 1e5 rad and 2 ulp up to 1e7 ({@code LaneTrigTest}). The kernel
 * needs both of the same angle five times a state; the Vector API's {@code SIN} and {@code COS} are calls into a
 * vector math library, one each, that cost 2.4 times as much as this for the pair with AVX-512 and 2.6 times with
 * AVX2 (measured here: 0.95 against 2.35 ns a value, and 1.6 against 4.1).
 *
 * <p>The reduction: q, the nearest integer to x·2/π (by adding and taking away 1.5·2⁵², whose low mantissa bits
 * then hold q's, valid while |x| < 2⁵⁰), and r = x − q·π/2 by two fused multiply-adds with π/2 split in two
 * doubles, so |r| ≤ π/4 with an error of the rounding of r. Then sin r and cos r by the minimax polynomials of
 * fdlibm's {@code __kernel_sin} and {@code __kernel_cos} (degree 13 and 14 on [−π/4, π/4]), and the quadrant q mod 4
 * picks and signs them. NaN and infinities give NaN.
 */
final class LaneTrig {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final double SHIFTER = 0x1.8p52;
    private static final double TWO_OVER_PI = 2 / Math.PI;
    /** π/2 as the double nearest to it and the double nearest to the rest. */
    private static final DoubleVector MINUS_PIO2_HI = DoubleVector.broadcast(S, -(Math.PI / 2));
    private static final DoubleVector MINUS_PIO2_LO = DoubleVector.broadcast(S, -6.123233995736766e-17);
    // fdlibm's kernel coefficients: sin r = r + r³ (S1 + r² S2 + … + r¹⁰ S6), cos r = 1 − r²/2 + r⁴ (C1 + … + r¹⁰ C6)
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final DoubleVector S1 = DoubleVector.broadcast(S, -1.66666666666666324348e-01);
    private static final DoubleVector S2 = DoubleVector.broadcast(S, 8.33333333332248946124e-03);
    private static final DoubleVector S3 = DoubleVector.broadcast(S, -1.98412698298579493134e-04);
    private static final DoubleVector S4 = DoubleVector.broadcast(S, 2.75573137070700676789e-06);
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;
    private static final DoubleVector C1 = DoubleVector.broadcast(S, 4.16666666666666019037e-02);
    private static final DoubleVector C2 = DoubleVector.broadcast(S, -1.38888888888741095749e-03);
    private static final DoubleVector C3 = DoubleVector.broadcast(S, 2.48015872894767294178e-05);
    private static final DoubleVector C4 = DoubleVector.broadcast(S, -2.75573143513906633035e-07);

    private LaneTrig() {
    }

    /** Lanes per vector. */
    static int lanes() {
        return S.length();
    }

    /**
     * {@code sin[k] = sin(x[k])}, {@code cos[k] = cos(x[k])} for k below {@code count}, a multiple of the lanes.
     * The one entry point, its vectors never passed to or returned from another method: a vector that crosses a call
     * C2 did not inline is a heap object and every operation on it a Java fallback (seen: the deep-space phases ran at
     * half speed when a method of one vector's sine and cosine, compiled on its own first, stopped being inlined).
     * Called by the kernel between its phases: inlined into them, it passed C2's inlining budget as well.
     */
    static void sinCos(double[] x, double[] sin, double[] cos, int count) {
        for (int v = 0; v < count; v += S.length()) {
            DoubleVector angle = DoubleVector.fromArray(S, x, v);
            DoubleVector shifted = angle.fma(TWO_OVER_PI, SHIFTER);
            DoubleVector q = shifted.sub(SHIFTER);
            DoubleVector r = q.fma(MINUS_PIO2_HI, angle);
            r = q.fma(MINUS_PIO2_LO, r);
            DoubleVector z = r.mul(r);
            DoubleVector sinR = z.fma(S6, S5).fma(z, S4).fma(z, S3).fma(z, S2).fma(z, S1).mul(z).fma(r, r);
            DoubleVector cosR = z.fma(C6, C5).fma(z, C4).fma(z, C3).fma(z, C2).fma(z, C1).mul(z).fma(z, z.fma(-0.5, 1.0));
            // quadrant q mod 4: odd quadrants swap sine and cosine; the sine is negative in quadrants 2 and 3, the
            // cosine in 1 and 2 (sign bits flipped by exclusive or)
            LongVector quadrant = (LongVector) shifted.viewAsIntegralLanes();
            VectorMask<Double> odd = quadrant.and(1L).compare(VectorOperators.NE, 0L).cast(S);
            LongVector sinSign = quadrant.and(2L).lanewise(VectorOperators.LSHL, 62);
            LongVector cosSign = quadrant.add(1L).and(2L).lanewise(VectorOperators.LSHL, 62);
            ((LongVector) sinR.blend(cosR, odd).viewAsIntegralLanes()).lanewise(VectorOperators.XOR, sinSign)
                    .viewAsFloatingLanes().intoArray(sin, v);
            ((LongVector) cosR.blend(sinR, odd).viewAsIntegralLanes()).lanewise(VectorOperators.XOR, cosSign)
                    .viewAsFloatingLanes().intoArray(cos, v);
        }
    }
}
