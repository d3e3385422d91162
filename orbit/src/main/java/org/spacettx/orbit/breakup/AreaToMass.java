package org.spacettx.orbit.breakup;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.special.Erf;

/**
 * The NASA Standard Breakup Model's distribution of {@code χ = log10(A/m)} (A/m in m²/kg) for a fragment of
 * characteristic length {@code Lc}, {@code λ = log10(Lc)} (Johnson et al. 2001, equations 5 to 7): above 11 cm the sum
 * {@code α N(μ1, σ1) + (1 - α) N(μ2, σ2)} with the published piecewise-linear parameters of rocket bodies or of
 * spacecraft; below 8 cm the single normal law of small debris; between them, the small-debris law with weight
 * {@code (0.11 - Lc) / 0.03} and the large one with the rest. The sum is a mixture: a draw takes the first part with
 * probability α (a weighted sum of the two variates would be another law, narrower than the published one).
 */
public final class AreaToMass {

    private AreaToMass() {
    }

    /** One value of χ for a fragment of length {@code lengthM}. */
    public static double sample(double lengthM, boolean rocketBody, RandomGenerator random) {
        double lambda = Math.log10(lengthM);
        if (random.nextDouble() < smallShare(lengthM)) {
            return muSmall(lambda) + sigmaSmall(lambda) * random.nextGaussian();
        }
        double[] p = rocketBody ? rocketBody(lambda) : spacecraft(lambda);
        return random.nextDouble() < p[0] ? p[1] + p[2] * random.nextGaussian() : p[3] + p[4] * random.nextGaussian();
    }

    /** The distribution function of χ at {@code chi}, for checking draws against the law. */
    public static double cdf(double chi, double lengthM, boolean rocketBody) {
        double lambda = Math.log10(lengthM);
        double small = smallShare(lengthM);
        double[] p = rocketBody ? rocketBody(lambda) : spacecraft(lambda);
        double large = p[0] * normal(chi, p[1], p[2]) + (1 - p[0]) * normal(chi, p[3], p[4]);
        return small * normal(chi, muSmall(lambda), sigmaSmall(lambda)) + (1 - small) * large;
    }

    /** The weight of the small-debris law: 1 up to 8 cm, 0 from 11 cm, linear across the bridge. */
    private static double smallShare(double lengthM) {
        return lengthM <= 0.08 ? 1 : lengthM >= 0.11 ? 0 : (0.11 - lengthM) / 0.03;
    }

    private static double normal(double x, double mu, double sigma) {
        return 0.5 * (1 + Erf.erf((x - mu) / (sigma * Math.sqrt(2))));
    }

    /** A value linear in λ between two breakpoints, constant outside them. */
    private static double ramp(double lambda, double from, double valueFrom, double to, double valueTo) {
        if (lambda <= from) {
            return valueFrom;
        }
        if (lambda >= to) {
            return valueTo;
        }
        return valueFrom + (valueTo - valueFrom) * (lambda - from) / (to - from);
    }

    /** α, μ1, σ1, μ2, σ2 for rocket-body fragments. */
    static double[] rocketBody(double lambda) {
        return new double[] {
            ramp(lambda, -1.4, 1.0, 0.0, 0.5),
            ramp(lambda, -0.5, -0.45, 0.0, -0.9),
            0.55,
            -0.9,
            ramp(lambda, -1.0, 0.28, 0.1, 0.1)};
    }

    /** α, μ1, σ1, μ2, σ2 for spacecraft fragments. */
    static double[] spacecraft(double lambda) {
        return new double[] {
            ramp(lambda, -1.95, 0.0, 0.55, 1.0),
            ramp(lambda, -1.1, -0.6, 0.0, -0.95),
            ramp(lambda, -1.3, 0.1, -0.3, 0.3),
            ramp(lambda, -0.7, -1.2, -0.1, -2.0),
            ramp(lambda, -0.5, 0.5, -0.3, 0.3)};
    }

    /** μ of small debris (below 8 cm). */
    static double muSmall(double lambda) {
        return ramp(lambda, -1.75, -0.3, -1.25, -1.0);
    }

    /** σ of small debris: 0.2 up to λ = -3.5, then growing by 0.1333 per decade. */
    static double sigmaSmall(double lambda) {
        return lambda <= -3.5 ? 0.2 : 0.2 + 0.1333 * (lambda + 3.5);
    }
}
