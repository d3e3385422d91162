package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/** The four OMM encodings give the same element set, and the same states as the equivalent TLE. */
class OmmEquivalenceTest {

    private final OrekitData data = OrekitData.standard();

    private ElementSet only(Path file) {
        List<ElementSet> sets = CatalogReader.strict(data).read(List.of(file)).elementSets();
        assertThat(sets).hasSize(1);
        return sets.get(0);
    }

    private ElementSet resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/omm/" + name)) {
            return CatalogReader.strict(data).read(name, in.readAllBytes()).elementSets().get(0);
        }
    }

    @Test
    void csvXmlAndKvnOfTheSameMessageAgreeExactly() throws IOException {
        ElementSet csv = only(SharedData.path("catalog/omm-format-samples/sample_omm.csv"));
        ElementSet xml = only(SharedData.path("catalog/omm-format-samples/sample_omm.xml"));
        ElementSet kvn = resource("vanguard-2020.kvn");
        for (ElementSet other : List.of(xml, kvn)) {
            assertThat(other.withInfo(csv.info())).usingRecursiveComparison().ignoringFields("source").isEqualTo(csv);
        }
        assertThat(csv.noradId()).isEqualTo(5);
        assertThat(csv.cosparId()).isEqualTo("1958-002B");
        assertThat(csv.bstar()).isEqualTo(-0.22483e-4);
    }

    /**
     * Each OMM is written as a TLE (by Orekit's TLE writer), read back by our TLE parser, and propagated for a
     * day: the states agree within 1 m. The only loss is the TLE's epoch resolution (1e-8 day = 0.86 ms, so at
     * most 0.43 ms × 8 km/s ≈ 3.5 m) — and these epochs, being TLE-born, are exactly representable.
     */
    @Test
    void ommStatesEqualThoseOfTheEquivalentTle() throws IOException {
        List<ElementSet> omms = List.of(only(SharedData.path("catalog/omm-format-samples/sample_omm.csv")),
                only(SharedData.path("catalog/omm-format-samples/sample_omm.xml")),
                only(SharedData.path("catalog/omm-format-samples/sample_omm.json")),
                resource("vanguard-2020.kvn"));
        for (ElementSet omm : omms) {
            TLE written = OrekitTle.toTle(omm, data.utc());
            ElementSet fromTle = TleFormat.parse(omm.name(), written.getLine1(), written.getLine2(),
                    SourceLocation.of("written"), TleFormat.Checksum.VERIFY);
            Sgp4 a = Sgp4.of(omm, data);
            Sgp4 b = Sgp4.of(fromTle, data);
            for (double minutes = 0; minutes <= 1440; minutes += 90) {
                CartesianState sa = a.temeAtMinutes(minutes);
                CartesianState sb = b.temeAtMinutes(minutes);
                double dx = Math.sqrt(Math.pow(sa.xKm() - sb.xKm(), 2) + Math.pow(sa.yKm() - sb.yKm(), 2)
                        + Math.pow(sa.zKm() - sb.zKm(), 2));
                assertThat(dx).as("%s at %s min", omm.source(), minutes).isLessThan(1e-3);
            }
        }
    }

    @Test
    void celestrakCsvAndJsonCarryTheSameFieldsAsTheirTles() {
        // A CelesTrak CSV row and the TLE line of the same object hold the same numbers to the TLE's precision.
        ElementSet json = only(SharedData.path("catalog/omm-format-samples/sample_omm.json"));
        TLE tle = OrekitTle.toTle(json, data.utc());
        assertThat(tle.getLine2()).startsWith("2 00005  34.2493  19.2327 1841322 100.1057 281.1229 10.85873516");
        assertThat(json.meanMotionDot()).isCloseTo(2.64e-6, within(1e-15));
    }
}
