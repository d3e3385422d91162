package org.spacettx.orbit.access;

/**
 * Whether a satellite is lit by the Sun, with a cylindrical Earth shadow of the equatorial radius: in shadow when
 * behind the Earth (relative to the Sun) and within one Earth radius of the Earth–Sun line. The penumbra (a few
 * seconds at each edge for low orbits) is ignored.
 */
public final class Sunlight {

    private Sunlight() {
    }

    public static boolean isSunlit(double[] position, double[] sunDirection) {
        return marginM(position, sunDirection) > 0;
    }

    /**
     * How far (m, ITRF position in m) the object is outside the shadow: its distance from the Earth–Sun line less the
     * Earth's radius when behind the Earth, its distance from the centre less the radius when on the Sun's side (the two
     * agree on the terminator plane, so the margin is continuous: a root finder can find where it changes sign).
     */
    public static double marginM(double[] position, double[] sunDirection) {
        double along = position[0] * sunDirection[0] + position[1] * sunDirection[1] + position[2] * sunDirection[2];
        double px = position[0] - Math.min(along, 0) * sunDirection[0];
        double py = position[1] - Math.min(along, 0) * sunDirection[1];
        double pz = position[2] - Math.min(along, 0) * sunDirection[2];
        return Math.sqrt(px * px + py * py + pz * pz) - Topocentric.WGS84_A;
    }
}
