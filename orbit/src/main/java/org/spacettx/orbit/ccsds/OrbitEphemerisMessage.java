package org.spacettx.orbit.ccsds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CenterName;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.odm.OdmHeader;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemData;
import org.orekit.files.ccsds.ndm.odm.oem.OemMetadata;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.files.ccsds.ndm.odm.oem.OemWriter;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.TimeStampedPVCoordinates;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;

/**
 * CCSDS Orbit Ephemeris Messages (CCSDS 502.0-B-3, KVN), written by Orekit's OEM writer: one segment per object, its
 * states (km, km/s) in TEME or ITRF, UTC, centred on the Earth; the object named as the catalog names it, its
 * international designator (or, where the catalog has none, its catalog number) as OBJECT_ID.
 */
public final class OrbitEphemerisMessage {

    /** The frames SpaceTTX states come in. */
    public enum Frame { TEME, ITRF }

    /** One object's states, in time order. */
    public record Track(ElementSet object, List<CartesianState> states) {
    }

    private OrbitEphemerisMessage() {
    }

    /** The message, as KVN text; {@code originator} and {@code created} go in its header. */
    public static String kvn(List<Track> tracks, Frame frame, String originator, Instant created, OrekitData data) {
        double mu = TLEPropagator.getMU();
        OdmHeader header = new OdmHeader();
        header.setFormatVersion(OemWriter.CCSDS_OEM_VERS);
        header.setCreationDate(OrekitTle.toDate(created, data.utc()));
        header.setOriginator(originator);
        List<OemSegment> segments = new ArrayList<>();
        for (Track track : tracks) {
            if (track.states().isEmpty()) {
                continue;
            }
            OemMetadata metadata = new OemMetadata(1);
            metadata.setObjectName(track.object().name().strip());
            String designator = track.object().cosparId();
            metadata.setObjectID(designator == null || designator.isBlank() ? Integer.toString(track.object().noradId()) : designator);
            metadata.setCenter(BodyFacade.create(CenterName.EARTH, data.context()));
            metadata.setReferenceFrame(FrameFacade.map(frame == Frame.TEME ? data.teme() : data.itrf()));
            metadata.setTimeSystem(TimeSystem.UTC);
            metadata.setStartTime(OrekitTle.toDate(track.states().getFirst().time(), data.utc()));
            metadata.setStopTime(OrekitTle.toDate(track.states().getLast().time(), data.utc()));
            OemData states = new OemData();
            for (CartesianState s : track.states()) {
                states.addData(new TimeStampedPVCoordinates(OrekitTle.toDate(s.time(), data.utc()),
                        new Vector3D(s.xKm() * 1000, s.yKm() * 1000, s.zKm() * 1000),
                        new Vector3D(s.vxKmS() * 1000, s.vyKmS() * 1000, s.vzKmS() * 1000)), false);
            }
            segments.add(new OemSegment(metadata, states, mu));
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no states to write");
        }
        Oem oem = new Oem(header, segments, IERSConventions.IERS_2010, data.context(), mu);
        return Kvn.write(new WriterBuilder(data.context()).buildOemWriter(), oem, OemWriter.KVN_PADDING_WIDTH, "oem");
    }
}
