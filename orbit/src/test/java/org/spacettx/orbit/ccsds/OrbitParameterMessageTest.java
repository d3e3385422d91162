package org.spacettx.orbit.ccsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.opm.Opm;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.maneuver.Impulse;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * A manoeuvre's OPM read back by Orekit's OPM parser: the state at the burn as SGP4 has it (to a metre), one impulsive
 * manoeuvre at the burn time with the Δv given, in RTN; and the state after it, the state plus that Δv in the orbital
 * frame, is where the element set fitted after the burn starts (within the fit's tolerance, 10 m and 1 cm/s).
 */
class OrbitParameterMessageTest {

    static final OrekitData DATA = OrekitData.standard();

    @Test
    void aBurnComesBackThroughOreKitsParser() {
        Instant epoch = Instant.parse("2026-06-01T00:00:00Z");
        ElementSet before = new MeanElements(99301, "INSPECTOR", epoch, 97.6, 40, 0.0005, 0, 10, null, 570.0, 0)
                .toElementSet(SourceLocation.of("test"));
        Impulse burn = new Impulse(epoch.plusSeconds(3600), 0.4, 2.5, -0.3);
        String kvn = OrbitParameterMessage.kvn(before, burn, "SPACETTX", epoch, DATA);
        assertThat(kvn).contains("CCSDS_OPM_VERS", "MAN_EPOCH_IGNITION", "MAN_REF_FRAME", "RTN", "MAN_DV_2");
        Opm opm = new ParserBuilder(DATA.context()).buildOpmParser().parseMessage(new DataSource("b.opm", () -> new StringReader(kvn)));
        var data = opm.getData();
        Vector3D[] sgp4 = StateFit.vectors(Sgp4.of(before, DATA).teme(burn.time()));
        var read = data.getStateVectorBlock().toTimeStampedPVCoordinates();
        assertThat(Math.abs(read.getDate().durationFrom(OrekitTle.toDate(burn.time(), DATA.utc())))).isLessThan(1e-6);
        assertThat(read.getPosition().distance(sgp4[0])).as("m").isLessThan(1.0);
        assertThat(read.getVelocity().distance(sgp4[1])).as("m/s").isLessThan(1e-3);
        assertThat(data.getManeuvers()).hasSize(1);
        var m = data.getManeuver(0);
        assertThat(Math.abs(m.getEpochIgnition().durationFrom(read.getDate()))).isLessThan(1e-6);
        assertThat(m.getReferenceFrame().getName()).isEqualTo("RTN");
        assertThat(m.getDV().getX()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.getDV().getY()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.getDV().getZ()).isCloseTo(-0.3, org.assertj.core.data.Offset.offset(1e-6));
        // the read state plus the read Δv in its own RTN frame: where the fitted element set after the burn starts
        Vector3D r = read.getPosition().normalize();
        Vector3D n = Vector3D.crossProduct(read.getPosition(), read.getVelocity()).normalize();
        Vector3D t = Vector3D.crossProduct(n, r);
        Vector3D afterV = read.getVelocity().add(new Vector3D(m.getDV().getX(), r, m.getDV().getY(), t, m.getDV().getZ(), n));
        Vector3D[] fitted = StateFit.vectors(Sgp4.of(burn.applyTo(before, DATA), DATA).teme(burn.time()));
        assertThat(fitted[0].distance(read.getPosition())).as("position after, m").isLessThan(10);
        assertThat(fitted[1].distance(afterV)).as("velocity after, m/s").isLessThan(0.01);
    }
}
