package org.spacettx.orbit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;

/** The leap-second table shipped in the jar, against values published by IERS (Bulletin C) and USNO. */
class OrekitDataTest {

    private final TimeScale utc = OrekitData.standard().utc();
    private final TimeScale tai = OrekitData.standard().context().getTimeScales().getTAI();

    private double taiMinusUtc(int year, int month, int day) {
        AbsoluteDate date = new AbsoluteDate(year, month, day, 12, 0, 0.0, utc);
        return date.durationFrom(new AbsoluteDate(year, month, day, 12, 0, 0.0, tai));
    }

    @Test
    void leapSecondsMatchTheIersRecord() {
        assertThat(taiMinusUtc(1972, 1, 2)).isCloseTo(10.0, within(1e-9));
        assertThat(taiMinusUtc(1999, 1, 2)).isCloseTo(32.0, within(1e-9));
        assertThat(taiMinusUtc(2008, 12, 31)).isCloseTo(33.0, within(1e-9));
        assertThat(taiMinusUtc(2016, 12, 31)).isCloseTo(36.0, within(1e-9));
        assertThat(taiMinusUtc(2017, 1, 1)).isCloseTo(37.0, within(1e-9));
        assertThat(taiMinusUtc(2026, 11, 25)).isCloseTo(37.0, within(1e-9));
    }

    @Test
    void driftSegmentsBefore1972FollowTheUsnoFormula() {
        // 1966-01-01 to 1968-02-01: TAI-UTC = 4.3131700 s + (MJD - 39126) * 0.002592 s; 1967-01-01 is MJD 39491.
        assertThat(taiMinusUtc(1967, 1, 1)).isCloseTo(4.3131700 + (39491.5 - 39126) * 0.002592, within(1e-6));
    }

    @Test
    void theLeapSecondItselfExists() {
        AbsoluteDate leap = new AbsoluteDate(2016, 12, 31, 23, 59, 60.5, utc);
        assertThat(utc.insideLeap(leap)).isTrue();
    }
}
