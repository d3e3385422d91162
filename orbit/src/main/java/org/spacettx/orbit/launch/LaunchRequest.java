package org.spacettx.orbit.launch;

import java.time.Instant;

import org.spacettx.orbit.geo.Site;

/**
 * A launch to model: from a site at a time, towards a ground azimuth or into an inclination, to a circular orbit
 * at an altitude. Optionally the insertion happens {@code downrangeKm} along the ground track and
 * {@code ascentMinutes} after lift-off.
 *
 * @param azimuthDeg      direction of the ground track at the site, degrees from north (null: use the inclination)
 * @param inclinationDeg  target inclination (null: use the azimuth)
 * @param heading         with an inclination, which of its two launch directions; AUTO is south for retrograde
 *                        orbits (as from Sohae or Vandenberg) and north for prograde ones
 * @param altitudeKm      circular orbit altitude above the equatorial radius
 */
public record LaunchRequest(Site site, Instant time, Double azimuthDeg, Double inclinationDeg, Heading heading,
                            double altitudeKm, double downrangeKm, double ascentMinutes, int noradId, String name) {

    public enum Heading { NORTH, SOUTH, AUTO }
}
