package org.spacettx.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.ccsds.OrbitEphemerisMessage;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.GeodeticPosition;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx propagate}: SGP4 states of catalog objects over a time span. */
@Command(name = "propagate", mixinStandardHelpOptions = true, description = "Propagate element sets with SGP4/SDP4 and print states in TEME, ITRF or geodetic coordinates. "
        + "Objects SGP4 cannot propagate at some time (decayed, eccentricity out of range...) are reported on stderr "
        + "with object, time and reason; their later times are skipped and the other objects still come out.")
public final class PropagateCommand implements Callable<Integer> {

    enum Frame { TEME, ITRF, GEODETIC }

    @Mixin
    ObjectOptions objects;

    static final class Span {
        @Option(names = "--tsince", paramLabel = "START:STOP:STEP",
                description = "Minutes since each element set's own epoch, e.g. 0:1440:60.")
        String tsince;

        @ArgGroup(exclusive = false)
        Absolute absolute;
    }

    static final class Absolute {
        @Option(names = "--from", required = true, paramLabel = "ISO", description = "Start time, ISO-8601 UTC.")
        String from;
        @Option(names = "--to", required = true, paramLabel = "ISO", description = "End time (inclusive), ISO-8601 UTC.")
        String to;
        @Option(names = "--step", defaultValue = "60", paramLabel = "SECONDS", description = "Step in seconds (default ${DEFAULT-VALUE}).")
        double stepSeconds;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Span span;

    @Option(names = "--frame", defaultValue = "teme", paramLabel = "teme|itrf|geodetic",
            converter = FrameConverter.class, description = "Output frame (default ${DEFAULT-VALUE}).")
    Frame frame;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json|oem", description = "Output format (default "
            + "${DEFAULT-VALUE}); oem: a CCSDS Orbit Ephemeris Message (KVN, CCSDS 502.0), one segment per object, in TEME or "
            + "ITRF, written by Orekit.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the standard output.")
    Path output;

