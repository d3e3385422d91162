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
        double along = position[0] * sunDirection[0] + position[1] * sunDirection[1] + position[2] * sunDirection[2];
        if (along >= 0) {
            return true;
        }
        double px = position[0] - along * sunDirection[0];
        double py = position[1] - along * sunDirection[1];
        double pz = position[2] - along * sunDirection[2];
        return px * px + py * py + pz * pz > Topocentric.WGS84_A * Topocentric.WGS84_A;
    }
}
