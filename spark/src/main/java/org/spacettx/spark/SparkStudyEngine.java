package org.spacettx.spark;

import java.util.List;
import java.util.Map;

import org.spacettx.orbit.breakup.BreakupStudy;
import org.spacettx.orbit.breakup.StudyEngine;
import org.spacettx.orbit.catalog.ElementSet;

/** {@code spacettx breakup-study --engine spark}: one Spark task per realisation ({@link SparkBreakupStudy}). */
public final class SparkStudyEngine implements StudyEngine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<BreakupStudy.Exposure> run(BreakupStudy.Spec spec, List<ElementSet> assets, List<Long> seeds, Map<String, String> options) {
        return SparkEngine.onSpark("spacettx breakup-study", options, (spark, tasks) -> SparkBreakupStudy.run(spark, spec, assets, seeds, tasks));
    }
}
