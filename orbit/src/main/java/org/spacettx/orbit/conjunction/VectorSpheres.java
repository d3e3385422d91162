package org.spacettx.orbit.conjunction;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The screening's two cheap tests on SIMD lanes: one object against a run of others in the cell-ordered arrays,
 * first their spheres, then their relative chord, each with the scalar tests' conditions lane by lane (both are
 * conservative filters). Loaded only when the incubating vector module is present (see {@code BatchSgp4.simd()}).
 */
final class VectorSpheres {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorSpheres() {
    }

    /** The cell-ordered arrays of one worker, as the tests read them. */
    record Packed(double[] px, double[] py, double[] pz, double[] pr, double[] hx, double[] hy, double[] hz, double[] ps,
                  double[] screened) {
    }

    /**
     * The positions b in [from, to) that pass both tests against position a and are to be screened (a is, or
     * {@code screened[b]} is 1): written to {@code hits}, their count returned; {@code spheres[0]} counts those
     * whose spheres meet, for the statistics.
     */
    static int candidates(Packed p, int a, int from, int to, double threshold, int[] hits, long[] spheres) {
        int count = 0;
        int lanes = S.length();
        boolean aScreened = p.screened()[a] > 0;
        double ax = p.px()[a];
        double ay = p.py()[a];
        double az = p.pz()[a];
        DoubleVector vx = DoubleVector.broadcast(S, ax);
        DoubleVector vy = DoubleVector.broadcast(S, ay);
        DoubleVector vz = DoubleVector.broadcast(S, az);
        DoubleVector base = DoubleVector.broadcast(S, p.pr()[a] - threshold);
        DoubleVector hax = DoubleVector.broadcast(S, p.hx()[a]);
        DoubleVector hay = DoubleVector.broadcast(S, p.hy()[a]);
        DoubleVector haz = DoubleVector.broadcast(S, p.hz()[a]);
        DoubleVector limitBase = DoubleVector.broadcast(S, threshold + p.ps()[a]);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1);
        int b = from;
        for (; b + lanes <= to; b += lanes) {
            DoubleVector dx = DoubleVector.fromArray(S, p.px(), b).sub(vx);
            DoubleVector dy = DoubleVector.fromArray(S, p.py(), b).sub(vy);
            DoubleVector dz = DoubleVector.fromArray(S, p.pz(), b).sub(vz);
            DoubleVector reach = DoubleVector.fromArray(S, p.pr(), b).add(base);
            VectorMask<Double> near = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz)).compare(VectorOperators.LE, reach.mul(reach));
            if (!aScreened) {
                near = near.and(DoubleVector.fromArray(S, p.screened(), b).compare(VectorOperators.GT, 0));
            }
            if (!near.anyTrue()) {
                continue;
            }
            spheres[0] += near.trueCount();
            // the relative chord, from (centres - half chords) to (centres + half chords), against its limit
            DoubleVector ex = DoubleVector.fromArray(S, p.hx(), b).sub(hax).mul(2);
            DoubleVector ey = DoubleVector.fromArray(S, p.hy(), b).sub(hay).mul(2);
            DoubleVector ez = DoubleVector.fromArray(S, p.hz(), b).sub(haz).mul(2);
            DoubleVector d0x = dx.sub(ex.mul(0.5));
            DoubleVector d0y = dy.sub(ey.mul(0.5));
            DoubleVector d0z = dz.sub(ez.mul(0.5));
            DoubleVector ee = ex.mul(ex).add(ey.mul(ey)).add(ez.mul(ez));
            DoubleVector de = d0x.mul(ex).add(d0y.mul(ey)).add(d0z.mul(ez)).neg();
            VectorMask<Double> moving = ee.compare(VectorOperators.GT, 0);
            DoubleVector f = de.div(ee.blend(one, moving.not())).max(zero).min(one).blend(zero, moving.not());
            DoubleVector mx = d0x.add(f.mul(ex));
            DoubleVector my = d0y.add(f.mul(ey));
            DoubleVector mz = d0z.add(f.mul(ez));
            DoubleVector limit = DoubleVector.fromArray(S, p.ps(), b).add(limitBase);
            VectorMask<Double> close = near.and(mx.mul(mx).add(my.mul(my)).add(mz.mul(mz)).compare(VectorOperators.LE,
                    limit.mul(limit)));
            long bits = close.toLong();
            while (bits != 0) {
                hits[count++] = b + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        for (; b < to; b++) {
            double dx = p.px()[b] - ax;
            double dy = p.py()[b] - ay;
            double dz = p.pz()[b] - az;
            double reach = p.pr()[b] + (p.pr()[a] - threshold);
            if (dx * dx + dy * dy + dz * dz <= reach * reach && (aScreened || p.screened()[b] > 0)) {
                spheres[0]++;
                double ex = 2 * (p.hx()[b] - p.hx()[a]);
                double ey = 2 * (p.hy()[b] - p.hy()[a]);
                double ez = 2 * (p.hz()[b] - p.hz()[a]);
                if (Screening.closerThan(dx - 0.5 * ex, dy - 0.5 * ey, dz - 0.5 * ez, ex, ey, ez, threshold + p.ps()[a] + p.ps()[b])) {
                    hits[count++] = b;
                }
            }
        }
        return count;
    }
}
