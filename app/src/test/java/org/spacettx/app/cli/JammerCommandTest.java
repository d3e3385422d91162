package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.geo.CircleArea;
import org.spacettx.orbit.geo.GeoJsonPlaces;

/** {@code spacettx jammer}: the reach in words, and the area as GeoJSON that the places reader takes as a circle. */
class JammerCommandTest {

    @Test
    void aGpsJammerNearTheDmzAndItsArea(@TempDir Path dir) {
        Path area = dir.resolve("jamming.geojson");
        CliRun air = CliRun.of("jammer", "--site", "38.0,126.9", "--eirp-dbw", "10", "--frequency-mhz", "1575.42",
                "--receiver-height-m", "10000", "--geojson", area.toString());
        assertThat(air.exitCode()).as(air.err()).isZero();
        assertThat(air.out()).contains("within 151.4 km of 38.000, 126.900 (limited by the link budget; link budget 151.4 km, radio horizon 425.0 km)");
        var places = GeoJsonPlaces.read(area);
        assertThat(places.areas()).singleElement().isInstanceOfSatisfying(CircleArea.class, c -> {
            assertThat(c.radiusKm()).isEqualTo(151.4);
            assertThat(c.center().latitudeDeg()).isEqualTo(38.0);
        });
        CliRun ground = CliRun.of("jammer", "--site", "38.0,126.9", "--eirp-dbw", "10", "--frequency-mhz", "1575.42");
        assertThat(ground.out()).contains("within 18.9 km").contains("limited by the horizon");
        assertThat(CliRun.of("jammer", "--site", "38.0,126.9", "--eirp-dbw", "10", "--frequency-mhz", "-5").exitCode()).isEqualTo(2);
        assertThat(ground.exitCode()).isZero();
    }
}
