package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/** {@code spacettx rpo}: the burns printed, the chaser's element sets written, and SGP4 on them arrives where asked. */
class RpoCommandTest {

    @Test
    void anInspectorIsBroughtBehindAnAlliedSatellite(@TempDir Path dir) throws Exception {
        OrekitData data = OrekitData.standard();
        Instant epoch = Instant.parse("2023-11-24T00:00:00Z");
        ElementSet target = new MeanElements(99003, "ROK EO SAT", epoch, 97.6, 40, 0.0005, 0, 0, null, 550.0, 0).toElementSet(SourceLocation.of("t"));
        ElementSet chaser = new MeanElements(99004, "RU INSPECTOR", epoch, 97.6, 40, 0.0005, 0, -8, null, 570.0, 0).toElementSet(SourceLocation.of("t"));
        Path catalog = dir.resolve("two.tle");
        StringBuilder text = new StringBuilder();
        for (ElementSet e : List.of(target, chaser)) {
            var tle = OrekitTle.toTle(e, data.utc());
            text.append(e.name()).append('\n').append(tle.getLine1()).append('\n').append(tle.getLine2()).append('\n');
        }
        Files.writeString(catalog, text);
        Path out = dir.resolve("chaser.csv");
        CliRun run = CliRun.of("rpo", "--tle", catalog.toString(), "--chaser", "99004", "--target", "99003", "--arrive", "2023-11-24T06:00:00Z",
                "--range-km", "5", "--max-dv-m-s", "100", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.print(run.out());
        assertThat(run.out()).contains("5.0 km behind ROK EO SAT at 2023-11-24T06:00:00Z");
        List<ElementSet> after = CatalogReader.strict(data).read(List.of(out)).elementSets();
        assertThat(after).hasSize(2);
        Instant arrive = Instant.parse("2023-11-24T06:00:00Z");
        double km = StateFit.vectors(Sgp4.of(after.get(0), data).teme(arrive))[0].distance(StateFit.vectors(Sgp4.of(target, data).teme(arrive))[0]) / 1000;
        assertThat(km).isBetween(4.9, 5.1); // the written elements keep the OMM's precision
        CliRun tight = CliRun.of("rpo", "--tle", catalog.toString(), "--chaser", "99004", "--target", "99003", "--arrive", "2023-11-24T06:00:00Z",
                "--range-km", "5", "--max-dv-m-s", "0.5");
        assertThat(tight.exitCode()).isEqualTo(2);
        assertThat(tight.err()).contains("more than 0.50");
    }
}
