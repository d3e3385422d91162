package org.spacettx.orbit.breakup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The model against the public record: the 2021 Cosmos 1408 and 2007 Fengyun-1C intercepts, their fragments of 10 cm
 * and more as the 2022-01-25 catalog lists them, against three draws of the model (a 20 kg interceptor at 8 km/s,
 * catastrophic either way). What holds and is asserted: the cloud's centre (median inclination and altitude);
 * Cosmos 1408's count (the model makes about 1,400 fragments of 10 cm and more; 1,215 were catalogued 68 days on);
 * Fengyun-1C's spread (interquartile ranges within a factor of two), and its count once scaled by the documented
 * count factor (3.2). What does not, printed for the record:
 * Fengyun-1C's count (the model's law gives about 840; 2,656 are still catalogued 15 years on: the event made three
 * times what the law allows for its mass) and Cosmos 1408's spread (two to three times the catalogued one in
 * inclination and altitude, with the model's ejection speeds, so that under SGP4 half the model's fragments have come
 * down after 68 days where the catalogued ones stayed up).
 */
@Tag("slow")
class BreakupRecordTest {

    static final OrekitData DATA = OrekitData.standard();
    static final double MU = 398600.8;
    static final double EARTH_KM = 6378.135;

    /** Medians and interquartile ranges: the catalogued clouds have tails (and the model more so) that a standard deviation follows. */
    record Spread(int count, double inclination, double inclinationIqr, double altitude, double altitudeIqr) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d objects, inclination %.2f deg (IQR %.2f), mean altitude %.0f km (IQR %.0f)", count,
                    inclination, inclinationIqr, altitude, altitudeIqr);
        }
    }

    static Spread spread(List<ElementSet> sets) {
        double[] inc = sets.stream().mapToDouble(ElementSet::inclinationDeg).sorted().toArray();
        double[] alt = sets.stream().mapToDouble(e -> Math.cbrt(MU / Math.pow(e.meanMotion() * 2 * Math.PI / 86400, 2)) - EARTH_KM)
                .sorted().toArray();
        return new Spread(sets.size(), quantile(inc, 0.5), quantile(inc, 0.75) - quantile(inc, 0.25), quantile(alt, 0.5),
                quantile(alt, 0.75) - quantile(alt, 0.25));
    }

    static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /**
     * The parent's catalogued elements are those after the event (the largest piece keeps the number), so the model
     * breaks it up at their epoch; for an event months old its fragments are flown as long as the real ones had
     * been when catalogued, and those SGP4 brings down are left out.
     */
    static void compare(String name, List<ElementSet> catalog, int parentNorad, Instant event, double parentMassKg, double countFactor,
                        boolean countAsCatalogued, boolean spreadAsCatalogued) {
        ElementSet parent = catalog.stream().filter(e -> e.noradId() == parentNorad).findFirst().orElseThrow();
        List<ElementSet> observed = catalog.stream().filter(e -> e.name().strip().equals(name + " DEB")).toList();
        Instant at = parent.epoch();
        java.time.Duration age = java.time.Duration.between(event, at);
        boolean fly = age.toDays() < 366;
        Spread real = spread(observed);
        for (long seed = 1; seed <= 3; seed++) {
            BreakupModel.Cloud cloud = BreakupModel.breakUp(new BreakupModel.Collision(new BreakupModel.Parent(parentMassKg,
                    BreakupModel.Parent.lengthFromMass(parentMassKg), false), 20, 8), 0.1, seed, countFactor);
            List<ElementSet> made = FragmentElements.of(parent, at, cloud, 500_000, DATA).elementSets();
            List<ElementSet> alive = !fly ? made : made.stream().filter(e -> {
                try {
                    Sgp4.of(e, DATA).teme(at.plus(age));
                    return true;
                } catch (PropagationException x) {
                    return false;
                }
            }).toList();
            System.out.printf(Locale.ROOT, "%s seed %d: %d fragments >= 10 cm made, %d in orbit, %d %s: %s%n", name, seed,
                    cloud.fragments().size(), made.size(), alive.size(), fly ? "still in orbit " + age.toDays() + " days on"
                            : "(not flown " + age.toDays() + " days)", spread(alive));
            Spread model = spread(alive);
            if (countAsCatalogued) {
                assertThat((double) cloud.fragments().size() / real.count()).as("%s seed %d: count made / catalogued", name, seed)
                        .isBetween(0.8, 1.5);
            }
            assertThat(model.inclination()).as("%s seed %d: median inclination", name, seed).isCloseTo(real.inclination(), within(0.15));
            assertThat(model.altitude()).as("%s seed %d: median altitude", name, seed).isCloseTo(real.altitude(), within(50.0));
            if (spreadAsCatalogued) {
                assertThat(model.inclinationIqr() / real.inclinationIqr()).as("%s seed %d: inclination IQR ratio", name, seed)
                        .isBetween(0.5, 2.0);
                assertThat(model.altitudeIqr() / real.altitudeIqr()).as("%s seed %d: altitude IQR ratio", name, seed).isBetween(0.5, 2.0);
            }
        }
        System.out.printf(Locale.ROOT, "%s catalogued %d days after the event: %s%n", name, age.toDays(), real);
    }

    @Test
    void cosmos1408AndFengyun1c() {
        List<ElementSet> catalog = CatalogReader.strict(DATA)
                .read(List.of(SharedData.path("catalog/spacetrack-3le-full-2022-01-25.txt"))).elementSets();
        compare("COSMOS 1408", catalog, 13552, Instant.parse("2021-11-15T02:47:00Z"), 1750, 1, true, false);
        compare("FENGYUN 1C", catalog, 25730, Instant.parse("2007-01-11T22:26:00Z"), 880, 1, false, true);
        // the documented calibration: a count factor of 3.2 (2,656 still catalogued over the law's ~840) makes the count
        compare("FENGYUN 1C", catalog, 25730, Instant.parse("2007-01-11T22:26:00Z"), 880, 3.2, true, true);
    }
}
