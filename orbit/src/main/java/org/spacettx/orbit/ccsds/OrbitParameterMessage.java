package org.spacettx.orbit.ccsds;

import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CenterName;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.odm.OdmCommonMetadata;
import org.orekit.files.ccsds.ndm.odm.OdmHeader;
import org.orekit.files.ccsds.ndm.odm.StateVector;
import org.orekit.files.ccsds.ndm.odm.opm.Maneuver;
import org.orekit.files.ccsds.ndm.odm.opm.Opm;
import org.orekit.files.ccsds.ndm.odm.opm.OpmData;
import org.orekit.files.ccsds.ndm.odm.opm.OpmWriter;
import org.orekit.files.ccsds.section.Segment;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.utils.IERSConventions;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.maneuver.Impulse;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * A manoeuvre as a CCSDS Orbit Parameter Message (CCSDS 502.0-B-3, KVN), written by Orekit's OPM writer: the object's
 * SGP4 state in TEME at the burn, before it, and one impulsive manoeuvre block (ignition at the burn, no duration,
 * its Δv in the RTN frame: radial, along-track, cross-track). SpaceTTX knows no masses: MAN_DELTA_MASS is 0, as a
 * comment says.
 */
public final class OrbitParameterMessage {

    private OrbitParameterMessage() {
    }

    /** The message for {@code burn} on {@code object}. */
    public static String kvn(ElementSet object, Impulse burn, String originator, Instant created, OrekitData data) {
        var epoch = OrekitTle.toDate(burn.time(), data.utc());
        OdmHeader header = new OdmHeader();
        header.setFormatVersion(OpmWriter.CCSDS_OPM_VERS);
        header.setCreationDate(OrekitTle.toDate(created, data.utc()));
        header.setOriginator(originator);
        OdmCommonMetadata metadata = new OdmCommonMetadata();
        metadata.setObjectName(object.name().strip());
        metadata.setObjectID(object.cosparId().isBlank() ? Integer.toString(object.noradId()) : object.cosparId());
        metadata.setCenter(BodyFacade.create(CenterName.EARTH, data.context()));
        metadata.setReferenceFrame(FrameFacade.map(data.teme()));
        metadata.setTimeSystem(TimeSystem.UTC);
        Vector3D[] state = StateFit.vectors(Sgp4.of(object, data).teme(burn.time()));
        StateVector vector = new StateVector();
        vector.setEpoch(epoch);
        for (int k = 0; k < 3; k++) {
            vector.setP(k, state[0].toArray()[k]);
            vector.setV(k, state[1].toArray()[k]);
        }
        Maneuver maneuver = new Maneuver();
        maneuver.addComment("impulsive; SpaceTTX knows no masses: MAN_DELTA_MASS 0");
        maneuver.setEpochIgnition(epoch);
        maneuver.setDuration(0);
        maneuver.setDeltaMass(0);
        maneuver.setReferenceFrame(FrameFacade.parse("RTN", IERSConventions.IERS_2010, true, data.context(), false, true, false));
        maneuver.setDV(0, burn.radialMS());
        maneuver.setDV(1, burn.alongTrackMS());
        maneuver.setDV(2, burn.crossTrackMS());
        OpmData opmData = new OpmData(vector, null, null, null, List.of(maneuver), null, Double.NaN);
        double mu = TLEPropagator.getMU();
        Opm opm = new Opm(header, List.of(new Segment<>(metadata, opmData)), IERSConventions.IERS_2010, data.context(), mu);
        return Kvn.write(new WriterBuilder(data.context()).buildOpmWriter(), opm, OpmWriter.KVN_PADDING_WIDTH, "opm");
    }
}
