package org.spacettx.orbit.breakup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.data.OrekitData;

/**
 * A Monte Carlo study of one breakup's risk to chosen assets: each realisation draws the cloud with its own seed (the
 * NASA Standard Breakup Model), flies the fragments in orbit and screens them against the assets alone over the span;
 * for each asset, its approaches, the closest, and the probability that some fragment has hit it by the end
 * ({@code 1 - Π(1 - p)} under the stated {@link CollisionProbability}). The spread over realisations is the model's
 * own uncertainty about the event.
 *
 * @param firstNorad the fragments' catalog numbers start here (clear of the assets')
 */
public final class BreakupStudy {

    /** What is broken up, when, how, down to what size; and the screening: until when, within what distance. */
    public record Spec(ElementSet parent, Instant time, BreakupModel.Event event, double minSizeM, int firstNorad, Instant until,
                       double thresholdKm, CollisionProbability probability) implements java.io.Serializable {
        public Spec {
            if (!until.isAfter(time)) {
                throw new IllegalArgumentException("the study's span must end after the breakup");
            }
        }
    }

    /** One asset in one realisation: approaches below the threshold, the closest (km; NaN if none), the cumulative probability. */
    public record Exposure(long seed, int asset, int fragmentsInOrbit, int approaches, double closestKm, double cumulativeProbability)
            implements java.io.Serializable {
    }

    private BreakupStudy() {
    }

    /** One realisation (seed {@code seed}): every asset's exposure, in the assets' order. */
    public static List<Exposure> realise(Spec spec, List<ElementSet> assets, long seed, OrekitData data) {
        BreakupModel.Cloud cloud = BreakupModel.breakUp(spec.event(), spec.minSizeM(), seed);
        List<ElementSet> fragments = FragmentElements.of(spec.parent(), spec.time(), cloud, spec.firstNorad(), data).elementSets();
        Map<Integer, int[]> counts = new HashMap<>();
        Map<Integer, double[]> closest = new HashMap<>();
        Map<Integer, Double> missed = new HashMap<>();
        if (!fragments.isEmpty()) {
            List<ElementSet> catalog = new ArrayList<>(assets);
            catalog.addAll(fragments);
            Set<Integer> primaries = new HashSet<>();
            fragments.forEach(f -> primaries.add(f.noradId()));
            Screening.Request request = new Screening.Request(spec.time(), spec.until(), spec.thresholdKm(), primaries, 60, 1,
                    Screening.Propagator.FAST, spec.probability(), true);
            for (Conjunction c : Screening.run(catalog, request, data, null).conjunctions()) {
                counts.computeIfAbsent(c.noradB(), k -> new int[1])[0]++;
                closest.merge(c.noradB(), new double[] {c.missKm()}, (a, b) -> a[0] <= b[0] ? a : b);
                if (c.hasProbability()) {
                    missed.merge(c.noradB(), 1 - c.probability(), (a, b) -> a * b);
                }
            }
        }
        List<Exposure> out = new ArrayList<>();
        for (ElementSet a : assets) {
            int n = counts.getOrDefault(a.noradId(), new int[1])[0];
            out.add(new Exposure(seed, a.noradId(), fragments.size(), n, n == 0 ? Double.NaN : closest.get(a.noradId())[0],
                    spec.probability() == null ? Double.NaN : 1 - missed.getOrDefault(a.noradId(), 1.0)));
        }
        return out;
    }
}
