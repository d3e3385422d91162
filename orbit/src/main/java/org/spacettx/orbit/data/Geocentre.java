package org.spacettx.orbit.data;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.orekit.bodies.CelestialBody;
import org.orekit.frames.Frame;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * The Earth as a celestial body at the origin of GCRF, for what names it as a centre (a CCSDS message's
 * {@code CENTER_NAME = EARTH}): Orekit's own Earth comes from JPL ephemerides, which SpaceTTX does not ship, and a
 * geocentric message needs no more than this.
 */
final class Geocentre implements CelestialBody {

    private final Frame gcrf;
    private final Frame itrf;

    Geocentre(Frame gcrf, Frame itrf) {
        this.gcrf = gcrf;
        this.itrf = itrf;
    }

    @Override
    public Frame getInertiallyOrientedFrame() {
        return gcrf;
    }

    @Override
    public Frame getBodyOrientedFrame() {
        return itrf;
    }

    @Override
    public String getName() {
        return "Earth";
    }

    @Override
    public double getGM() {
        return Constants.WGS84_EARTH_MU;
    }

    @Override
    public TimeStampedPVCoordinates getPVCoordinates(AbsoluteDate date, Frame frame) {
        return gcrf.getTransformTo(frame, date).transformPVCoordinates(new TimeStampedPVCoordinates(date, PVCoordinates.ZERO));
    }

    @Override
    public <T extends CalculusFieldElement<T>> FieldVector3D<T> getPosition(FieldAbsoluteDate<T> date, Frame frame) {
        return gcrf.getTransformTo(frame, date).transformPosition(FieldVector3D.getZero(date.getField()));
    }
}
