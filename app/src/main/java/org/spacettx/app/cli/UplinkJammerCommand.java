package org.spacettx.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.spacettx.orbit.effects.UplinkJammer;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx uplink-jammer}: when a ground jammer is inside satellites' receive beams, and how strong it is there. */
@Command(name = "uplink-jammer", mixinStandardHelpOptions = true, description = "A ground jammer against satellites' receivers (their uplinks): the windows when the jammer's site is inside a "
        + "satellite's receive beam (a cone about nadir) and the satellite above the minimum elevation, each with the "
        + "closest range, the jamming power at the receiver then (EIRP - free-space loss + receive gain) and, with "
        + "--signal-dbw, the jamming over the wanted uplink (J/S). No atmosphere; the jammer pointed at the satellite. "
        + "(Against an optical satellite, a laser's exposure is the satellite's imaging windows of the site: spacettx "
        + "overflight with its optical sensor.)")
public final class UplinkJammerCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Mixin
    SpanOptions spanOptions;
    @Option(names = "--site", required = true, paramLabel = "LAT,LON[,ALT_M]", description = "The jammer's position (or a launch site's name).")
    String site;
    @Option(names = "--eirp-dbw", required = true, paramLabel = "DBW", description = "Effective isotropic radiated power, dBW (1 kW = 30 dBW).")
    double eirpDbw;
    @Option(names = "--frequency-mhz", required = true, paramLabel = "MHZ", description = "The uplink frequency jammed.")
    double frequencyMhz;
    @Option(names = "--beam-deg", defaultValue = "20", paramLabel = "DEG",
            description = "Half-angle of the satellite's receive beam about nadir (default ${DEFAULT-VALUE}).")
    double beamDeg;
    @Option(names = "--min-elevation", defaultValue = "10", paramLabel = "DEG",
            description = "Lowest elevation the jammer reaches the satellite at (default ${DEFAULT-VALUE}).")
    double minElevationDeg;
    @Option(names = "--gain-dbi", defaultValue = "0", paramLabel = "DBI", description = "Satellite receive gain toward the jammer (default ${DEFAULT-VALUE}).")
    double gainDbi;
    @Option(names = "--signal-dbw", paramLabel = "DBW", description = "The wanted uplink's power at the satellite's receiver: adds J/S.")
    Double signalDbw;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        UplinkJammer jammer;
        try {
            jammer = new UplinkJammer(eirpDbw, frequencyMhz, beamDeg, minElevationDeg);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "uplink-jammer", e.getMessage());
        }
        Site at = LaunchCommand.resolveSite(site);
        Times.Span span = spanOptions.span();
        Ephemerides sky = Skies.sample(objects.selected(), span, objects.loaded().data());
        List<UplinkJammer.Exposure> all = new ArrayList<>();
        for (Ephemeris satellite : sky.objects()) {
            all.addAll(jammer.exposures(sky, satellite, at, gainDbi));
        }
        all.sort(Comparator.comparing((UplinkJammer.Exposure e) -> e.window().start()));
        List<Column> columns = new ArrayList<>(List.of(Column.text("norad", 6), Column.text("name", 20), Column.text("start_utc", 24),
                Column.text("end_utc", 24), Column.number("duration_s", 10, 1), Column.text("closest_utc", 24),
                Column.number("closest_km", 10, 1), Column.number("jamming_dbw", 11, 1)));
        if (signalDbw != null) {
            columns.add(Column.number("j_over_s_db", 11, 1));
        }
        try (RowWriter out = new RowWriter(columns, format.format, System.out)) {
            for (UplinkJammer.Exposure e : all) {
                List<Object> row = new ArrayList<>(List.of(e.window().noradId(), e.window().objectName(), Instants.seconds(e.window().start()),
                        Instants.seconds(e.window().end()), e.window().durationSeconds(), Instants.seconds(e.closest()), e.closestRangeKm(),
                        e.peakJammingDbw()));
                if (signalDbw != null) {
                    row.add(e.peakJammingToSignalDb(signalDbw));
                }
                out.row(row.toArray());
            }
        }
        return 0;
    }
}
