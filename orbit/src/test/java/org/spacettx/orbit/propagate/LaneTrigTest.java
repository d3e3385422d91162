package org.spacettx.orbit.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The kernel's sine and cosine against {@link StrictMath} (fdlibm), seeded, over the ranges the kernel meets and beyond. */
class LaneTrigTest {

    /** Worst error in ulps of the reference over {@code n} random angles in [−range, range]. */
    private static double worstUlps(double range, int n, long seed) {
        int lanes = LaneTrig.lanes();
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n / lanes * lanes];
        for (int k = 0; k < x.length; k++) {
            x[k] = (random.nextDouble() * 2 - 1) * range;
        }
        double[] sin = new double[x.length];
        double[] cos = new double[x.length];
        LaneTrig.sinCos(x, sin, cos, x.length);
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            double s = StrictMath.sin(x[k]);
            double c = StrictMath.cos(x[k]);
            worst = Math.max(worst, Math.abs(sin[k] - s) / Math.ulp(s));
            worst = Math.max(worst, Math.abs(cos[k] - c) / Math.ulp(c));
        }
        return worst;
    }

    @Test
    void withinOneUlpUpTo1e5RadiansAndTwoUpTo1e7() {
        assertThat(BatchSgp4.simd()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
        for (double range : new double[] {Math.PI / 4, 1, 10, 100, 1e3, 1e4, 1e5}) {
            assertThat(worstUlps(range, 400_000, 7)).as("|x| ≤ %s", range).isLessThanOrEqualTo(1.0);
        }
        assertThat(worstUlps(1e7, 400_000, 7)).isLessThanOrEqualTo(2.0);
    }

    @Test
    void quadrantEdgesSignedZeroAndNonFiniteValues() {
        int lanes = LaneTrig.lanes();
        double[] special = {0.0, -0.0, Math.PI / 4, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 2 * Math.PI, -Math.PI / 2,
            Math.nextUp(Math.PI / 4), Math.nextDown(-Math.PI / 4), 1e-300, -1e-300, 1e12, -1e12,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] x = new double[(special.length + lanes - 1) / lanes * lanes];
        System.arraycopy(special, 0, x, 0, special.length);
        double[] sin = new double[x.length];
        double[] cos = new double[x.length];
        LaneTrig.sinCos(x, sin, cos, x.length);
        for (int k = 0; k < special.length; k++) {
            if (Double.isFinite(x[k])) {
                // absolute error near the zeros of sin and cos (x = qπ/2 is not exactly representable)
                assertThat(Math.abs(sin[k] - StrictMath.sin(x[k]))).as("sin %s", x[k]).isLessThanOrEqualTo(2 * Math.ulp(1.0));
                assertThat(Math.abs(cos[k] - StrictMath.cos(x[k]))).as("cos %s", x[k]).isLessThanOrEqualTo(2 * Math.ulp(1.0));
            } else {
                assertThat(sin[k]).as("sin %s", x[k]).isNaN();
                assertThat(cos[k]).as("cos %s", x[k]).isNaN();
            }
        }
        // relative accuracy of tiny angles: sin x = x
        assertThat(sin[10]).isEqualTo(1e-300);
    }

    @Test
    void writesTheCountAskedForAndNothingBeyond() {
        int lanes = LaneTrig.lanes();
        double[] x = new double[3 * lanes];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.3 + k;
        }
        double[] sin = new double[3 * lanes];
        double[] cos = new double[3 * lanes];
        LaneTrig.sinCos(x, sin, cos, 2 * lanes);
        for (int k = 0; k < 2 * lanes; k++) {
            assertThat(sin[k]).isCloseTo(StrictMath.sin(x[k]), org.assertj.core.api.Assertions.within(1e-15));
            assertThat(cos[k]).isCloseTo(StrictMath.cos(x[k]), org.assertj.core.api.Assertions.within(1e-15));
        }
        for (int k = 2 * lanes; k < 3 * lanes; k++) {
            assertThat(sin[k]).isZero();
            assertThat(cos[k]).isZero();
        }
    }
}
