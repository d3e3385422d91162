package org.spacettx.app.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How times are printed in results: ISO-8601 UTC rounded to the millisecond. */
final class Instants {

    private Instants() {
    }

    static String seconds(Instant t) {
        return t.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
