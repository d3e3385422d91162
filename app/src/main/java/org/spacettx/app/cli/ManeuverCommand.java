package org.spacettx.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.orekit.propagation.analytical.tle.TLE;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OmmWriter;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.maneuver.Impulse;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx maneuver}: an object's element set after an impulsive manoeuvre. */
@Command(name = "maneuver", mixinStandardHelpOptions = true, description = "The element set an object follows after an impulsive manoeuvre: its SGP4 state at --time, the velocity change "
        + "--dv RADIAL,ALONG,CROSS (m/s, in its orbital frame) added, mean elements fitted to the result (Orekit's "
        + "fixed-point TLE generation). Prints the TLE and the orbit before and after; --format csv gives OMM CSV.")
public final class ManeuverCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;

    @Option(names = "--time", required = true, paramLabel = "ISO", description = "The burn, UTC.")
    String time;

    @Option(names = "--dv", required = true, paramLabel = "R,T,N", split = ",",
            description = "Velocity change in m/s: radial, along-track, cross-track.")
    List<Double> dv;

    @Mixin
    FormatOption format;

    @Option(names = "--opm", paramLabel = "FILE", description = "Also write the manoeuvre as a CCSDS Orbit Parameter Message (KVN, "
            + "CCSDS 502.0): the state at the burn and the impulse in RTN, written by Orekit.")
    java.nio.file.Path opm;

    @Override
    public Integer call() throws Exception {
        List<ElementSet> selected = objects.selected();
        if (selected.size() != 1) {
            throw new InputException(null, "--norad", "name exactly one object (" + selected.size() + " selected)");
        }
        if (dv.size() != 3 || dv.stream().anyMatch(x -> x == null || !Double.isFinite(x))) {
            throw new InputException(null, "--dv", "three numbers in m/s: radial, along-track, cross-track");
        }
        ElementSet before = selected.get(0);
        Impulse burn = new Impulse(Times.parse("--time", time), dv.get(0), dv.get(1), dv.get(2));
        OrekitData data = OrekitData.standard();
        ElementSet after;
        try {
            after = burn.applyTo(before, data);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--dv", e.getMessage());
        }
        TLE tle = OrekitTle.toTle(after, data.utc());
        if (opm != null) {
            CliFiles.write(opm, org.spacettx.orbit.ccsds.OrbitParameterMessage.kvn(before, burn, "SPACETTX", java.time.Instant.now(), data));
        }
        switch (format.format) {
            case JSON -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("tle", List.of(after.name(), tle.getLine1(), tle.getLine2()));
                out.put("omm", OmmWriter.fields(after));
                out.put("dv_m_s", burn.magnitudeMS());
                out.put("before", orbit(before));
                out.put("after", orbit(after));
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            }
            case CSV -> System.out.print(OmmCsv.of(List.of(after)));
            case TABLE -> {
                System.out.println(after.name());
                System.out.println(tle.getLine1());
                System.out.println(tle.getLine2());
                Map<String, Double> b = orbit(before);
                Map<String, Double> a = orbit(after);
                System.out.printf(Locale.ROOT, "%.2f m/s at %s: perigee %.1f -> %.1f km, apogee %.1f -> %.1f km, period %.2f -> %.2f min,"
                        + " inclination %.3f -> %.3f deg%n", burn.magnitudeMS(), burn.time(), b.get("perigee_km"), a.get("perigee_km"),
                        b.get("apogee_km"), a.get("apogee_km"), b.get("period_min"), a.get("period_min"), b.get("inclination_deg"),
                        a.get("inclination_deg"));
            }
        }
        return 0;
    }

    /** Mean perigee and apogee heights (above SGP4's 6378.135 km), period and inclination of an element set. */
    static Map<String, Double> orbit(ElementSet e) {
        double n = e.meanMotion() * 2 * Math.PI / 86400;
        double a = Math.cbrt(398600.8 / (n * n));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("perigee_km", a * (1 - e.eccentricity()) - 6378.135);
        out.put("apogee_km", a * (1 + e.eccentricity()) - 6378.135);
        out.put("period_min", e.periodMinutes());
        out.put("inclination_deg", e.inclinationDeg());
        return out;
    }
}
