package org.spacettx.orbit.conjunction;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Probability of collision of a short encounter in the two-dimensional (Foster) formulation: the relative position
 * at the time of closest approach is Gaussian in the encounter plane (perpendicular to the relative velocity) with
 * the sum of both objects' position covariances, and a collision is that position falling inside a disc of the
 * combined hard-body radius. The disc integral is taken numerically (Gauss-Legendre in radius and angle).
 *
 * <p>Element sets carry no covariance. What is given here is an assumption stated by the user: the same 1-sigma
 * position uncertainty along radial, in-track and cross-track for both objects, and a hard-body radius. The
 * result is labelled as such wherever it is shown.
 *
 * @param hardBodyRadiusKm combined radius of the two objects, km
 * @param sigmaRadialKm    1-sigma position uncertainty of each object along its radial direction, km
 * @param sigmaInTrackKm   ... along its in-track direction, km
 * @param sigmaCrossTrackKm ... along its orbit normal, km
 */
public record CollisionProbability(double hardBodyRadiusKm, double sigmaRadialKm, double sigmaInTrackKm,
                                   double sigmaCrossTrackKm) implements java.io.Serializable {

    private static final int NODES = 64;
    private static final GaussIntegrator RADIUS = new GaussIntegratorFactory().legendre(NODES, 0, 1);
    private static final GaussIntegrator ANGLE = new GaussIntegratorFactory().legendre(NODES, 0, 2 * Math.PI);

    public CollisionProbability {
        if (!(hardBodyRadiusKm > 0) || !(sigmaRadialKm > 0) || !(sigmaInTrackKm > 0) || !(sigmaCrossTrackKm > 0)) {
            throw new IllegalArgumentException("hard-body radius and uncertainties must be positive");
        }
    }

    /**
     * The probability for two objects with TEME states {@code a} and {@code b} (x, y, z km, vx, vy, vz km/s) at
     * their time of closest approach.
     */
    public double of(double[] a, double[] b) {
        double[] cov = new double[9];
        addCovariance(a, cov);
        addCovariance(b, cov);
        double[] miss = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double[] vrel = {b[3] - a[3], b[4] - a[4], b[5] - a[5]};
        double[] y = unit(vrel);
        // At the time of closest approach the miss vector is perpendicular to the relative velocity; remove any
        // residue so the plane's axes are orthonormal.
        double along = dot(miss, y);
        double[] inPlane = {miss[0] - along * y[0], miss[1] - along * y[1], miss[2] - along * y[2]};
        double missKm = Math.sqrt(dot(inPlane, inPlane));
        double[] e1 = missKm > 1e-12 ? scale(inPlane, 1 / missKm) : unit(perpendicular(y));
        double[] e2 = cross(y, e1);
        double sxx = quadratic(cov, e1, e1);
        double sxy = quadratic(cov, e1, e2);
        double syy = quadratic(cov, e2, e2);
        return disc(missKm, 0, sxx, sxy, syy, hardBodyRadiusKm);
    }

    /**
     * The integral over the disc of radius {@code radius} about the origin of a 2-D Gaussian with mean
     * ({@code mx}, {@code my}) and covariance [[sxx, sxy], [sxy, syy]].
     */
    static double disc(double mx, double my, double sxx, double sxy, double syy, double radius) {
        double det = sxx * syy - sxy * sxy;
        double ixx = syy / det;
        double ixy = -sxy / det;
        double iyy = sxx / det;
        double norm = 1 / (2 * Math.PI * Math.sqrt(det));
        double sum = 0;
        for (int i = 0; i < RADIUS.getNumberOfPoints(); i++) {
            double r = RADIUS.getPoint(i) * radius;
            double wr = RADIUS.getWeight(i) * radius;
            for (int j = 0; j < ANGLE.getNumberOfPoints(); j++) {
                double theta = ANGLE.getPoint(j);
                double dx = r * Math.cos(theta) - mx;
                double dy = r * Math.sin(theta) - my;
                double q = ixx * dx * dx + 2 * ixy * dx * dy + iyy * dy * dy;
                sum += wr * ANGLE.getWeight(j) * r * Math.exp(-0.5 * q);
            }
        }
        return Math.min(1.0, sum * norm);
    }

    /** Adds one object's covariance, diagonal in its own radial / in-track / cross-track frame, in TEME. */
    private void addCovariance(double[] s, double[] cov) {
        double[] r = unit(new double[] {s[0], s[1], s[2]});
        double[] c = unit(cross(new double[] {s[0], s[1], s[2]}, new double[] {s[3], s[4], s[5]}));
        double[] t = cross(c, r);
        double[][] axes = {r, t, c};
        double[] sigma = {sigmaRadialKm, sigmaInTrackKm, sigmaCrossTrackKm};
        for (int k = 0; k < 3; k++) {
            double var = sigma[k] * sigma[k];
            for (int p = 0; p < 3; p++) {
                for (int q = 0; q < 3; q++) {
                    cov[3 * p + q] += var * axes[k][p] * axes[k][q];
                }
            }
        }
    }

    private static double quadratic(double[] m, double[] u, double[] v) {
        double sum = 0;
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                sum += u[p] * m[3 * p + q] * v[q];
            }
        }
        return sum;
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double[] scale(double[] u, double f) {
        return new double[] {u[0] * f, u[1] * f, u[2] * f};
    }

    private static double[] unit(double[] u) {
        return scale(u, 1 / Math.sqrt(dot(u, u)));
    }

    /** Some vector perpendicular to {@code u}. */
    private static double[] perpendicular(double[] u) {
        return Math.abs(u[0]) < 0.9 ? cross(u, new double[] {1, 0, 0}) : cross(u, new double[] {0, 1, 0});
    }
}
