package org.spacettx.spark;

import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.conjunction.ScreeningEngine;

/**
 * {@code spacettx screen --engine spark}: the screening on the Spark cluster named by {@code master} (local[N],
 * spark://HOST:PORT, yarn; under spark-submit, the one it was submitted to), in {@code tasks} tasks (default: twice the
 * cluster's default parallelism).
 */
public final class SparkEngine implements ScreeningEngine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<Conjunction> run(List<ElementSet> catalog, Screening.Request request, Map<String, String> options) {
        return onSpark("spacettx screen", options, (spark, tasks) -> SparkScreening.run(spark, catalog, request, tasks).conjunctions());
    }

    /** A Spark context of the master asked for (or spark-submit's), a job on it, the context stopped after. */
    static <T> T onSpark(String name, Map<String, String> options, java.util.function.BiFunction<JavaSparkContext, Integer, T> job) {
        SparkConf conf = new SparkConf().setAppName(name).set("spark.ui.enabled", "false");
        if (options.containsKey("master")) {
            conf.setMaster(options.get("master"));
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--master: where Spark runs (local[2], spark://HOST:PORT, yarn), unless spark-submit says");
        }
        SparkContext context = SparkContext.getOrCreate(conf);
        try {
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(context);
            int tasks = options.containsKey("tasks") ? Integer.parseInt(options.get("tasks")) : 2 * spark.defaultParallelism();
            return job.apply(spark, tasks);
        } finally {
            context.stop();
        }
    }
}
