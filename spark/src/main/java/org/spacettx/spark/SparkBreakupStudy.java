package org.spacettx.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.spacettx.orbit.breakup.BreakupStudy;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;

/**
 * A breakup study's realisations as Spark tasks ({@link BreakupStudy}): one per seed, each drawing its cloud and
 * screening it against the assets on its executor; the exposures come back in seed and asset order, the same ones the
 * realisations give run one after the other on one machine.
 */
public final class SparkBreakupStudy {

    private SparkBreakupStudy() {
    }

    public static List<BreakupStudy.Exposure> run(JavaSparkContext spark, BreakupStudy.Spec spec, List<ElementSet> assets,
                                                  List<Long> seeds, int tasks) {
        List<ElementSet> shared = List.copyOf(assets);
        List<BreakupStudy.Exposure> out = new ArrayList<>(spark.parallelize(List.copyOf(seeds), Math.max(1, Math.min(tasks, seeds.size())))
                .flatMap(seed -> BreakupStudy.realise(spec, shared, seed, OrekitData.standard()).iterator()).collect());
        List<Integer> order = shared.stream().map(ElementSet::noradId).toList();
        out.sort(Comparator.comparingLong(BreakupStudy.Exposure::seed).thenComparingInt(e -> order.indexOf(e.asset())));
        return List.copyOf(out);
    }
}
