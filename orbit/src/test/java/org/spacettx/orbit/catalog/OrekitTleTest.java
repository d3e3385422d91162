package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.DateTimeComponents;
import org.orekit.time.TimeScale;
import org.spacettx.orbit.data.OrekitData;

class OrekitTleTest {

    private final TimeScale utc = OrekitData.standard().utc();

    /** Orekit's own calendar split of a date in UTC, to the nanosecond: the slow, obviously right way. */
    private Instant viaComponents(AbsoluteDate date) {
        DateTimeComponents c = date.getComponents(utc);
        double seconds = c.getTime().getSecond();
        long whole = (long) Math.floor(seconds);
        return LocalDateTime.of(c.getDate().getYear(), c.getDate().getMonth(), c.getDate().getDay(),
                        c.getTime().getHour(), c.getTime().getMinute(), 0)
                .toInstant(ZoneOffset.UTC).plusSeconds(whole).plusNanos(Math.round((seconds - whole) * 1e9));
    }

    @Test
    void instantConversionIsExactAcrossLeapSecondsAndDriftYears() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            // 1962 (drifting UTC) to 2040, nanosecond resolution.
            long seconds = -252_460_800L + (long) (random.nextDouble() * 2_461_000_000L);
            Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            AbsoluteDate date = OrekitTle.toDate(instant, utc);
            assertThat(OrekitTle.toInstant(date, utc)).isEqualTo(instant);
            assertThat(Math.abs(OrekitTle.toInstant(date, utc).getNano() - viaComponents(date).getNano()))
                    .isLessThanOrEqualTo(1000);
        }
        for (String around : new String[] {"2016-12-31T23:59:59.5Z", "2017-01-01T00:00:00Z", "2015-06-30T23:59:59Z",
                "2015-07-01T00:00:00.000000001Z", "1972-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(around);
            assertThat(OrekitTle.toInstant(OrekitTle.toDate(t, utc), utc)).isEqualTo(t);
        }
    }

    @Test
    void theSecondAfterALeapSecondIsTwoSecondsLater() {
        AbsoluteDate before = OrekitTle.toDate(Instant.parse("2016-12-31T23:59:59Z"), utc);
        AbsoluteDate after = OrekitTle.toDate(Instant.parse("2017-01-01T00:00:00Z"), utc);
        assertThat(after.durationFrom(before)).isEqualTo(2.0);
    }
}
