package org.spacettx.bench;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.spacettx.orbit.propagate.BatchSgp4;

/**
 * A JMH profiler that measures nothing: it reports, with each iteration of each fork, the vector width the kernel
 * runs at in that forked JVM (doubles per vector; 1 where it runs scalar), so that every figure carries its width.
 */
public final class VectorWidth implements InternalProfiler {

    /** The secondary result's label. */
    static final String LABEL = "kernel.lanes";

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        return List.of(new ScalarResult(LABEL, BatchSgp4.lanes(), "doubles", AggregationPolicy.MAX));
    }

    @Override
    public String getDescription() {
        return "the SGP4 kernel's vector width in this JVM";
    }
}
