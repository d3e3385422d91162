package org.spacettx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.propagate.BatchSgp4;
import picocli.CommandLine;

/**
 * The JMH harness end to end, short (the figures of a run this short mean nothing; the closing notes give full runs):
 * two forked JVMs per path, each reporting the vector width it ran at and a positive rate, the table's ratio being
 * the kernel's rate over Orekit's median.
 */
@Tag("slow")
class KernelBenchTest {

    @Test
    void everyForkReportsItsWidthAndRateAndTheRatioToTheSameRunsOrekit() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        KernelBench bench = new KernelBench();
        bench.out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = new CommandLine(bench).execute("--tle",
                SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt").toString(), "--limit", "256", "--forks", "2",
                "--warmup", "1", "--iterations", "1", "--seconds", "0.3");
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(status).as(out).isZero();
        // objects path fork lanes M_states_per_s x_orekit_median
        Pattern row = Pattern.compile("(?m)^near-earth\\s+(kernel|orekit)\\s+(\\d)\\s+(\\d+)\\s+([0-9.]+)\\s+(\\S+)");
        Matcher m = row.matcher(out);
        double orekitSum = 0;
        int rows = 0;
        List<double[]> kernel = new java.util.ArrayList<>();
        while (m.find()) {
            rows++;
            assertThat(Integer.parseInt(m.group(3))).as("lanes in the fork").isEqualTo(BatchSgp4.lanes());
            double rate = Double.parseDouble(m.group(4));
            assertThat(rate).isPositive();
            if (m.group(1).equals("orekit")) {
                orekitSum += rate;
            } else {
                kernel.add(new double[] {rate, Double.parseDouble(m.group(5))});
            }
        }
        assertThat(rows).as(out).isEqualTo(4);
        double orekitMedian = orekitSum / 2; // the median of two forks is their mean
        for (double[] k : kernel) {
            assertThat(k[1]).isCloseTo(k[0] / orekitMedian, org.assertj.core.api.Assertions.within(0.051 + k[0] / orekitMedian * 0.01));
        }
        assertThat(out).contains("256 objects, one thread, 2 forks").contains("kernel at " + BatchSgp4.lanes() + " doubles a vector");
    }

    @Test
    void anUnknownKindOfObjectIsRefusedBeforeAnythingRuns() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new KernelBench());
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int status = cli.execute("--tle", SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt").toString(),
                "--objects", "geo");
        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--objects: 'geo' is not near-earth or deep-space")
                .doesNotContain("Exception");
    }
}
