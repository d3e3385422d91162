package org.spacettx.orbit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * An EOP file changes ITRF exactly as the Earth's rotation says it should: with UT1 − UTC = −0.3 s and nothing
 * else, the Earth has turned ω·0.3 s = 21.9 µrad less, so every Earth-fixed position turns that much eastwards.
 */
class EopTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EopTest.class.getResource("/eop/" + name).toURI());
    }

    @Test
    void ut1OffsetRotatesEarthFixedPositions() throws Exception {
        OrekitData withEop = OrekitData.withEop(resource("eopc04-synthetic.csv"));
        ElementSet iss = CatalogReader.strict(OrekitData.standard())
                .read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"))).elementSets()
                .stream().filter(e -> e.noradId() == 25544).findFirst().orElseThrow();
        Instant t = Instant.parse("2026-05-30T06:00:00Z");
        CartesianState plain = Sgp4.of(iss, OrekitData.standard()).itrf(t);
        CartesianState corrected = Sgp4.of(iss, withEop).itrf(t);
        double turn = Math.atan2(corrected.yKm(), corrected.xKm()) - Math.atan2(plain.yKm(), plain.xKm());
        assertThat(turn).isCloseTo(7.2921151467e-5 * 0.3, within(2e-8));
        assertThat(corrected.zKm()).isCloseTo(plain.zKm(), within(1e-6));
        assertThat(corrected.radiusKm()).isCloseTo(plain.radiusKm(), within(1e-6));
    }

    @Test
    void filesWithoutEarthOrientationDataAreRefusedClearly(@TempDir Path dir) throws Exception {
        Path wrong = dir.resolve("my-eop.txt");
        Files.writeString(wrong, "nothing here\n");
        assertThatThrownBy(() -> OrekitData.withEop(wrong)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(wrong + ": --eop: no Earth orientation data found");
        assertThatThrownBy(() -> OrekitData.withEop(dir.resolve("missing.all")))
                .hasMessageEndingWith("--eop: no such EOP file");
    }
}
