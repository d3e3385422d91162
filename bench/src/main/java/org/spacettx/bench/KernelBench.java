package org.spacettx.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spacettx bench kernel}: the JMH benchmark of the SGP4 kernel against Orekit ({@link KernelBenchmark}) in
 * several forked JVMs, then per fork its states per second, the vector width it ran at and its ratio to the Orekit
 * baseline of the same run, and whether every fork meets the target for its width.
 */
@Command(name = "bench kernel", mixinStandardHelpOptions = true, description = {
    "SGP4 throughput on one thread, the batch kernel against Orekit, by JMH in forked JVMs: per fork, states per",
    "second, the kernel's vector width in that JVM and the ratio to the Orekit baseline of the same run."})
public final class KernelBench implements Callable<Integer> {

    @Option(names = "--tle", required = true, paramLabel = "FILE", description = "The catalog (TLE or OMM).")
    Path catalog;

    @Option(names = "--objects", split = ",", defaultValue = "near-earth", paramLabel = "KIND[,KIND]",
            description = "near-earth, deep-space or both (default ${DEFAULT-VALUE}).")
    List<String> objects;

    @Option(names = "--limit", defaultValue = "0", description = "At most the first N objects of a kind (0: all).")
    int limit;

    @Option(names = "--forks", defaultValue = "5", description = "Forked JVMs per benchmark (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup", defaultValue = "4", description = "Warm-up iterations per fork (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations per fork (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seconds", defaultValue = "2", description = "Seconds per iteration (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = {
        "More for the forked JVMs, repeatable: -XX:UseAVX=2 runs an AVX-512 machine at AVX2's width,",
        "-Dspacettx.vector=false runs the kernel scalar."})
    List<String> jvmArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the table goes. */
    PrintStream out = System.out;

    /** The vector width the targets depend on: at least 20× Orekit with 8 doubles a vector, 16× with 4. */
    static double target(int lanes) {
        return lanes >= 8 ? 20 : lanes >= 4 ? 16 : 1;
    }

    /** One fork's figure. */
    record Fork(String objects, String benchmark, int fork, int lanes, double statesPerSecond) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(catalog)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tle: cannot read " + catalog);
        }
        for (String kind : objects) {
            if (!kind.equals("near-earth") && !kind.equals("deep-space")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--objects: '" + kind + "' is not near-earth or deep-space");
            }
        }
        if (forks < 1 || iterations < 1 || warmup < 0 || !(seconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--forks and --iterations must be at least 1, --warmup at least 0, --seconds positive");
        }
        List<Fork> all = new ArrayList<>();
        for (String kind : objects) {
            int size = KernelBenchmark.select(catalog.toString(), kind, limit).elements().size();
            List<String> forkArgs = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector",
                    "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0", "-Xms2g", "-Xmx2g"));
            forkArgs.addAll(jvmArgs);
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(KernelBenchmark.class.getName() + "\\.")
                    .param("catalog", catalog.toAbsolutePath().toString())
                    .param("objects", kind)
                    .param("limit", Integer.toString(limit))
                    .forks(forks)
                    .warmupIterations(warmup)
                    .measurementIterations(iterations)
                    .warmupTime(TimeValue.milliseconds((long) (seconds * 1000)))
                    .measurementTime(TimeValue.milliseconds((long) (seconds * 1000)))
                    .threads(1)
                    .jvmArgsAppend(forkArgs.toArray(String[]::new))
                    .addProfiler(VectorWidth.class)
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.NORMAL);
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult run : results) {
                String benchmark = run.getParams().getBenchmark().replaceAll(".*\\.", "");
                int fork = 0;
                for (BenchmarkResult f : run.getBenchmarkResults()) {
                    Result<?> lanes = f.getSecondaryResults().get(VectorWidth.LABEL);
                    all.add(new Fork(kind, benchmark, ++fork, lanes == null ? 0 : (int) lanes.getScore(),
                            f.getPrimaryResult().getScore() * size));
                }
            }
            summary(kind, size, all);
        }
        table(all);
        return all.stream().anyMatch(f -> f.lanes() == 0) ? 1 : 0;
    }

    private void table(List<Fork> forks) {
        out.println();
        out.printf("%-11s %-8s %4s %5s %14s %16s%n", "objects", "path", "fork", "lanes", "M_states_per_s", "x_orekit_median");
        for (Fork f : forks) {
            double baseline = median(forks, f.objects(), "orekit");
            out.printf(Locale.ROOT, "%-11s %-8s %4d %5d %14.4f %16s%n", f.objects(), f.benchmark(), f.fork(), f.lanes(),
                    f.statesPerSecond() / 1e6, f.benchmark().equals("kernel")
                            ? String.format(Locale.ROOT, "%.1f", f.statesPerSecond() / baseline) : "1 (baseline)");
        }
    }

    private void summary(String kind, int size, List<Fork> forks) {
        List<Fork> kernel = forks.stream().filter(f -> f.objects().equals(kind) && f.benchmark().equals("kernel")).toList();
        List<Fork> orekit = forks.stream().filter(f -> f.objects().equals(kind) && f.benchmark().equals("orekit")).toList();
        double orekitMedian = median(forks, kind, "orekit");
        double kernelMin = kernel.stream().mapToDouble(Fork::statesPerSecond).min().orElse(0);
        double kernelMax = kernel.stream().mapToDouble(Fork::statesPerSecond).max().orElse(0);
        double orekitMin = orekit.stream().mapToDouble(Fork::statesPerSecond).min().orElse(0);
        double orekitMax = orekit.stream().mapToDouble(Fork::statesPerSecond).max().orElse(0);
        int lanes = kernel.stream().mapToInt(Fork::lanes).min().orElse(0);
        boolean oneWidth = kernel.stream().allMatch(f -> f.lanes() == lanes);
        double target = target(lanes);
        out.println();
        out.printf(Locale.ROOT, "%s, %d objects, one thread, %d forks of %d × %.1f s after %d × %.1f s of warm-up:%n", kind,
                size, kernel.size(), iterations, seconds, warmup, seconds);
        out.printf(Locale.ROOT, "  kernel at %s doubles a vector (%d bits)%n", oneWidth ? Integer.toString(lanes) : "different widths:",
                lanes * 64);
        out.printf(Locale.ROOT, "  Orekit %.2f–%.2f M states/s (median of forks %.2f); kernel %.2f–%.2f (median %.2f)%n",
                orekitMin / 1e6, orekitMax / 1e6, orekitMedian / 1e6, kernelMin / 1e6, kernelMax / 1e6,
                median(forks, kind, "kernel") / 1e6);
        out.printf(Locale.ROOT, "  each kernel fork against Orekit's median: %.1f–%.1f×; the slowest kernel fork against the fastest Orekit fork: %.1f×%n",
                kernelMin / orekitMedian, kernelMax / orekitMedian, kernelMin / orekitMax);
        if (kind.equals("near-earth") && lanes >= 4) {
            out.printf(Locale.ROOT, "  target at this width: %.0f× in every fork — %s%n", target,
                    kernelMin / orekitMedian >= target ? "met" : "NOT met");
        }
    }

    private static double median(List<Fork> forks, String kind, String benchmark) {
        double[] v = forks.stream().filter(f -> f.objects().equals(kind) && f.benchmark().equals(benchmark))
                .mapToDouble(Fork::statesPerSecond).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KernelBench()).execute(args));
    }
}
