package org.spacettx.orbit.propagate;

import org.hipparchus.util.FastMath;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.SGP4;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Orekit's near-Earth SGP4 with the reference implementation's stop condition on the secular elements, which
 * Orekit does not check: mean eccentricity outside [-0.001, 1) or mean semi-major axis below 0.95 earth radii,
 * also once the drag polynomial has passed zero (see {@link #dragPolynomial}).
 *
 * <p>Orekit raises a mean eccentricity below 1e-6 to 1e-6 before we can see it, so the unclamped value is rebuilt
 * here from the same terms (the drag correction of SGP4: B*·C4·t, plus B*·C5·(sin M − sin M0) for perigees of
 * 220 km and more, with M recovered from the protected secular rates).
 */
final class GuardedSgp4 extends SGP4 implements SecularGuard {

    private Sgp4Error failure;

    GuardedSgp4(TLE tle, Frame teme) {
        super(tle, FrameAlignedProvider.of(teme), DEFAULT_MASS, teme);
    }

    @Override
    protected void sxpPropagate(double tSince) {
        failure = null;
        super.sxpPropagate(tSince);
        if (a < 0.95 || dragPolynomial(tSince) < 0.0 || meanEccentricity(tSince) >= 1.0 || meanEccentricity(tSince) < -0.001) {
            failure = Sgp4Error.MEAN_ELEMENTS;
        }
    }

    /**
     * SGP4's drag polynomial 1 − C1 t − D2 t² − D3 t³ − D4 t⁴ (the D terms for perigees of 220 km and more), whose
     * square scales the semi-major axis: past its zero the reference carries on with orbits millions of km out,
     * the mean semi-major axis having passed below its limit; this path stops there as the kernel does.
     */
    private double dragPolynomial(double tSince) {
        double tempa = 1.0 - c1 * tSince;
        if (perige >= 220) {
            double c1sq = c1 * c1;
            double d2 = 4.0 * a0dp * tsi * c1sq;
            double temp = d2 * tsi * c1 / 3.0;
            double d3 = (17.0 * a0dp + s4) * temp;
            double d4 = 0.5 * temp * a0dp * tsi * (221.0 * a0dp + 31.0 * s4) * c1;
            double t2 = tSince * tSince;
            tempa -= d2 * t2 + d3 * t2 * tSince + d4 * t2 * t2;
        }
        return tempa;
    }

    private double meanEccentricity(double tSince) {
        if (e > 1e-6) {
            return e;
        }
        double bstar = tle.getBStar();
        double tempe = bstar * c4 * tSince;
        if (perige >= 220) {
            double c5 = 2 * coef1 * a0dp * beta02 * (1 + 2.75 * (etasq + eeta) + eeta * etasq);
            double meanAnomaly = tle.getMeanAnomaly() + xmdot * tSince
                    + (tle.getPerigeeArgument() + omgdot * tSince - omega);
            tempe += bstar * c5 * (FastMath.sin(meanAnomaly) - FastMath.sin(tle.getMeanAnomaly()));
        }
        return tle.getE() - tempe;
    }

    @Override
    public Sgp4Error secularFailure() {
        return failure;
    }
}
