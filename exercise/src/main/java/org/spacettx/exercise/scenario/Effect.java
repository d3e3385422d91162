package org.spacettx.exercise.scenario;

import java.time.Instant;

import org.spacettx.orbit.effects.GroundJammer;
import org.spacettx.orbit.effects.UplinkJammer;
import org.spacettx.orbit.geo.Site;

/**
 * A non-kinetic counterspace effect, active from {@code from} to {@code to}, from a place on the ground: a jammer of
 * receivers on the ground (GNSS, a downlink: an area), a jammer of a satellite's uplink, or a laser against an
 * optical satellite.
 */
public sealed interface Effect {

    String id();

    Text name();

    String nation();

    Site site();

    Instant from();

    Instant to();

    /** The kind's key in the scenario file. */
    default String kind() {
        return switch (this) {
            case Ground g -> "ground_jammer";
            case Uplink u -> "uplink_jammer";
            case Laser l -> "laser";
        };
    }

    /** Ground receivers within {@code reach} of the site lose the signal while it is active. */
    record Ground(String id, Text name, String nation, Site site, Instant from, Instant to, GroundJammer jammer,
                  GroundJammer.Receivers receivers, GroundJammer.Reach reach) implements Effect {
    }

    /** The satellite {@code object} hears the jammer while the site is in its receive beam. */
    record Uplink(String id, Text name, String nation, Site site, Instant from, Instant to, String object, UplinkJammer jammer,
                  double signalDbw) implements Effect {
    }

    /** The optical satellite {@code object} is dazzled when it images the site (its sensor's windows over it). */
    record Laser(String id, Text name, String nation, Site site, Instant from, Instant to, String object) implements Effect {
    }
}
