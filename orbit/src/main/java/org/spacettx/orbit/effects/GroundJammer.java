package org.spacettx.orbit.effects;

/**
 * A ground jammer against receivers of a weak signal from space (GNSS, a satellite downlink), as geometry from a
 * stated link budget. A receiver loses the signal where the jamming it receives exceeds the wanted signal by the
 * receiver's tolerance: {@code J - S ≥ J/S threshold}, with {@code J = EIRP - FSPL(d) + G_rx} (dBW) and free-space path
 * loss {@code FSPL = 20 log10(d / km) + 20 log10(f / MHz) + 32.45 dB}. The jammer is heard only within the radio
 * horizon, over a 4/3-radius Earth: {@code d_h = 4.12 (sqrt(h_jammer / m) + sqrt(h_receiver / m))} km. The affected
 * radius is the smaller of the two distances. No terrain, no atmospheric loss, an omnidirectional jammer and a
 * receiver antenna of {@code G_rx} toward it (0 dBi by default: GNSS antennas look up, so this is the pessimistic
 * case for the defender).
 */
public record GroundJammer(double eirpDbw, double frequencyMhz, double antennaHeightM) {

    public GroundJammer {
        if (!(frequencyMhz > 0) || antennaHeightM < 0 || !Double.isFinite(eirpDbw)) {
            throw new IllegalArgumentException("a jammer needs a finite EIRP, a positive frequency and a height of at least 0 m");
        }
    }

    /** What the receivers need: the wanted signal's power at the antenna (dBW), their J/S tolerance (dB), their height and gain. */
    public record Receivers(double signalDbw, double toleranceDb, double heightM, double gainDbi) {
    }

    /** The affected radius (km), what limits it, and each distance. */
    public record Reach(double radiusKm, double budgetKm, double horizonKm, boolean horizonLimited) {
    }

    /** Free-space path loss at a distance (km), dB. */
    public double pathLossDb(double distanceKm) {
        return pathLossDb(distanceKm, frequencyMhz);
    }

    /** Free-space path loss at a distance (km) and frequency (MHz), dB. */
    public static double pathLossDb(double distanceKm, double frequencyMhz) {
        return 20 * Math.log10(distanceKm) + 20 * Math.log10(frequencyMhz) + 32.45;
    }

    /** Jamming power received at a distance, dBW. */
    public double receivedDbw(double distanceKm, Receivers r) {
        return eirpDbw - pathLossDb(distanceKm) + r.gainDbi();
    }

    /** Radio horizon between the jammer's antenna and a receiver at {@code receiverHeightM}, km (4/3 Earth radius). */
    public double horizonKm(double receiverHeightM) {
        return 4.12 * (Math.sqrt(antennaHeightM) + Math.sqrt(receiverHeightM));
    }

    /** How far receivers lose the signal. */
    public Reach reach(Receivers r) {
        double maxLossDb = eirpDbw + r.gainDbi() - (r.signalDbw() + r.toleranceDb());
        double budgetKm = Math.pow(10, (maxLossDb - 32.45 - 20 * Math.log10(frequencyMhz)) / 20);
        double horizonKm = horizonKm(r.heightM());
        return new Reach(Math.min(budgetKm, horizonKm), budgetKm, horizonKm, horizonKm < budgetKm);
    }
}
