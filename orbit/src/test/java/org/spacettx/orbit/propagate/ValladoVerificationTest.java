package org.spacettx.orbit.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.TleFormat;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Vallado et al. (2006) verification set: our SGP4 path (Orekit plus the reference stop conditions and eccentricity
 * clamp, see {@code GuardedSdp4}) against the reference C++ output {@code tcppver.out}.
 *
 * <p>Tolerance: 5e-6 km (5 mm) in position and 5e-9 km/s in velocity, on every row the reference prints, except
 * the two cases in {@link #KNOWN_DIFFERENCES}. The reference prints 8 decimals (1e-8 km); the reference C++ and
 * python-sgp4 agree to 2e-7 km. Orekit is a separate Java translation with a different order of operations; its
 * worst rows are 2.0e-6 km (26900, nine days of 24-hour resonance integration) and 1.6e-6 km / 2.2e-9 km/s (29141,
 * the last minutes before decay). 5 mm is six orders of magnitude below the error of any element set, so a real
 * algorithmic difference cannot hide under it.
 */
class ValladoVerificationTest {

    static final double POSITION_TOLERANCE_KM = 5e-6;
    static final double VELOCITY_TOLERANCE_KM_S = 5e-9;

    /**
     * Cases where Orekit's SDP4 departs from the reference, by first time (minutes since epoch) of departure; both
     * are deliberate edge cases of the set, and every other row must agree.
     * <ul>
     * <li>The second 20413 (3.5 years past its epoch) differs by up to 26,000 km. By then its mean inclination has
     * drifted through zero to −0.27 rad. The reference's {@code dpper} chooses the Lyddane form of the luni-solar
     * periodics on the signed inclination (below 0.2 rad, so any negative one); Orekit tests its absolute value and
     * applies them directly. The choice happens inside Orekit's private code.</li>
     * <li>33333 (e = 0.995: perigee 130 km from the Earth's centre; the reference stops at 25 minutes with error 4)
     * differs from 5 minutes on by 40 km to 2,700 km. Not the Kepler solver (both converge to the same root). At
     * 5 minutes the osculating node and perigee differ by 0.03° and 0.1° while the node has already moved 9°: with
     * the perigee that deep, J2's secular and periodic terms are enormous and small differences of formulation
     * show. The exact term is not found yet.</li>
     * </ul>
     * The test pins both so that any change, for better or worse, is noticed.
     */
    static final Map<String, Double> KNOWN_DIFFERENCES = Map.of("33333", 5.0, "20413@1844000", 1844000.0);

    static String key(Case c) {
        return c.elements().noradId() + (c.start() > 1e6 ? "@" + (long) c.start() : "");
    }

    record Case(ElementSet elements, double start, double stop, double step, List<double[]> rows) {
        /**
         * The time at which the reference stopped with an error, or NaN when it ran to the end. The reference driver
         * prints the state at the epoch unconditionally, then runs its loop from {@code start} and stops at the
         * first error: a case with only that first row stopped at {@code start}.
         */
        double stopTsince() {
            double next = rows.size() == 1 ? start : rows.get(rows.size() - 1)[0] + step;
            return next <= stop + 1e-9 ? next : Double.NaN;
        }

        /** Rows that are real results: all but an epoch row printed by a case that then failed at once. */
        List<double[]> validRows() {
            return rows.size() == 1 && stopTsince() == 0.0 ? List.of() : rows;
        }
    }

    static List<Case> cases;

    @BeforeAll
    static void load() throws IOException {
        List<String> tle = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> all = Files.readAllLines(SharedData.path("sgp4-verification/SGP4-VER.TLE"));
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).stripTrailing();
            if (!line.isEmpty() && !line.startsWith("#")) {
                tle.add(line);
                lineNumbers.add(i + 1);
            }
        }
        Map<Integer, List<double[]>> blocks = new LinkedHashMap<>();
        List<List<double[]>> ordered = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.path("sgp4-verification/tcppver.out"))) {
            String[] f = line.trim().split("\\s+");
            if (line.trim().endsWith("xx")) {
                List<double[]> rows = new ArrayList<>();
                ordered.add(rows);
                blocks.put(ordered.size(), rows);
            } else if (f.length >= 7) {
                double[] row = new double[7];
                for (int k = 0; k < 7; k++) {
                    row[k] = Double.parseDouble(f[k]);
                }
                ordered.get(ordered.size() - 1).add(row);
            }
        }
        cases = new ArrayList<>();
        for (int k = 0; k < tle.size() / 2; k++) {
            String line1 = tle.get(2 * k);
            String line2 = tle.get(2 * k + 1);
            ElementSet e = TleFormat.parse("", line1, line2.substring(0, 69),
                    new SourceLocation("SGP4-VER.TLE", lineNumbers.get(2 * k)), TleFormat.Checksum.IGNORE);
            String[] range = line2.substring(69).trim().split("\\s+");
            cases.add(new Case(e, Double.parseDouble(range[0]), Double.parseDouble(range[1]),
                    Double.parseDouble(range[2]), ordered.get(k)));
        }
        assertThat(cases).hasSize(33);
    }

    @Test
    void everyReferenceRowAgrees() {
        int rows = 0;
        double worstPosition = 0;
        double worstVelocity = 0;
        StringBuilder report = new StringBuilder();
        for (Case c : cases) {
            Sgp4 sgp4 = Sgp4.of(c.elements(), OrekitData.standard());
            double casePosition = 0;
            double caseVelocity = 0;
            Double departure = KNOWN_DIFFERENCES.get(key(c));
            for (double[] row : c.validRows()) {
                if (departure != null && row[0] >= departure) {
                    continue;
                }
                CartesianState s = sgp4.temeAtMinutes(row[0]);
                double dp = Math.max(Math.abs(s.xKm() - row[1]), Math.max(Math.abs(s.yKm() - row[2]), Math.abs(s.zKm() - row[3])));
                double dv = Math.max(Math.abs(s.vxKmS() - row[4]), Math.max(Math.abs(s.vyKmS() - row[5]), Math.abs(s.vzKmS() - row[6])));
                casePosition = Math.max(casePosition, dp);
                caseVelocity = Math.max(caseVelocity, dv);
                rows++;
            }
            report.append(String.format("%6d %-4s rows=%3d  dpos=%.2e km  dvel=%.2e km/s%n", c.elements().noradId(),
                    sgp4.isDeepSpace() ? "SDP4" : "SGP4", c.rows().size(), casePosition, caseVelocity));
            worstPosition = Math.max(worstPosition, casePosition);
            worstVelocity = Math.max(worstVelocity, caseVelocity);
        }
        System.out.print(report);
        assertThat(rows).isEqualTo(666 - 4 - 69);
        assertThat(worstPosition).as(report.toString()).isLessThan(POSITION_TOLERANCE_KM);
        assertThat(worstVelocity).as(report.toString()).isLessThan(VELOCITY_TOLERANCE_KM_S);
    }

    @Test
    void knownDifferencesStillDiffer() {
        for (Case c : cases) {
            Double departure = KNOWN_DIFFERENCES.get(key(c));
            if (departure == null) {
                continue;
            }
            Sgp4 sgp4 = Sgp4.of(c.elements(), OrekitData.standard());
            double worst = 0;
            for (double[] row : c.validRows()) {
                if (row[0] >= departure) {
                    CartesianState s = sgp4.temeAtMinutes(row[0]);
                    worst = Math.max(worst, Math.abs(s.xKm() - row[1]) + Math.abs(s.yKm() - row[2]) + Math.abs(s.zKm() - row[3]));
                }
            }
            assertThat(worst).as("case %s now agrees: remove it from KNOWN_DIFFERENCES", key(c)).isGreaterThan(1.0);
        }
    }

    @Test
    void propagationStopsWhereTheReferenceStops() {
        List<Integer> codes = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        for (Case c : cases) {
            double next = c.stopTsince();
            if (Double.isNaN(next)) {
                continue;
            }
            Sgp4 sgp4;
            try {
                sgp4 = Sgp4.of(c.elements(), OrekitData.standard());
            } catch (PropagationException e) {
                codes.add(e.error().code());
                continue;
            }
            try {
                CartesianState state = sgp4.temeAtMinutes(next);
                stops.add(key(c) + " ran on at " + next + " (r = " + state.radiusKm() + " km)");
                codes.add(-1);
            } catch (PropagationException e) {
                stops.add(key(c) + " stopped at " + next + ": " + e.getMessage());
                codes.add(e.error().code());
            }
        }
        System.out.println("stops: " + String.join("\n", stops));
        // python-sgp4's test of the same file expects this sequence of reference error codes.
        assertThat(codes).as(String.join("\n", stops)).containsExactly(1, 1, 6, 6, 4, 3, 6);
    }
}
