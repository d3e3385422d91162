package org.spacettx.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.breakup.BreakupStudy;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.data.OrekitData;

/**
 * A Monte Carlo breakup study on Spark gives, realisation for realisation, what the realisations give run one after
 * the other: an 800 kg explosion in the 2026-06-10 LEO snapshot, fragments of 10 cm and more screened for 12 h against
 * 40 objects of the parent's shell, four seeds in two tasks.
 */
@Tag("slow")
class SparkBreakupStudyTest {

    @Test
    void theRealisationsOnSparkAreTheRealisationsOnOneMachine() {
        OrekitData data = OrekitData.standard();
        Catalog catalog = LeoSnapshot.load();
        ElementSet parent = catalog.all().stream().filter(e -> e.meanMotion() > 15.1 && e.meanMotion() < 15.3 && e.inclinationDeg() > 97)
                .findFirst().orElseThrow();
        List<ElementSet> assets = catalog.all().stream().filter(e -> e.noradId() != parent.noradId()
                && Math.abs(e.meanMotion() - parent.meanMotion()) < 0.05 && Math.abs(e.inclinationDeg() - parent.inclinationDeg()) < 1)
                .limit(40).toList();
        Instant time = catalog.latestEpoch().orElseThrow();
        BreakupStudy.Spec spec = new BreakupStudy.Spec(parent, time,
                new BreakupModel.Explosion(new BreakupModel.Parent(800, BreakupModel.Parent.lengthFromMass(800), false), 1), 0.1,
                300_000, time.plusSeconds(12 * 3600), 20, new CollisionProbability(0.005, 0.1, 0.5, 0.1));
        List<Long> seeds = List.of(1L, 2L, 3L, 4L);
        List<BreakupStudy.Exposure> local = new ArrayList<>();
        for (long seed : seeds) {
            local.addAll(BreakupStudy.realise(spec, assets, seed, data));
        }
        JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("spacettx-study-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        try {
            List<BreakupStudy.Exposure> onSpark = SparkBreakupStudy.run(spark, spec, assets, seeds, 2);
            assertThat(onSpark).isEqualTo(local);
        } finally {
            spark.stop();
        }
        // the command line's way in: the engine found by name on the class path
        org.spacettx.orbit.breakup.StudyEngine engine = java.util.ServiceLoader.load(org.spacettx.orbit.breakup.StudyEngine.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(e -> e.name().equals("spark")).findFirst().orElseThrow();
        assertThat(engine.run(spec, assets, seeds, java.util.Map.of("master", "local[2]", "tasks", "4"))).isEqualTo(local);
        long exposed = local.stream().filter(e -> e.approaches() > 0).count();
        System.out.printf("%s broken up: %d assets x %d realisations, %d exposures with approaches below 20 km; fragments in orbit %s%n",
                parent.label(), assets.size(), seeds.size(), exposed, local.stream().map(BreakupStudy.Exposure::fragmentsInOrbit).distinct().toList());
        assertThat(assets).hasSize(40);
        assertThat(exposed).isPositive();
        // the realisations differ: the model's own spread
        assertThat(local.stream().map(BreakupStudy.Exposure::fragmentsInOrbit).distinct().count()).isGreaterThan(1);
    }
}
