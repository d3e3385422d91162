package org.spacettx.orbit.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;

/**
 * Without {@code --add-modules jdk.incubator.vector} (how the server and most commands run) the batch propagator
 * must run scalar, not fail: this starts a JVM without the module and propagates there.
 */
class ScalarFallbackTest {

    /** Run in the child JVM: prints whether the kernel is vectorised and one state. */
    public static void main(String[] args) {
        ElementSet e = new MeanElements(90001, "S", java.time.Instant.parse("2026-01-01T00:00:00Z"), 53, 10, 0.001, 0, 0,
                null, 550.0, 0).toElementSet(SourceLocation.of("test"));
        BatchSgp4 batch = BatchSgp4.of(List.of(e, e, e, e, e, e, e, e, e), OrekitData.standard());
        BatchSgp4.States s = new BatchSgp4.States(batch.size());
        batch.propagate(batch.minutesAt(java.time.Instant.parse("2026-01-01T01:00:00Z")), 0, batch.size(), s);
        System.out.println(BatchSgp4.vectorised() + " " + s.status[8] + " " + Math.round(Math.sqrt(s.x[8] * s.x[8] + s.y[8] * s.y[8] + s.z[8] * s.z[8])));
    }

    @Test
    void withoutTheVectorModuleTheKernelRunsScalar() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ScalarFallbackTest.class.getName())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        String[] f = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        assertThat(f[0]).as(out).isEqualTo("false");
        assertThat(f[1]).isEqualTo("0");
        assertThat(Long.parseLong(f[2])).isBetween(6900L, 6950L);
    }
}
