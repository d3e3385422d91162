package org.spacettx.orbit.ccsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.utils.TimeStampedPVCoordinates;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * An OEM written here, read back by Orekit's own OEM parser: each object a segment with its name, designator, frame and
 * span, and every state equal to the SGP4 state it was written from, to a metre and a millimetre per second.
 */
class OrbitEphemerisMessageTest {

    static final OrekitData DATA = OrekitData.standard();

    static Oem parse(String kvn) {
        return new ParserBuilder(DATA.context()).buildOemParser().parseMessage(new DataSource("test.oem", () -> new StringReader(kvn)));
    }

    @Test
    void statesComeBackThroughOreKitsParser() {
        List<ElementSet> stations = CatalogReader.strict(DATA).read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle")))
                .elementSets().subList(0, 2);
        Instant from = Instant.parse("2026-06-01T00:00:00Z");
        for (OrbitEphemerisMessage.Frame frame : OrbitEphemerisMessage.Frame.values()) {
            List<OrbitEphemerisMessage.Track> tracks = new ArrayList<>();
            for (ElementSet e : stations) {
                Sgp4 sgp4 = Sgp4.of(e, DATA);
                List<CartesianState> states = new ArrayList<>();
                for (int k = 0; k <= 90; k++) {
                    Instant t = from.plusSeconds(60L * k);
                    states.add(frame == OrbitEphemerisMessage.Frame.TEME ? sgp4.teme(t) : sgp4.itrf(t));
                }
                tracks.add(new OrbitEphemerisMessage.Track(e, states));
            }
            String kvn = OrbitEphemerisMessage.kvn(tracks, frame, "SPACETTX", from, DATA);
            assertThat(kvn).contains("CCSDS_OEM_VERS", "ORIGINATOR", "SPACETTX", "OBJECT_NAME", "ISS (ZARYA)", "OBJECT_ID", "1998-067A",
                    "CENTER_NAME", "EARTH", "TIME_SYSTEM", "UTC");
            Oem oem = parse(kvn);
            assertThat(oem.getSegments()).hasSize(2);
            for (int s = 0; s < 2; s++) {
                OemSegment segment = oem.getSegments().get(s);
                assertThat(segment.getMetadata().getObjectName()).isEqualTo(stations.get(s).name().strip());
                assertThat(segment.getMetadata().getReferenceFrame().getName()).as("frame").startsWith(frame.name());
                assertThat(segment.getMetadata().getObjectID()).isEqualTo(stations.get(s).cosparId());
                List<TimeStampedPVCoordinates> read = segment.getCoordinates();
                List<CartesianState> written = tracks.get(s).states();
                assertThat(read).hasSize(written.size());
                for (int k = 0; k < read.size(); k++) {
                    CartesianState w = written.get(k);
                    TimeStampedPVCoordinates r = read.get(k);
                    assertThat(Math.abs(r.getDate().durationFrom(OrekitTle.toDate(w.time(), DATA.utc())))).isLessThan(1e-6);
                    assertThat(r.getPosition().distance(new Vector3D(w.xKm(), w.yKm(), w.zKm()).scalarMultiply(1000))).as("m").isLessThan(1.0);
                    assertThat(r.getVelocity().distance(new Vector3D(w.vxKmS(), w.vyKmS(), w.vzKmS()).scalarMultiply(1000))).as("m/s").isLessThan(1e-3);
                }
            }
        }
    }
}
