package org.spacettx.orbit.ccsds;

import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CenterName;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.CdmData;
import org.orekit.files.ccsds.ndm.cdm.CdmHeader;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmSegment;
import org.orekit.files.ccsds.ndm.cdm.CdmWriter;
import org.orekit.files.ccsds.ndm.cdm.CovarianceMethod;
import org.orekit.files.ccsds.ndm.cdm.Maneuvrable;
import org.orekit.files.ccsds.ndm.cdm.RTNCovariance;
import org.orekit.files.ccsds.ndm.cdm.StateVector;
import org.orekit.files.ccsds.section.CommentsContainer;
import org.orekit.utils.IERSConventions;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Sgp4;
import org.spacettx.orbit.propagate.StateFit;

/**
 * CCSDS Conjunction Data Messages (CCSDS 508.0-B-1, KVN), written by Orekit's CDM writer: one close approach, its time
 * of closest approach, miss distance, relative speed, relative position and velocity in the first object's RTN frame
 * (from the screening's TEME states at the TCA), both objects' states at the TCA in ITRF (their SGP4 states), and each
 * object's covariance in its own RTN frame: element sets carry none, and a CDM requires one, so it is the one stated
 * for the probability of collision ({@link CollisionProbability}: position variances, no correlations, velocity
 * terms zero), marked as a default (COVARIANCE_METHOD = DEFAULT) and said in a comment.
 */
public final class ConjunctionDataMessage {

    private ConjunctionDataMessage() {
    }

    /**
     * The message for one approach between {@code a} (OBJECT1) and {@code b} (OBJECT2), the objects of
     * {@code approach}, screened from {@code from} to {@code to}; {@code assumed} the covariance stated.
     */
    public static String kvn(Conjunction approach, ElementSet a, ElementSet b, CollisionProbability assumed, Instant from, Instant to,
                             String originator, Instant created, OrekitData data) {
        var tca = OrekitTle.toDate(approach.tca(), data.utc());
        CdmHeader header = new CdmHeader();
        header.setFormatVersion(CdmWriter.CCSDS_CDM_VERS);
        header.setCreationDate(OrekitTle.toDate(created, data.utc()));
        header.setOriginator(originator);
        header.setMessageId(messageId(approach));

        // relative state in OBJECT1's RTN frame, from both TEME states at the TCA
        Vector3D[] teme1 = StateFit.vectors(Sgp4.of(a, data).teme(approach.tca()));
        Vector3D[] teme2 = StateFit.vectors(Sgp4.of(b, data).teme(approach.tca()));
        Vector3D r = teme1[0].normalize();
        Vector3D n = Vector3D.crossProduct(teme1[0], teme1[1]).normalize();
        Vector3D t = Vector3D.crossProduct(n, r);
        Vector3D dp = teme2[0].subtract(teme1[0]);
        Vector3D dv = teme2[1].subtract(teme1[1]);
        CdmRelativeMetadata relative = new CdmRelativeMetadata();
        relative.setTimeSystem(TimeSystem.UTC);
        relative.setTca(tca);
        relative.setMissDistance(dp.getNorm());
        relative.setRelativeSpeed(dv.getNorm());
        relative.setRelativePositionR(dp.dotProduct(r));
        relative.setRelativePositionT(dp.dotProduct(t));
        relative.setRelativePositionN(dp.dotProduct(n));
        relative.setRelativeVelocityR(dv.dotProduct(r));
        relative.setRelativeVelocityT(dv.dotProduct(t));
        relative.setRelativeVelocityN(dv.dotProduct(n));
        relative.setStartScreenPeriod(OrekitTle.toDate(from, data.utc()));
        relative.setStopScreenPeriod(OrekitTle.toDate(to, data.utc()));
        if (!Double.isNaN(approach.probability())) {
            relative.setCollisionProbability(approach.probability());
            relative.setCollisionProbaMethod(org.orekit.files.ccsds.definitions.PocMethodFacade.parse("FOSTER-1992"));
        }
        Cdm cdm = new Cdm(header, List.of(segment("OBJECT1", a, relative, assumed, data, approach.tca()),
                segment("OBJECT2", b, relative, assumed, data, approach.tca())), IERSConventions.IERS_2010, data.context());
        return Kvn.write(new WriterBuilder(data.context()).buildCdmWriter(), cdm, CdmWriter.KVN_PADDING_WIDTH, "cdm");
    }

    /** A message id that names the pair and the time: {@code NORAD1_NORAD2_yyyyMMddTHHmmss}. */
    public static String messageId(Conjunction approach) {
        return approach.noradA() + "_" + approach.noradB() + "_" + approach.tca().toString().replaceAll("[-:]", "").replaceAll("\\..*", "")
                .replace("Z", "");
    }

    private static CdmSegment segment(String which, ElementSet object, CdmRelativeMetadata relative, CollisionProbability assumed,
                                      OrekitData data, Instant tca) {
        CdmMetadata metadata = new CdmMetadata(data.context());
        metadata.setObject(which);
        metadata.setRelativeMetadata(relative);
        metadata.setObjectDesignator(Integer.toString(object.noradId()));
        metadata.setCatalogName("SATCAT");
        metadata.setObjectName(object.name().strip());
        metadata.setInternationalDes(object.cosparId().isBlank() ? "UNKNOWN" : object.cosparId());
        metadata.setEphemName("NONE");
        metadata.setCovarianceMethod(CovarianceMethod.DEFAULT);
        metadata.setManeuverable(Maneuvrable.N_A);
        metadata.setOrbitCenter(BodyFacade.create(CenterName.EARTH, data.context()));
        metadata.setRefFrame(FrameFacade.map(data.itrf()));
        Vector3D[] itrf = StateFit.vectors(Sgp4.of(object, data).itrf(tca));
        StateVector state = new StateVector();
        state.setX(itrf[0].getX());
        state.setY(itrf[0].getY());
        state.setZ(itrf[0].getZ());
        state.setXdot(itrf[1].getX());
        state.setYdot(itrf[1].getY());
        state.setZdot(itrf[1].getZ());
        RTNCovariance covariance = new RTNCovariance();
        covariance.addComment("element sets carry no covariance: position variances as stated for the probability of collision,"
                + " no correlations, velocity terms zero");
        double[] sigmaM = {assumed.sigmaRadialKm() * 1000, assumed.sigmaInTrackKm() * 1000, assumed.sigmaCrossTrackKm() * 1000};
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                covariance.setCovarianceMatrixEntry(i, j, i == j && i < 3 ? sigmaM[i] * sigmaM[i] : 0);
            }
        }
        CommentsContainer comments = new CommentsContainer();
        return new CdmSegment(metadata, new CdmData(comments, null, null, state, covariance));
    }

}