    static final class FrameConverter implements picocli.CommandLine.ITypeConverter<Frame> {
        @Override
        public Frame convert(String value) {
            return Frame.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() {
        TimeGrid grid = TimeGrid.parse(span);
        boolean oem = format.strip().equalsIgnoreCase("oem");
        OutputFormat rows = oem ? null : formatOf(format);
        if (oem && frame == Frame.GEODETIC) {
            throw new InputException(null, "--frame", "an OEM holds Cartesian states: --frame teme or itrf");
        }
        CatalogOptions.Loaded loaded = objects.loaded();
        List<ElementSet> selected = objects.selected();
        if (oem) {
            return writeOem(grid, loaded, selected);
        }
        List<Column> columns = frame == Frame.GEODETIC
                ? List.of(Column.text("norad", 6), Column.text("time_utc", 27), Column.number("lat_deg", 10, 6),
                        Column.number("lon_deg", 11, 6), Column.number("alt_km", 12, 6))
                : List.of(Column.text("norad", 6), Column.text("time_utc", 27), Column.number("tsince_min", 14, 6),
                        Column.number("x_km", 16, 8), Column.number("y_km", 16, 8), Column.number("z_km", 16, 8),
                        Column.number("vx_km_s", 13, 9), Column.number("vy_km_s", 13, 9), Column.number("vz_km_s", 13, 9));
        int failed = 0;
        java.io.PrintStream to = System.out;
        if (output != null) {
            try {
                to = new java.io.PrintStream(java.nio.file.Files.newOutputStream(output), false, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new InputException(null, "--output", "cannot write " + output + ": " + e.getMessage());
            }
        }
        try (RowWriter out = new RowWriter(columns, rows, to)) {
            for (ElementSet elements : selected) {
                if (!propagate(elements, grid.minutesSinceEpoch(elements.epoch()), loaded, out)) {
                    failed++;
                }
            }
        }
        if (failed > 0) {
            System.err.println("spacettx: " + failed + " of " + selected.size() + " objects could not be propagated over the whole span");
        }
        return 0;
    }

    private static OutputFormat formatOf(String name) {
        try {
            return OutputFormat.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--format", "'" + name + "' is not table, csv, json or oem");
        }
    }

    /**
     * The states of every selected object as a CCSDS OEM, one segment each, to {@code -o}: an object SGP4 stops on is
     * written up to its last state (and reported, as for the other formats).
     */
    private int writeOem(TimeGrid grid, CatalogOptions.Loaded loaded, List<ElementSet> selected) {
        if (output == null) {
            throw new InputException(null, "--output", "an OEM is written to a file: -o FILE.oem");
        }
        List<OrbitEphemerisMessage.Track> tracks = new ArrayList<>();
        int failed = 0;
        for (ElementSet elements : selected) {
            List<CartesianState> states = new ArrayList<>();
            try {
                Sgp4 sgp4 = Sgp4.of(elements, loaded.data());
                for (double minutes : grid.minutesSinceEpoch(elements.epoch())) {
                    states.add(frame == Frame.TEME ? sgp4.temeAtMinutes(minutes)
                            : sgp4.itrf(elements.epoch().plusNanos(Math.round(minutes * 60e9))));
                }
            } catch (PropagationException e) {
                System.err.println("spacettx: " + e.getMessage() + "; later times skipped");
                failed++;
            }
            tracks.add(new OrbitEphemerisMessage.Track(elements, states));
        }
        String kvn;
        try {
            kvn = OrbitEphemerisMessage.kvn(tracks, frame == Frame.TEME ? OrbitEphemerisMessage.Frame.TEME : OrbitEphemerisMessage.Frame.ITRF,
                    "SPACETTX", Instant.now(), loaded.data());
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "propagate", e.getMessage());
        }
        CliFiles.write(output, kvn);
        System.err.printf(Locale.ROOT, "spacettx: %d objects written to %s (CCSDS OEM, %s)%n", tracks.stream()
                .filter(t -> !t.states().isEmpty()).count(), output, frame.name());
        if (failed > 0) {
            System.err.println("spacettx: " + failed + " of " + selected.size() + " objects could not be propagated over the whole span");
        }
        return 0;
    }

    /** Writes the rows of one object; false when SGP4 stopped before the end of the span. */
    private boolean propagate(ElementSet elements, List<Double> times, CatalogOptions.Loaded loaded, RowWriter out) {
        try {
            Sgp4 sgp4 = Sgp4.of(elements, loaded.data());
            for (double minutes : times) {
                Instant time = elements.epoch().plusNanos(Math.round(minutes * 60e9));
                if (frame == Frame.GEODETIC) {
                    GeodeticPosition p = sgp4.geodetic(time);
                    out.row(elements.noradId(), p.time().toString(), p.latitudeDeg(), p.longitudeDeg(), p.altitudeKm());
                } else {
                    CartesianState s = frame == Frame.TEME ? sgp4.temeAtMinutes(minutes) : sgp4.itrf(time);
                    out.row(elements.noradId(), s.time().toString(), minutes, s.xKm(), s.yKm(), s.zKm(),
                            s.vxKmS(), s.vyKmS(), s.vzKmS());
                }
            }
            return true;
        } catch (PropagationException e) {
            System.err.println("spacettx: " + e.getMessage() + "; later times skipped");
            return false;
        }
    }

    /**
     * The evaluation times: either minutes since each element set's epoch, or one absolute grid for all objects.
     * Parsed and checked before anything is printed, so that bad options never leave half an output.
     */
    record TimeGrid(double startMinutes, double stepMinutes, Instant from, long stepNanos, long count) {

        static TimeGrid parse(Span span) {
            if (span.tsince != null) {
                String[] parts = span.tsince.split(":");
                if (parts.length != 3) {
                    throw new InputException(null, "--tsince", "'" + span.tsince + "' is not START:STOP:STEP in minutes");
                }
                double start = number(parts[0]);
                double stop = number(parts[1]);
                double step = number(parts[2]);
                if (!(step > 0) || stop < start) {
                    throw new InputException(null, "--tsince", "needs STEP > 0 and STOP >= START");
                }
                return new TimeGrid(start, step, null, 0, checkCount((long) Math.floor((stop - start) / step + 1e-9) + 1));
            }
            Instant from = Times.parse("--from", span.absolute.from);
            Instant to = Times.parse("--to", span.absolute.to);
            if (to.isBefore(from)) {
                throw new InputException(null, "--to", "is before --from");
            }
            if (!(span.absolute.stepSeconds >= 1e-3)) {
                throw new InputException(null, "--step", "must be at least 0.001 seconds");
            }
            long stepNanos = Math.round(span.absolute.stepSeconds * 1e9);
            return new TimeGrid(0, 0, from, stepNanos, checkCount(Duration.between(from, to).toNanos() / stepNanos + 1));
        }

        List<Double> minutesSinceEpoch(Instant epoch) {
            List<Double> result = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                result.add(from == null ? startMinutes + i * stepMinutes
                        : Duration.between(epoch, from.plusNanos(i * stepNanos)).toNanos() / 60e9);
            }
            return result;
        }

        private static long checkCount(long count) {
            if (count > 10_000_000) {
                throw new InputException(null, "time span", count + " steps per object is more than 10 million; use a larger step");
            }
            return count;
        }

        private static double number(String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new InputException(null, "--tsince", "'" + text + "' is not a number of minutes");
            }
        }
    }

}
