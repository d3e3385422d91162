package org.spacettx.orbit.breakup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The NASA Standard Breakup Model (Johnson, Krisko, Liou, Anz-Meador, "NASA's new breakup model of EVOLVE 4.0",
 * Advances in Space Research 28(9), 2001), as published: how many fragments of each characteristic length an explosion
 * or a collision makes, their area-to-mass ratio and their ejection speed.
 *
 * <p>Sizes: the number of fragments at least {@code Lc} long is {@code 6 S Lc^-1.6} for an explosion and
 * {@code 0.1 M^0.75 Lc^-1.71} for a collision, where {@code M} is the mass of both objects (kg) when the collision is
 * catastrophic (the projectile's kinetic energy over the target's mass at least 40 J/g) and the projectile's mass
 * times the square of the impact speed (kg, km/s) otherwise. Lengths are drawn from that power law between the
 * smallest length asked for and the parent's own length. Area-to-mass: above 11 cm the published two-part normal law
 * in {@code log10(A/m)} (one set of parameters for rocket bodies, one for spacecraft), below 8 cm the single normal
 * law of small debris, and between them a draw of the one or the other with a weight that moves linearly across the
 * 8-11 cm bridge. Area from length by the published fits; mass = area / (A/m). Ejection speed: {@code log10(Δv)}
 * (m/s) normal with mean {@code 0.2 χ + 1.85} (explosions) or {@code 0.9 χ + 2.9} (collisions), {@code χ =
 * log10(A/m)}, standard deviation 0.4, in a direction uniform over the sphere.
 *
 * <p>Mass: the model does not conserve mass by itself; the fragments it draws for a small parent often weigh more
 * than the parent, the excess carried by a few large pieces of low area-to-mass. All the fragments the count law asks
 * for are drawn; they are then made from the lightest up while their total stays within the mass that breaks up (the
 * parent's, and the projectile's in a catastrophic collision), so that where the mass binds it is the heaviest few
 * fragments that are not made and the count of small ones keeps to the law. What is left of the mass is reported as
 * mass in fragments below the smallest length asked for. Reproducible: the same event, smallest length and seed give
 * the same fragments, in the order drawn.
 */
public final class BreakupModel {

    /** What breaks up: its mass, its characteristic length (the largest fragment possible), and its kind. */
    public record Parent(double massKg, double lengthM, boolean rocketBody) implements java.io.Serializable {
        public Parent {
            if (!(massKg > 0) || !(lengthM > 0)) {
                throw new IllegalArgumentException("a parent needs a positive mass and length");
            }
        }

        /** The model's density law (ρ = 92.937 Lc^-0.74 kg/m³ for a sphere of diameter Lc), solved for Lc. */
        public static double lengthFromMass(double massKg) {
            return Math.pow(6 * massKg / (92.937 * Math.PI), 1 / 2.26);
        }
    }

    /** An explosion or a collision. */
    public sealed interface Event extends java.io.Serializable {
        Parent parent();
    }

    /** An explosion; {@code scale} is the model's S (1 for a typical upper stage). */
    public record Explosion(Parent parent, double scale) implements Event {
    }

    /** A collision of a projectile ({@code projectileMassKg}) with the parent at {@code impactSpeedKmS}. */
    public record Collision(Parent parent, double projectileMassKg, double impactSpeedKmS) implements Event {

        /** The projectile's kinetic energy over the target's mass, J/g. */
        public double specificEnergyJPerG() {
            double v = impactSpeedKmS * 1000;
            return 0.5 * projectileMassKg * v * v / parent.massKg() / 1000;
        }

        public boolean catastrophic() {
            return specificEnergyJPerG() >= 40;
        }
    }

    /** One fragment: characteristic length, area-to-mass ratio, area, mass, and its Δv from the parent (m/s). */
    public record Fragment(double lengthM, double areaToMass, double areaM2, double massKg, Vector3D deltaV) {
    }

    /**
     * The fragments made, the mass broken up and the part of it not in them (in fragments smaller than the smallest
     * length asked for), and the survivor: in a collision that is not catastrophic the target is cratered and stays
     * one body of {@code survivorKg} (0 when it is broken up whole).
     */
    public record Cloud(List<Fragment> fragments, double massBrokenKg, double massBelowMinimumKg, double survivorKg) {
        public double fragmentMassKg() {
            return fragments.stream().mapToDouble(Fragment::massKg).sum();
        }
    }

    /** The largest count factor taken: beyond it the model is not being calibrated but replaced. */
    public static final double MAX_COUNT_FACTOR = 10;

    private BreakupModel() {
    }

    /** The model's expected number of fragments at least {@code lengthM} long. */
    public static double cumulativeCount(Event event, double lengthM) {
        return switch (event) {
            case Explosion e -> 6 * e.scale() * Math.pow(lengthM, -1.6);
            case Collision c -> 0.1 * Math.pow(collisionMass(c), 0.75) * Math.pow(lengthM, -1.71);
        };
    }

    /** The model's M: both masses when catastrophic, else the projectile's mass times the impact speed (km/s) squared. */
    static double collisionMass(Collision c) {
        return c.catastrophic() ? c.parent().massKg() + c.projectileMassKg()
                : c.projectileMassKg() * c.impactSpeedKmS() * c.impactSpeedKmS();
    }

