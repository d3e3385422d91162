package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.spacettx.app.fuzz.FuzzRun;
import org.spacettx.app.fuzz.FuzzTarget;
import org.spacettx.app.fuzz.FuzzTargets;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx bench fuzz}: seeded mutation fuzzing of every parser and of the command API. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, description = "Seeded mutation fuzzing of every parser of outside input (TLE/3LE, OMM CSV/JSON/XML/KVN, gzip, scenario YAML, "
        + "MSEL CSV/XLSX, exercise archives, event logs) and of the command API. Each case must be accepted or refused "
        + "cleanly; an exception, an error or a case running over 30 s is an internal error, its input saved under "
        + "--save. Prints per target the cases, accepted, refused, internal errors and cases per second, and the peak "
        + "heap; exit 1 on any internal error.")
final class FuzzBench implements Callable<Integer> {

    @Option(names = "--cases", defaultValue = "100000", description = "Cases in all, spread evenly over the targets (default ${DEFAULT-VALUE}).")
    long cases;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the mutations (default ${DEFAULT-VALUE}); the same seed gives the same cases.")
    long seed;
    @Option(names = "--targets", split = ",", paramLabel = "NAME", description = "Only these targets (default: all).")
    List<String> only;
    @Option(names = "--save", defaultValue = "fuzz-failures", paramLabel = "DIR", description = "Folder for inputs that caused internal errors (default ${DEFAULT-VALUE}).")
    Path save;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (cases < 1) {
            throw new InputException(null, "--cases", "must be at least 1");
        }
        List<FuzzTarget> targets = FuzzTargets.all(OrekitData.standard());
        if (only != null) {
            List<String> names = targets.stream().map(FuzzTarget::name).toList();
            for (String name : only) {
                if (!names.contains(name)) {
                    throw new InputException(null, "--targets", "'" + name + "' is not a target (" + String.join(", ", names) + ")");
                }
            }
            targets = targets.stream().filter(t -> only.contains(t.name())).toList();
        }
        System.err.println("spacettx: fuzzing " + targets.size() + " targets, " + cases + " cases, seed " + seed);
        FuzzRun.Report report = FuzzRun.run(targets, seed, cases, save, System.err, Math.max(10_000, cases / 20));
        try (RowWriter out = new RowWriter(List.of(Column.text("target", 17), Column.number("cases", 9, 0),
                Column.number("accepted", 9, 0), Column.number("refused", 9, 0), Column.number("internal", 8, 0),
                Column.number("cases_per_s", 11, 0)), format.format, System.out)) {
            for (FuzzRun.Tally t : report.tallies()) {
                out.row(t.target(), (double) t.cases(), (double) t.accepted(), (double) t.refused(), (double) t.internal(),
                        t.seconds() > 0 ? t.cases() / t.seconds() : 0.0);
            }
        }
        System.err.printf("spacettx: %d cases, %d internal errors; heap in use at most %d MiB (sampled; the JVM may use %d MiB)%n",
                report.cases(), report.internal(), report.peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        for (FuzzRun.Failure f : report.failures()) {
            System.err.println("spacettx: " + f.target() + " case " + f.caseNumber() + ": " + f.error()
                    + (f.savedInput() == null ? "" : " (" + f.savedInput() + ")"));
        }
        return report.internal() == 0 ? 0 : 1;
    }
}
