package org.spacettx.orbit.propagate;

import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.frames.Frame;
import org.orekit.propagation.analytical.tle.DeepSDP4;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Orekit's deep-space SDP4 with the reference implementation's checks and clamp between the secular and the
 * periodic luni-solar terms, which Orekit leaves out: stop when the mean eccentricity leaves [-0.001, 1) or the
 * mean semi-major axis drops below 0.95 earth radii; raise a mean eccentricity below 1e-6 to 1e-6 (without this,
 * near-circular geostationary element sets drift from the reference); stop when the perturbed eccentricity leaves
 * [0, 1].
 */
final class GuardedSdp4 extends DeepSDP4 implements SecularGuard {

    private static final double MIN_ECCENTRICITY = 1e-6;

    private Sgp4Error failure;

    GuardedSdp4(TLE tle, Frame teme) {
        super(tle, FrameAlignedProvider.of(teme), DEFAULT_MASS, teme);
    }

    @Override
    protected void sxpPropagate(double tSince) {
        failure = null;
        super.sxpPropagate(tSince);
    }

    @Override
    protected void deepPeriodicEffects(double t) {
        // the drag polynomial is 1 − C1 t for deep-space objects; past its zero see GuardedSgp4.dragPolynomial
        if (em >= 1.0 || em < -0.001 || a < 0.95 || 1.0 - c1 * t < 0.0) {
            failure = Sgp4Error.MEAN_ELEMENTS;
        }
        if (em < MIN_ECCENTRICITY) {
            em = MIN_ECCENTRICITY;
        }
        super.deepPeriodicEffects(t);
        if (failure == null && (em < 0.0 || em > 1.0)) {
            failure = Sgp4Error.PERTURBED_ECCENTRICITY;
        }
    }

    @Override
    public Sgp4Error secularFailure() {
        return failure;
    }
}
