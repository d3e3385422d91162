package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;

/**
 * {@code spacettx breakup-study}: an explosion in the SJ-6 shell over 12 h, its realisations screened against objects of
 * that shell; one row per asset with the realisations that came within the threshold, the same output for the same
 * seeds whatever the threads, a different one for other seeds; an engine that is not there is explained.
 */
class BreakupStudyCommandTest {

    static final String LEO = SharedData.path("catalog/spacetrack-3le-leo-2026-06-10.txt").toString();
    static final List<String> ARGS = List.of("breakup-study", "--tle", LEO, "--norad", "28413", "--time", "2026-06-10T16:00:00Z",
            "--explosion", "--parent-mass-kg", "800", "--min-size-m", "0.1", "--assets", "33408,37168,40014,40017",
            "--until", "2026-06-11T04:00:00Z", "--threshold-km", "20", "--realisations", "3", "--format", "csv");

    static CliRun run(String... more) {
        List<String> args = new java.util.ArrayList<>(ARGS);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void eachAssetGetsItsExposureOverTheRealisations() {
        CliRun first = run();
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> lines = first.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("norad,name,realisations_hit,approaches_median,closest_km_min,pc_median,pc_p05,pc_p95");
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l).matches("\\d+,[^,]+,[0-3]/3,.*"));
        assertThat(lines.subList(1, 5)).anySatisfy(l -> assertThat(l).doesNotContain(",0/3,"));
        assertThat(first.out()).doesNotContain("NaN"); // no approach: an empty cell
        assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l.split(",", -1)[4].isEmpty()).isEqualTo(l.contains(",0/3,")));
        assertThat(first.err()).contains("3 realisations (seeds 1 to 3) on local").contains("fragments in orbit");
        assertThat(run().out()).isEqualTo(first.out()); // reproducible by seed
        assertThat(run("--seed", "11").out()).isNotEqualTo(first.out());
        CliRun spark = run("--engine", "spark", "--master", "local[2]");
        assertThat(spark.exitCode()).isNotZero();
        assertThat(spark.err()).contains("spark needs the spark module and Spark on the class path").doesNotContain("Exception");
        List<String> args = new java.util.ArrayList<>(ARGS);
        args.set(args.indexOf("2026-06-11T04:00:00Z"), "2026-06-10T15:00:00Z"); // before the breakup
        CliRun backwards = CliRun.of(args.toArray(String[]::new));
        assertThat(backwards.err()).contains("--until").contains("after the breakup");
    }
}