    /** The exponent of the power law of sizes: the cumulative count's, less one. */
    static double sizeExponent(Event event) {
        return event instanceof Explosion ? -2.6 : -2.71;
    }

    /**
     * The mass that breaks up: an exploding object's; in a catastrophic collision both objects'; in one that is not,
     * the model's M (the projectile's mass times the impact speed squared, kg and km/s), the ejecta of the crater, at
     * most both masses: the rest of the target survives as one body.
     */
    static double massBroken(Event event) {
        return switch (event) {
            case Explosion e -> e.parent().massKg();
            case Collision c -> c.catastrophic() ? c.parent().massKg() + c.projectileMassKg()
                    : Math.min(collisionMass(c), c.parent().massKg() + c.projectileMassKg());
        };
    }

    /** The fragments of an event, at least {@code minLengthM} long, drawn with {@code seed}, as many as the law says. */
    public static Cloud breakUp(Event event, double minLengthM, long seed) {
        return breakUp(event, minLengthM, seed, 1);
    }

    /**
     * The fragments of an event with the law's count scaled by {@code countFactor} (a calibration to a known event:
     * Fengyun-1C made about four times what the law allows for its mass, Cosmos 1408 about what it allows).
     */
    public static Cloud breakUp(Event event, double minLengthM, long seed, double countFactor) {
        double maxLength = event.parent().lengthM();
        if (!(minLengthM > 0) || minLengthM >= maxLength) {
            throw new IllegalArgumentException("the smallest fragment must be shorter than the parent (" + maxLength + " m)");
        }
        if (!(countFactor > 0) || countFactor > MAX_COUNT_FACTOR) {
            throw new IllegalArgumentException("a count factor is above 0 and at most " + MAX_COUNT_FACTOR);
        }
        long count = Math.round(countFactor * (cumulativeCount(event, minLengthM) - cumulativeCount(event, maxLength)));
        if (count > 10_000_000) {
            throw new IllegalArgumentException("the model makes " + count + " fragments of at least " + minLengthM
                    + " m; ask for a larger smallest length");
        }
        RandomGenerator random = new Well19937c(seed);
        boolean explosion = event instanceof Explosion;
        boolean rocketBody = event.parent().rocketBody();
        double budget = massBroken(event);
        List<Fragment> drawn = new ArrayList<>();
        for (long k = 0; k < count; k++) {
            double length = powerLaw(random.nextDouble(), minLengthM, maxLength, sizeExponent(event));
            double chi = AreaToMass.sample(length, rocketBody, random);
            double areaToMass = Math.pow(10, chi);
            double area = area(length);
            Vector3D dv = direction(random).scalarMultiply(deltaV(chi, explosion, random));
            drawn.add(new Fragment(length, areaToMass, area, area / areaToMass, dv));
        }
        // the lightest first: where the drawn mass exceeds the budget, the heaviest fragments are the ones not made
        double[] masses = drawn.stream().mapToDouble(Fragment::massKg).sorted().toArray();
        double used = 0;
        double heaviestMade = 0;
        for (double m : masses) {
            if (used + m > budget) {
                break;
            }
            used += m;
            heaviestMade = m;
        }
        double limit = heaviestMade;
        int made = (int) Arrays.stream(masses).filter(m -> m <= limit).count();
        List<Fragment> out = new ArrayList<>(made);
        for (Fragment f : drawn) {
            if (f.massKg() <= limit && out.size() < made) {
                out.add(f);
            }
        }
        double inFragments = out.stream().mapToDouble(Fragment::massKg).sum();
        double whole = event instanceof Collision c ? c.parent().massKg() + c.projectileMassKg() : event.parent().massKg();
        return new Cloud(List.copyOf(out), budget, budget - inFragments, whole - budget);
    }

    /** A length from the power law {@code pdf ∝ L^exponent} on [min, max], by inverting its distribution at {@code u}. */
    static double powerLaw(double u, double min, double max, double exponent) {
        double e = exponent + 1;
        return Math.pow((Math.pow(max, e) - Math.pow(min, e)) * u + Math.pow(min, e), 1 / e);
    }

    /** The published fits of area to characteristic length (m², m). */
    public static double area(double lengthM) {
        return lengthM < 0.00167 ? 0.540424 * lengthM * lengthM : 0.556945 * Math.pow(lengthM, 2.0047077);
    }

    /** An ejection speed (m/s) for a fragment of {@code log10(A/m)} = chi. */
    static double deltaV(double chi, boolean explosion, RandomGenerator random) {
        double mean = explosion ? 0.2 * chi + 1.85 : 0.9 * chi + 2.9;
        return Math.pow(10, mean + 0.4 * random.nextGaussian());
    }

    /** A direction uniform over the sphere. */
    static Vector3D direction(RandomGenerator random) {
        double z = 2 * random.nextDouble() - 1;
        double phi = 2 * Math.PI * random.nextDouble();
        double r = Math.sqrt(1 - z * z);
        return new Vector3D(r * Math.cos(phi), r * Math.sin(phi), z);
    }
}
