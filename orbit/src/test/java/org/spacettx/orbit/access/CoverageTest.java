package org.spacettx.orbit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.input.InputException;

class CoverageTest {

    static Instant t(String hhmm) {
        return Instant.parse("2026-06-10T" + hhmm + ":00Z");
    }

    static Window w(int norad, String from, String to) {
        return new Window(norad, "SAT " + norad, "Osan", t(from), t(to), 1.0, false, false);
    }

    @Test
    void overlappingWindowsOfSeveralObjectsMergeAndGapsAreTheRest() {
        Coverage c = Coverage.of("Osan", t("00:00"), t("06:00"), List.of(w(2, "01:05", "01:20"), w(1, "01:00", "01:10"),
                w(3, "03:00", "03:05"), w(1, "01:20", "01:25")));
        assertThat(c.periods()).hasSize(2);
        assertThat(c.periods().get(0).start()).isEqualTo(t("01:00"));
        assertThat(c.periods().get(0).end()).isEqualTo(t("01:25"));
        assertThat(c.periods().get(0).objects()).containsExactlyInAnyOrder(1, 2);
        assertThat(c.gaps()).extracting(Coverage.Gap::start).containsExactly(t("00:00"), t("01:25"), t("03:05"));
        Coverage.Revisit r = c.revisit();
        assertThat(r.opportunities()).isEqualTo(4);
        assertThat(r.periods()).isEqualTo(2);
        assertThat(r.observableSeconds()).isEqualTo(30 * 60);
        assertThat(r.longestGapSeconds()).isEqualTo((2 * 60 + 55) * 60);
        assertThat(r.meanGapSeconds()).isEqualTo((60 + 95 + 175) * 60 / 3.0);
    }

    @Test
    void noWindowsIsOneGap() {
        Coverage c = Coverage.of("Osan", t("00:00"), t("06:00"), List.of());
        assertThat(c.gaps()).singleElement().satisfies(g -> assertThat(g.durationSeconds()).isEqualTo(6 * 3600));
        assertThat(c.revisit().longestGapSeconds()).isEqualTo(6 * 3600);
    }

    @Test
    void sensorAnnotationsAreReadWithLineNumbersInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sensors.txt");
        Files.writeString(file, "# assumptions\n58400 optical:off-nadir=30,sun=10\n39026,radar:off-nadir=45\n");
        Map<Integer, Sensor> sensors = SensorAnnotations.read(file);
        assertThat(sensors.get(58400).minSunElevationDeg()).isEqualTo(10);
        assertThat(sensors.get(39026).type()).isEqualTo("radar");
        Files.writeString(file, "58400 optical:off-nadir=30\n41332 lidar:range=3\n");
        assertThatThrownBy(() -> SensorAnnotations.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ":2: sensor: sensor type 'lidar' is not optical, radar or elevation (e.g. optical:off-nadir=30,sun=10)");
    }

    @Test
    void sensorSpecifications() {
        assertThat(Sensor.parse("elevation:10").minElevationDeg()).isEqualTo(10);
        assertThat(Sensor.parse("optical:off-nadir=30,sun=10").toString()).isEqualTo("optical:off-nadir=30,sun=10");
        assertThatThrownBy(() -> Sensor.parse("radar:off-nadir=45,sun=5")).hasMessageContaining("radar needs no sunlight");
        assertThatThrownBy(() -> Sensor.parse("optical:off-nadir=95")).hasMessageContaining("outside (0, 90)");
        assertThatThrownBy(() -> Sensor.parse("optical")).hasMessageContaining("needs off-nadir= or elevation=");
    }
}
