package org.spacettx.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.data.OrekitData;

/**
 * The fuzz suite as CI runs it: every input that once caused an internal error (kept under
 * {@code fuzz-regressions/TARGET/}) is handled cleanly now, and 20,000 seeded cases over every target raise none.
 * {@code spacettx bench fuzz --cases 1000000} runs the long version.
 */
@Tag("slow")
class FuzzTest {

    static Map<String, FuzzTarget> targets;

    @BeforeAll
    static void build() {
        targets = FuzzTargets.all(OrekitData.standard()).stream().collect(Collectors.toMap(FuzzTarget::name, Function.identity()));
    }

    @Test
    void everyRegressionCaseIsHandledCleanly() throws Exception {
        Path root = Path.of(FuzzTest.class.getResource("/fuzz-regressions").toURI());
        List<Path> cases;
        try (Stream<Path> files = Files.walk(root)) {
            cases = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(cases).as("the regression corpus").hasSizeGreaterThanOrEqualTo(10);
        for (Path file : cases) {
            FuzzTarget target = targets.get(file.getParent().getFileName().toString());
            assertThat(target).as("target of %s", file).isNotNull();
            assertThat(target.take(Files.readAllBytes(file))).as("%s", root.relativize(file)).isEqualTo(FuzzTarget.Outcome.REFUSED);
        }
    }

    @Test
    void twentyThousandSeededCasesRaiseNoInternalError(@TempDir Path failures) {
        List<FuzzTarget> all = targets.values().stream().sorted(java.util.Comparator.comparing(FuzzTarget::name)).toList();
        FuzzRun.Report report = FuzzRun.run(all, 20_261_202L, 20_000, failures, System.err, 0);
        assertThat(report.cases()).isEqualTo(20_000);
        assertThat(report.tallies()).allSatisfy(t -> {
            assertThat(t.refused()).as("%s refuses some inputs", t.target()).isPositive();
            assertThat(t.accepted()).as("%s accepts some inputs", t.target()).isPositive();
        });
        assertThat(report.failures()).as("internal errors (inputs kept in %s)", failures).isEmpty();
    }
}
