package org.spacettx.orbit.conjunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** The Foster disc integral against closed forms and a seeded Monte Carlo estimate. */
class CollisionProbabilityTest {

    @Test
    void centredIsotropicGaussianHasTheClosedForm() {
        // Miss 0, isotropic sigma: P = 1 - exp(-R^2 / (2 sigma^2)) exactly (Rayleigh distribution of the radius).
        for (double[] c : new double[][] {{0.01, 0.1}, {0.02, 0.02}, {0.05, 0.01}}) {
            double radius = c[0];
            double sigma = c[1];
            double expected = 1 - Math.exp(-radius * radius / (2 * sigma * sigma));
            assertThat(CollisionProbability.disc(0, 0, sigma * sigma, 0, sigma * sigma, radius))
                    .isCloseTo(expected, Percentage.withPercentage(1e-6));
        }
    }

    @Test
    void aSmallBodyFarOutIsTheDensityTimesItsArea() {
        // R much smaller than sigma: P ~ pi R^2 times the Gaussian density at the miss point.
        double sx = 0.3;
        double sy = 0.1;
        double mx = 0.4;
        double radius = 0.001;
        double density = Math.exp(-0.5 * mx * mx / (sx * sx)) / (2 * Math.PI * sx * sy);
        assertThat(CollisionProbability.disc(mx, 0, sx * sx, 0, sy * sy, radius))
                .isCloseTo(Math.PI * radius * radius * density, Percentage.withPercentage(0.01));
    }

    @Test
    void correlatedOffsetCaseAgreesWithMonteCarlo() {
        double sxx = 0.04;
        double syy = 0.01;
        double sxy = 0.012;
        double mx = 0.05;
        double my = -0.03;
        double radius = 0.05;
        // Cholesky factor of the covariance
        double l11 = Math.sqrt(sxx);
        double l21 = sxy / l11;
        double l22 = Math.sqrt(syy - l21 * l21);
        Random random = new Random(42);
        int hits = 0;
        int samples = 2_000_000;
        for (int k = 0; k < samples; k++) {
            double u = random.nextGaussian();
            double v = random.nextGaussian();
            double x = mx + l11 * u;
            double y = my + l21 * u + l22 * v;
            if (x * x + y * y <= radius * radius) {
                hits++;
            }
        }
        double monteCarlo = (double) hits / samples;
        double sigma = Math.sqrt(monteCarlo * (1 - monteCarlo) / samples);
        assertThat(CollisionProbability.disc(mx, my, sxx, sxy, syy, radius)).isCloseTo(monteCarlo, Offset.offset(4 * sigma));
    }

    @Test
    void statesGiveTheProbabilityInTheEncounterPlane() {
        // Head-on in x: relative velocity along x, miss of 20 m along z. Both objects circular-ish, so their
        // radial / in-track / cross-track frames are known: radial = y for a, cross-track = z.
        double[] a = {0, 7000, 0, 7.5, 0, 0};
        double[] b = {0, 7000, 0.020, -7.5, 0, 0};
        CollisionProbability pc = new CollisionProbability(0.010, 0.05, 0.2, 0.05);
        // In the encounter plane (y, z): y is radial for both (sigma 0.05 each), z cross-track (0.05 each).
        double s2 = 2 * 0.05 * 0.05;
        double expected = CollisionProbability.disc(0.020, 0, s2, 0, s2, 0.010);
        assertThat(pc.of(a, b)).isCloseTo(expected, Percentage.withPercentage(1e-6));
        assertThat(pc.of(a, b)).isBetween(1e-3, 1e-1);
        assertThatThrownBy(() -> new CollisionProbability(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
