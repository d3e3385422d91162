package org.spacettx.orbit.conjunction;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The screening's two cheap tests on SIMD lanes: one object against a run of others in the cell-ordered arrays,
 * first their spheres, then their relative chord, each with the scalar tests' conditions lane by lane (both are
 * conservative filters); the last, partial vector of a run is masked. Loaded only when the incubating vector module is
 * present (see {@code BatchSgp4.simd()}).
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
     * The pairs of a position a in [aFrom, aTo) and a position b in [bFrom, bTo) (with {@code triangle}, only b
     * after a: a run against itself and what follows it) that pass both tests and are to be screened (a or b has
     * {@code screened} 1): written to {@code hitsA} and {@code hitsB}, their count returned, at most the pairs
     * asked for; {@code spheres[0]} counts those whose spheres meet, for the statistics. One call for a run of a's, so
     * that a cell's objects cost one call against each neighbouring run, not one each.
     */
    static int candidates(Packed p, int aFrom, int aTo, int bFrom, int bTo, boolean triangle, double threshold,
                          int[] hitsA, int[] hitsB, long[] spheres) {
        int count = 0;
        for (int a = aFrom; a < aTo; a++) {
            count = candidates(p, a, triangle ? Math.max(bFrom, a + 1) : bFrom, bTo, threshold, hitsA, hitsB, count, spheres);
        }
        return count;
    }

    /**
     * Position a against [from, to): the sphere test, then {@link #chords} where a sphere meets; the hits appended
     * from {@code count}; the new count. Two methods of about 300 bytecodes: as one of 780, C1 gave up on it ("out of
     * virtual registers in linear scan"), C2 never took it over, and its vector operations ran as allocating Java
     * fallbacks for the whole run (seen with -XX:+PrintCompilation; 15 times slower in Spark executors).
     */
    private static int candidates(Packed p, int a, int from, int to, double threshold, int[] hitsA, int[] hitsB,
                                  int count, long[] spheres) {
        int lanes = S.length();
        boolean aScreened = p.screened()[a] > 0;
        DoubleVector vx = DoubleVector.broadcast(S, p.px()[a]);
        DoubleVector vy = DoubleVector.broadcast(S, p.py()[a]);
        DoubleVector vz = DoubleVector.broadcast(S, p.pz()[a]);
        DoubleVector base = DoubleVector.broadcast(S, p.pr()[a] - threshold);
        for (int b = from; b < to; b += lanes) {
            VectorMask<Double> in = S.indexInRange(b, to);
            DoubleVector dx = DoubleVector.fromArray(S, p.px(), b, in).sub(vx);
            DoubleVector dy = DoubleVector.fromArray(S, p.py(), b, in).sub(vy);
            DoubleVector dz = DoubleVector.fromArray(S, p.pz(), b, in).sub(vz);
            DoubleVector reach = DoubleVector.fromArray(S, p.pr(), b, in).add(base);
            VectorMask<Double> near = in.and(dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz)).compare(VectorOperators.LE, reach.mul(reach)));
            if (!aScreened) {
                near = near.and(DoubleVector.fromArray(S, p.screened(), b, in).compare(VectorOperators.GT, 0));
            }
            if (near.anyTrue()) {
                spheres[0] += near.trueCount();
                count = chords(p, a, b, near.toLong(), threshold, hitsA, hitsB, count);
            }
        }
        return count;
    }

    /**
     * The relative chord test of a against the vector of positions from b whose spheres met it ({@code near}, as
     * bits): the chord from (centres − half chords) to (centres + half chords) against its limit.
     */
    private static int chords(Packed p, int a, int b, long near, double threshold, int[] hitsA, int[] hitsB, int count) {
        VectorMask<Double> lanes = VectorMask.fromLong(S, near);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1);
        DoubleVector ex = DoubleVector.fromArray(S, p.hx(), b, lanes).sub(p.hx()[a]).mul(2);
        DoubleVector ey = DoubleVector.fromArray(S, p.hy(), b, lanes).sub(p.hy()[a]).mul(2);
        DoubleVector ez = DoubleVector.fromArray(S, p.hz(), b, lanes).sub(p.hz()[a]).mul(2);
        DoubleVector d0x = DoubleVector.fromArray(S, p.px(), b, lanes).sub(p.px()[a]).sub(ex.mul(0.5));
        DoubleVector d0y = DoubleVector.fromArray(S, p.py(), b, lanes).sub(p.py()[a]).sub(ey.mul(0.5));
        DoubleVector d0z = DoubleVector.fromArray(S, p.pz(), b, lanes).sub(p.pz()[a]).sub(ez.mul(0.5));
        DoubleVector ee = ex.mul(ex).add(ey.mul(ey)).add(ez.mul(ez));
        DoubleVector de = d0x.mul(ex).add(d0y.mul(ey)).add(d0z.mul(ez)).neg();
        VectorMask<Double> still = ee.compare(VectorOperators.GT, 0).not();
        DoubleVector f = de.div(ee.blend(one, still)).max(zero).min(one).blend(zero, still);
        DoubleVector mx = d0x.add(f.mul(ex));
        DoubleVector my = d0y.add(f.mul(ey));
        DoubleVector mz = d0z.add(f.mul(ez));
        DoubleVector limit = DoubleVector.fromArray(S, p.ps(), b, lanes).add(threshold + p.ps()[a]);
        long bits = lanes.and(mx.mul(mx).add(my.mul(my)).add(mz.mul(mz)).compare(VectorOperators.LE, limit.mul(limit))).toLong();
        while (bits != 0) {
            hitsA[count] = a;
            hitsB[count++] = b + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
        }
        return count;
    }
}
