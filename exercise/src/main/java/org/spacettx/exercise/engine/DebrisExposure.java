package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.spacettx.exercise.scenario.Breakup;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.CloseApproachFinder;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.SegmentedScreening;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * What a breakup's fragments do to one object: their close approaches to it from {@code from} to {@code to} (the
 * fragments screened against the object alone, not against each other, on the object's element sets as it
 * manoeuvres) and, when a probability model is given, the cumulative probability that one of them hits it,
 * {@code 1 - Π(1 - p_i)} over the approaches so far.
 *
 * @param cumulative after each approach, the cumulative probability up to it (empty without a probability model)
 */
public record DebrisExposure(Breakup breakup, SpaceObject object, List<Conjunction> approaches, List<Double> cumulative) {

    public DebrisExposure {
        approaches = List.copyOf(approaches);
        cumulative = List.copyOf(cumulative);
    }

    /**
     * @param probability assumed uncertainties and hard-body radius, or null for approaches alone
     */
    public static DebrisExposure compute(Breakup breakup, SpaceObject object, Instant from, Instant to, double thresholdKm,
                                         CollisionProbability probability, OrekitData data) {
        Instant start = from.isAfter(breakup.time()) ? from : breakup.time();
        if (breakup.fragments().isEmpty() || !start.isBefore(to)) {
            return new DebrisExposure(breakup, object, List.of(), List.of());
        }
        List<List<ElementSet>> objects = new ArrayList<>();
        Set<Integer> fragments = new HashSet<>();
        for (ElementSet f : breakup.fragments()) {
            objects.add(List.of(f));
            fragments.add(f.noradId());
        }
        objects.add(object.segments());
        List<Conjunction> found = SegmentedScreening.run(objects, new Screening.Request(start, to, thresholdKm, fragments, 60,
                Runtime.getRuntime().availableProcessors(), Screening.Propagator.FAST, probability, true), data);
        List<Conjunction> approaches = found.stream().filter(c -> object.inOrbitAt(c.tca())).toList();
        List<Double> cumulative = new ArrayList<>();
        if (probability != null) {
            double miss = 1;
            for (Conjunction c : approaches) {
                miss *= 1 - c.probability();
                cumulative.add(1 - miss);
            }
        }
        return new DebrisExposure(breakup, object, approaches, cumulative);
    }

    /** The first approach within a distance. */
    public Optional<Conjunction> firstWithin(double km) {
        return approaches.stream().filter(c -> c.missKm() < km).findFirst();
    }

    /**
     * When a fragment first comes within a distance: on the first approach closer than that, the time before its
     * closest point when the distance falls through it ({@link CloseApproachFinder} on the two objects sampled from
     * {@code 2 km / speed} before the closest point, where the nearly straight relative motion is still farther).
     */
    public Optional<Instant> firstTimeWithin(double km, OrekitData data) {
        Optional<Conjunction> first = firstWithin(km);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Conjunction c = first.get();
        Sgp4 fragment = Sgp4.of(breakup.fragments().stream().filter(f -> f.noradId() == c.noradA()).findFirst().orElseThrow(), data);
        double lead = 2 * km / Math.max(c.relativeSpeedKmS(), 1e-3) + 1;
        Instant outside = c.tca().minusNanos(Math.round(lead * 1e9));
        Ephemerides pair = Ephemerides.sample(List.of(fragment, object.propagator(data)),
                outside.isBefore(breakup.time()) ? breakup.time() : outside, c.tca(), Duration.ofSeconds(10), 1, data);
        return CloseApproachFinder.first(pair, pair.objects().get(0), pair.objects().get(1), km * 1000, 0);
    }

    /** The time of the approach that first takes the cumulative probability above a level. */
    public Optional<Instant> firstAbove(double level) {
        for (int i = 0; i < cumulative.size(); i++) {
            if (cumulative.get(i) > level) {
                return Optional.of(approaches.get(i).tca());
            }
        }
        return Optional.empty();
    }

    /** The cumulative probability over the whole span screened (0 without approaches). */
    public double total() {
        return cumulative.isEmpty() ? 0 : cumulative.get(cumulative.size() - 1);
    }

    /**
     * The distance below which approaches are screened for a probability with this 1-sigma uncertainty: twelve
     * sigmas (at least 1 km), where the Gaussian of two such objects leaves under 1e-15 of its mass.
     */
    public static double screeningDistanceKm(double sigmaKm) {
        return Math.max(1.0, 12 * sigmaKm);
    }
}
