package org.spacettx.orbit.ccsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadata;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * A CDM written for each approach a screening finds, read back by Orekit's CDM parser: its TCA, miss distance,
 * relative speed and RTN miss components as the screening has them, both objects' ITRF states as SGP4 gives them at
 * the TCA (to a metre), the stated covariance, the probability, and the objects named.
 */
class ConjunctionDataMessageTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Instant EPOCH = Instant.parse("2026-06-01T00:00:00Z");

    static ElementSet object(int norad, String name, double inclinationDeg, double raanDeg, double meanAnomalyDeg) {
        return new MeanElements(norad, name, EPOCH, inclinationDeg, raanDeg, 0.0005, 0, meanAnomalyDeg, null, 550.0, 0)
                .toElementSet(SourceLocation.of("test"));
    }

    @Test
    void everyApproachComesBackThroughOreKitsParser() {
        // two satellites in planes 60 degrees apart, meeting where the planes cross
        ElementSet a = object(99201, "ALLIED SAT", 97.6, 40, 0);
        ElementSet b = object(99202, "OTHER SAT", 53.0, 40, 0.05);
        CollisionProbability assumed = new CollisionProbability(0.005, 0.2, 0.6, 0.3);
        Instant to = EPOCH.plusSeconds(12 * 3600);
        List<Conjunction> found = Screening.run(List.of(a, b), new Screening.Request(EPOCH, to, 20, Set.of(), 60, 1,
                Screening.Propagator.FAST, assumed), DATA, null).conjunctions();
        assertThat(found).as("the test needs approaches").isNotEmpty();
        for (Conjunction c : found) {
            String kvn = ConjunctionDataMessage.kvn(c, a, b, assumed, EPOCH, to, "SPACETTX", EPOCH, DATA);
            assertThat(kvn).contains("CCSDS_CDM_VERS", "MESSAGE_ID", ConjunctionDataMessage.messageId(c), "COVARIANCE_METHOD",
                    "DEFAULT", "element sets carry no covariance");
            Cdm cdm = new ParserBuilder(DATA.context()).buildCdmParser().parseMessage(new DataSource("c.cdm", () -> new StringReader(kvn)));
            CdmRelativeMetadata relative = cdm.getRelativeMetadata();
            assertThat(Math.abs(relative.getTca().durationFrom(OrekitTle.toDate(c.tca(), DATA.utc())))).as("TCA, s").isLessThan(1e-3);
            assertThat(relative.getMissDistance()).as("miss, m").isCloseTo(c.missKm() * 1000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(relative.getRelativeSpeed()).isCloseTo(c.relativeSpeedKmS() * 1000, org.assertj.core.data.Offset.offset(0.01));
            assertThat(relative.getRelativePosition().getX()).as("radial, m").isCloseTo(c.radialKm() * 1000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(relative.getRelativePosition().getY()).as("in-track, m").isCloseTo(c.inTrackKm() * 1000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(relative.getRelativePosition().getZ()).as("cross-track, m").isCloseTo(c.crossTrackKm() * 1000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(relative.getCollisionProbability()).isCloseTo(c.probability(), org.assertj.core.data.Offset.offset(c.probability() * 1e-3 + 1e-300));
            for (int k = 0; k < 2; k++) {
                ElementSet object = k == 0 ? a : b;
                var data = k == 0 ? cdm.getDataObject1() : cdm.getDataObject2();
                var metadata = k == 0 ? cdm.getMetadataObject1() : cdm.getMetadataObject2();
                assertThat(metadata.getObjectName()).isEqualTo(object.name());
                assertThat(metadata.getObjectDesignator()).isEqualTo(Integer.toString(object.noradId()));
                assertThat(metadata.getRefFrame().getName()).startsWith("ITRF");
                CartesianState s = Sgp4.of(object, DATA).itrf(c.tca());
                var read = data.getStateVectorBlock();
                assertThat(read.getPositionVector().distance(new Vector3D(s.xKm(), s.yKm(), s.zKm()).scalarMultiply(1000))).as("position, m")
                        .isLessThan(1.0);
                assertThat(read.getVelocityVector().distance(new Vector3D(s.vxKmS(), s.vyKmS(), s.vzKmS()).scalarMultiply(1000)))
                        .as("velocity, m/s").isLessThan(1e-3);
                var covariance = data.getRTNCovarianceBlock().getRTNCovarianceMatrix();
                assertThat(covariance.getEntry(0, 0)).isCloseTo(200.0 * 200.0, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(covariance.getEntry(1, 1)).isCloseTo(600.0 * 600.0, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(covariance.getEntry(2, 2)).isCloseTo(300.0 * 300.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }
}
