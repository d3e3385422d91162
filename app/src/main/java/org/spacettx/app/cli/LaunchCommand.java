package org.spacettx.app.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.orekit.propagation.analytical.tle.TLE;
import org.spacettx.orbit.catalog.OmmWriter;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.launch.Launch;
import org.spacettx.orbit.launch.LaunchModel;
import org.spacettx.orbit.launch.LaunchRequest;
import org.spacettx.orbit.launch.LaunchSite;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx launch}: the object a launch would put in orbit, as TLE and OMM. */
@Command(name = "launch", mixinStandardHelpOptions = true, description = "Model a launch from a site (a name from the shipped list, or LAT,LON) and print the resulting object as a "
        + "3-line TLE and a CCSDS OMM (KVN); --format json gives both in one object, csv an OMM CSV row. "
        + "Simplified on purpose: instantaneous ascent (or a straight downrange hop), no dogleg, circular orbit.")
public final class LaunchCommand implements Callable<Integer> {

    @Option(names = "--site", required = true, paramLabel = "NAME|LAT,LON", description = "Launch site (try --list-sites).")
    String site;
    @Option(names = "--time", required = true, paramLabel = "ISO", description = "Lift-off, UTC.")
    String time;

    static final class Direction {
        @Option(names = "--azimuth", paramLabel = "DEG", description = "Ground-track direction at the site, degrees from north.")
        Double azimuth;
        @Option(names = "--inclination", paramLabel = "DEG", description = "Target inclination, degrees.")
        Double inclination;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Direction direction;
    @Option(names = "--heading", defaultValue = "auto", paramLabel = "north|south|auto",
            description = "With --inclination: launch northward or southward (auto: south for retrograde orbits).")
    String heading;
    @Option(names = "--altitude", required = true, paramLabel = "KM", description = "Circular orbit altitude, km.")
    double altitude;
    @Option(names = "--downrange-km", defaultValue = "0", paramLabel = "KM", description = "Insertion this far downrange (default 0).")
    double downrange;
    @Option(names = "--ascent-minutes", defaultValue = "0", paramLabel = "MIN", description = "Insertion this long after lift-off (default 0).")
    double ascent;
    @Option(names = "--norad", defaultValue = "99001", paramLabel = "ID", description = "Catalog number to give the object (default ${DEFAULT-VALUE}).")
    int norad;
    @Option(names = "--name", defaultValue = "LAUNCHED OBJECT (EXERCISE)", paramLabel = "NAME")
    String name;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Site from = resolveSite(site);
        LaunchRequest.Heading h;
        try {
            h = LaunchRequest.Heading.valueOf(heading.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--heading", "'" + heading + "' is not north, south or auto");
        }
        OrekitData data = OrekitData.standard();
        Launch launch = LaunchModel.launch(new LaunchRequest(from, Times.parse("--time", time), direction.azimuth,
                direction.inclination, h, altitude, downrange, ascent, norad, name), data);
        TLE tle = OrekitTle.toTle(launch.elements(), data.utc());
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        switch (format.format) {
            case JSON -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("tle", List.of(launch.elements().name(), tle.getLine1(), tle.getLine2()));
                out.put("omm", OmmWriter.fields(launch.elements()));
                out.put("insertion_utc", launch.insertionTime().toString());
                out.put("insertion_lat_deg", launch.insertionPoint().latitudeDeg());
                out.put("insertion_lon_deg", launch.insertionPoint().longitudeDeg());
                out.put("ground_azimuth_deg", launch.groundAzimuthDeg());
                out.put("inclination_deg", launch.inclinationDeg());
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            }
            case CSV -> System.out.print(OmmCsv.of(List.of(launch.elements())));
            case TABLE -> {
                System.out.println(launch.elements().name());
                System.out.println(tle.getLine1());
                System.out.println(tle.getLine2());
                System.out.println();
                System.out.print(OmmWriter.kvn(launch.elements(), "SPACETTX LAUNCH MODEL", created));
                System.err.printf(Locale.ROOT, "spacettx: insertion %s at %.3f, %.3f heading %.1f deg; inclination %.2f deg%n",
                        launch.insertionTime(), launch.insertionPoint().latitudeDeg(), launch.insertionPoint().longitudeDeg(),
                        launch.groundAzimuthDeg(), launch.inclinationDeg());
            }
        }
        return 0;
    }

    static Site resolveSite(String text) {
        if (text.matches("\\s*-?[\\d.]+\\s*,\\s*-?[\\d.]+.*")) {
            try {
                return Site.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InputException(null, "--site", e.getMessage());
            }
        }
        return LaunchSite.find(text).map(LaunchSite::site).orElseThrow(() -> new InputException(null, "--site",
                "'" + text + "' is not a known launch site; known: " + String.join(", ",
                        LaunchSite.all().stream().map(LaunchSite::code).toList())));
    }
}
