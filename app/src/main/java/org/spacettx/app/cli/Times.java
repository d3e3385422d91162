package org.spacettx.app.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.spacettx.orbit.input.InputException;

/** ISO-8601 UTC times on the command line: {@code 2026-06-10T12:00:00Z}; a missing zone means UTC. */
final class Times {

    private Times() {
    }

    static Instant parse(String option, String text) {
        try {
            String t = text.trim();
            return Instant.parse(t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? t : t + "Z");
        } catch (DateTimeParseException e) {
            throw new InputException(null, option, "'" + text + "' is not an ISO-8601 UTC time like 2026-06-10T12:00:00Z");
        }
    }

    /** A span given by --from and --to, checked. */
    record Span(Instant from, Instant to) {
        static Span parse(String from, String to) {
            Instant a = Times.parse("--from", from);
            Instant b = Times.parse("--to", to);
            if (!b.isAfter(a)) {
                throw new InputException(null, "--to", "must be after --from");
            }
            if (java.time.Duration.between(a, b).toDays() > 366) {
                throw new InputException(null, "--to", "spans more than a year; split the request");
            }
            return new Span(a, b);
        }
    }
}
