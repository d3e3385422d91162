package org.spacettx.orbit.breakup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The NASA Standard Breakup Model against its own published laws, on large samples: the power law of sizes, the
 * area-to-mass law of each size class and kind of parent (Kolmogorov-Smirnov, and the mixture's mean computed by
 * hand from the published parameters), the ejection speeds, isotropy, the fragment counts, mass conservation,
 * reproducibility by seed. Tolerances are statistical: a KS distance below its 0.1 % critical value
 * (1.95 / sqrt(n)), a mean within 4.5 standard errors; all draws are seeded, so the test is deterministic.
 */
class BreakupModelTest {

    /** The Kolmogorov-Smirnov distance between a sample and a distribution function. */
    static double ks(double[] sample, DoubleUnaryOperator cdf) {
        double[] x = sample.clone();
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) i / x.length), Math.abs(f - (double) (i + 1) / x.length)));
        }
        return d;
    }

    static double critical(int n) {
        return 1.95 / Math.sqrt(n);
    }

    @Test
    void areaToMassFollowsThePublishedLawForEverySizeClass() {
        Well19937c random = new Well19937c(42);
        int n = 20_000;
        for (boolean rocketBody : new boolean[] {true, false}) {
            for (double length : new double[] {0.002, 0.03, 0.08, 0.095, 0.11, 0.3, 1.0, 4.0}) {
                double[] chi = new double[n];
                for (int i = 0; i < n; i++) {
                    chi[i] = AreaToMass.sample(length, rocketBody, random);
                }
                assertThat(ks(chi, c -> AreaToMass.cdf(c, length, rocketBody))).as("%s %.3f m", rocketBody ? "R/B" : "S/C", length)
                        .isLessThan(critical(n));
            }
        }
    }

    @Test
    void theMixtureMeanIsTheOneThePublishedParametersGive() {
        // spacecraft, Lc = 1 m (λ = 0): α = 0.3 + 0.4 × 1.2 = 0.78, μ1 = -0.95, μ2 = -2.0, σ1 = σ2 = 0.3
        // mean = 0.78 × -0.95 + 0.22 × -2.0 = -1.181; variance = 0.3² + 0.78 × 0.22 × 1.05² = 0.27919
        assertMean(1.0, false, -1.181, Math.sqrt(0.27919));
        // rocket body, Lc = 1 m: α = 0.5, μ1 = μ2 = -0.9, σ1 = 0.55, σ2 = 0.1: mean -0.9, variance (0.3025 + 0.01) / 2
        assertMean(1.0, true, -0.9, Math.sqrt((0.3025 + 0.01) / 2));
        // small debris, Lc = 1 cm (λ = -2): μ = -0.3, σ = 0.2 + 0.1333 × 1.5 = 0.39995
        assertMean(0.01, false, -0.3, 0.39995);
    }

    static void assertMean(double length, boolean rocketBody, double mean, double sd) {
        Well19937c random = new Well19937c(7);
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double chi = AreaToMass.sample(length, rocketBody, random);
            sum += chi;
            squares += chi * chi;
        }
        double m = sum / n;
        assertThat(m).isCloseTo(mean, within(4.5 * sd / Math.sqrt(n)));
        assertThat(Math.sqrt(squares / n - m * m)).isCloseTo(sd, within(0.01 * sd + 4.5 * sd / Math.sqrt(2.0 * n)));
    }

    static final BreakupModel.Parent STAGE = new BreakupModel.Parent(1e6, 5.0, true); // mass that never binds

    @Test
    void sizesFollowThePowerLawAndTheCountsTheCumulativeLaw() {
        BreakupModel.Explosion explosion = new BreakupModel.Explosion(STAGE, 1.0);
        BreakupModel.Cloud cloud = BreakupModel.breakUp(explosion, 0.01, 3);
        double expected = BreakupModel.cumulativeCount(explosion, 0.01) - BreakupModel.cumulativeCount(explosion, 5.0);
        assertThat(cloud.fragments()).hasSize((int) Math.round(expected));
        assertThat(expected).as("6 × 0.01^-1.6 less the few above 5 m").isCloseTo(6 * Math.pow(0.01, -1.6), within(1.0));
        double[] lengths = cloud.fragments().stream().mapToDouble(BreakupModel.Fragment::lengthM).toArray();
        double a = Math.pow(0.01, -1.6);
        double b = Math.pow(5.0, -1.6);
        assertThat(ks(lengths, l -> (a - Math.pow(l, -1.6)) / (a - b))).isLessThan(critical(lengths.length));
        // the share at least 10 cm long: N(0.1) / N(0.01) of the cumulative law, within 4.5 binomial standard errors
        long large = Arrays.stream(lengths).filter(l -> l >= 0.1).count();
        double p = (Math.pow(0.1, -1.6) - b) / (a - b);
        assertThat((double) large).isCloseTo(p * lengths.length, within(4.5 * Math.sqrt(lengths.length * p * (1 - p))));
    }

    @Test
    void ejectionSpeedsFollowTheirLawInEveryDirection() {
        BreakupModel.Cloud collision = BreakupModel.breakUp(new BreakupModel.Collision(new BreakupModel.Parent(1e6, 4.0, false), 1000, 10), 0.05, 11);
        BreakupModel.Cloud explosion = BreakupModel.breakUp(new BreakupModel.Explosion(STAGE, 3.0), 0.005, 12);
        for (var c : List.of(collision, explosion)) {
            boolean isExplosion = c == explosion;
            double[] residual = c.fragments().stream().mapToDouble(f -> (Math.log10(f.deltaV().getNorm())
                    - (isExplosion ? 0.2 * Math.log10(f.areaToMass()) + 1.85 : 0.9 * Math.log10(f.areaToMass()) + 2.9)) / 0.4).toArray();
            assertThat(ks(residual, z -> 0.5 * (1 + org.hipparchus.special.Erf.erf(z / Math.sqrt(2))))).isLessThan(critical(residual.length));
            double mx = c.fragments().stream().mapToDouble(f -> f.deltaV().normalize().getX()).average().orElseThrow();
            double mz2 = c.fragments().stream().mapToDouble(f -> Math.pow(f.deltaV().normalize().getZ(), 2)).average().orElseThrow();
            int n = c.fragments().size();
            assertThat(mx).isCloseTo(0, within(4.5 * Math.sqrt(1.0 / 3 / n)));
            assertThat(mz2).isCloseTo(1.0 / 3, within(4.5 * Math.sqrt(4.0 / 45 / n)));
        }
    }

    @Test
    void massIsConservedAndAnAsatIsCatastrophic() {
        // a 20 kg kill vehicle at 10 km/s on a 1,750 kg satellite: 571 J/g, far above the 40 J/g threshold
        BreakupModel.Collision asat = new BreakupModel.Collision(new BreakupModel.Parent(1750, 6.0, false), 20, 10);
        assertThat(asat.specificEnergyJPerG()).isCloseTo(571.43, within(0.01));
        assertThat(asat.catastrophic()).isTrue();
        assertThat(BreakupModel.collisionMass(asat)).isEqualTo(1770);
        BreakupModel.Cloud cloud = BreakupModel.breakUp(asat, 0.1, 2021);
        assertThat(cloud.massBrokenKg()).isEqualTo(1770);
        assertThat(cloud.fragmentMassKg()).isLessThanOrEqualTo(1770);
        assertThat(cloud.fragmentMassKg() + cloud.massBelowMinimumKg()).isCloseTo(1770, within(1e-6));
        // 0.1 × 1770^0.75 × 0.1^-1.71 ≈ 1,370 at least 10 cm (less the few above 6 m), less the heaviest the mass cannot make
        double law = BreakupModel.cumulativeCount(asat, 0.1) - BreakupModel.cumulativeCount(asat, 6.0);
        assertThat(cloud.fragments().size()).isBetween((int) (0.98 * law), (int) Math.round(law));
        // a glancing blow is not catastrophic: M is the projectile's mass times the speed squared
        BreakupModel.Collision glancing = new BreakupModel.Collision(new BreakupModel.Parent(1750, 6.0, false), 0.01, 10);
        assertThat(glancing.catastrophic()).isFalse();
        assertThat(BreakupModel.collisionMass(glancing)).isCloseTo(1.0, within(1e-12));
        // its ejecta are M (1 kg here); the target, cratered, survives as one body with the rest
        assertThat(BreakupModel.massBroken(glancing)).isCloseTo(1.0, within(1e-12));
        BreakupModel.Cloud crater = BreakupModel.breakUp(glancing, 0.01, 7);
        assertThat(crater.massBrokenKg()).isCloseTo(1.0, within(1e-12));
        assertThat(crater.survivorKg()).isCloseTo(1750.01 - 1.0, within(1e-9));
        assertThat(crater.fragmentMassKg() + crater.massBelowMinimumKg()).isCloseTo(1.0, within(1e-9));
        assertThat(cloud.survivorKg()).as("a catastrophic collision leaves no survivor").isZero();
    }

    @Test
    void aCountFactorScalesTheLawsCount() {
        // an explosion of a parent so heavy that its mass never binds: every fragment the law asks for is made
        BreakupModel.Explosion asat = new BreakupModel.Explosion(new BreakupModel.Parent(1e9, 4.0, false), 1.0);
        int once = BreakupModel.breakUp(asat, 0.1, 5).fragments().size();
        int thrice = BreakupModel.breakUp(asat, 0.1, 5, 3).fragments().size();
        double law = BreakupModel.cumulativeCount(asat, 0.1) - BreakupModel.cumulativeCount(asat, 4.0);
        assertThat(once).isEqualTo((int) Math.round(law));
        assertThat(thrice).isEqualTo((int) Math.round(3 * law));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BreakupModel.breakUp(asat, 0.1, 5, 0))
                .hasMessageContaining("count factor");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BreakupModel.breakUp(asat, 0.1, 5, 11))
                .hasMessageContaining("at most 10");
    }

    @Test
    void whereTheMassBindsTheHeaviestFragmentsAreTheOnesNotMade() {
        // an explosion's count does not depend on the mass: the same draws, once with mass that never binds
        BreakupModel.Parent heavy = new BreakupModel.Parent(1e9, 4.0, false);
        for (long seed = 1; seed <= 20; seed++) {
            List<BreakupModel.Fragment> all = BreakupModel.breakUp(new BreakupModel.Explosion(heavy, 1.0), 0.05, seed).fragments();
            double drawn = all.stream().mapToDouble(BreakupModel.Fragment::massKg).sum();
            double budget = 0.6 * drawn;
            BreakupModel.Cloud cloud = BreakupModel.breakUp(new BreakupModel.Explosion(new BreakupModel.Parent(budget, 4.0, false), 1.0), 0.05, seed);
            List<BreakupModel.Fragment> made = cloud.fragments();
            assertThat(all).containsSubsequence(made);
            double heaviestMade = made.stream().mapToDouble(BreakupModel.Fragment::massKg).max().orElseThrow();
            List<BreakupModel.Fragment> notMade = all.stream().filter(f -> !made.contains(f)).toList();
            assertThat(notMade).isNotEmpty().allSatisfy(f -> assertThat(f.massKg()).isGreaterThan(heaviestMade));
            assertThat(cloud.fragmentMassKg()).isLessThanOrEqualTo(budget)
                    .isGreaterThan(budget - notMade.stream().mapToDouble(BreakupModel.Fragment::massKg).min().orElseThrow());
            // the mass is carried by a few large pieces: the count keeps to the law within a few per cent
            assertThat(made.size()).as("seed %d", seed).isGreaterThan((int) (0.95 * all.size()));
        }
    }

    @Test
    void theSameSeedGivesTheSameCloudAndBadInputIsRefused() {
        BreakupModel.Explosion e = new BreakupModel.Explosion(new BreakupModel.Parent(1400, 8.0, true), 1.0);
        assertThat(BreakupModel.breakUp(e, 0.05, 5)).isEqualTo(BreakupModel.breakUp(e, 0.05, 5));
        assertThat(BreakupModel.breakUp(e, 0.05, 5)).isNotEqualTo(BreakupModel.breakUp(e, 0.05, 6));
        assertThatThrownBy(() -> BreakupModel.breakUp(e, 9.0, 1)).hasMessageContaining("shorter than the parent");
        assertThatThrownBy(() -> BreakupModel.breakUp(e, 1e-6, 1)).hasMessageContaining("ask for a larger smallest length");
        assertThatThrownBy(() -> new BreakupModel.Parent(0, 1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
