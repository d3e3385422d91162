package org.spacettx.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.spacettx.orbit.access.Pass;
import org.spacettx.orbit.access.PassFinder;
import org.spacettx.orbit.access.Topocentric;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx passes}: passes of objects over sites above an elevation mask. */
@Command(name = "passes", mixinStandardHelpOptions = true, description = "Passes of objects over sites: rise, culmination and set (UTC, to the second or better), maximum elevation, "
        + "rise and set azimuths, range at culmination, whether the satellite is sunlit and the Sun's elevation at the "
        + "site at culmination. Elevations are geometric (no refraction).")
public final class PassesCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Mixin
    SpanOptions spanOptions;
    @Option(names = "--min-elevation", defaultValue = "10", paramLabel = "DEG", description = "Elevation mask (default ${DEFAULT-VALUE}).")
    double minElevation;
    @Mixin
    PlaceOptions placeOptions;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        Times.Span span = spanOptions.span();
        if (!(minElevation >= -5 && minElevation < 90)) {
            throw new InputException(null, "--min-elevation", "must be -5..90 degrees");
        }
        List<Site> sites = placeOptions.places().sites();
        if (sites.isEmpty()) {
            throw new InputException(null, "--site", "passes need sites (points), not areas; use overflight for areas");
        }
        Ephemerides sky = Skies.sample(objects.selected(), span, objects.loaded().data());
        List<Pass> passes = new ArrayList<>();
        for (Site site : sites) {
            Topocentric topo = new Topocentric(site);
            for (Ephemeris object : sky.objects()) {
                passes.addAll(PassFinder.find(sky, object, topo, minElevation));
            }
        }
        passes.sort(Comparator.comparing(Pass::rise).thenComparing(Pass::noradId));
        try (RowWriter out = new RowWriter(List.of(Column.text("norad", 6), Column.text("name", 20),
                Column.text("rise_utc", 24), Column.text("culmination_utc", 24), Column.text("set_utc", 24),
                Column.number("max_elevation_deg", 8, 2), Column.number("rise_azimuth_deg", 8, 1),
                Column.number("set_azimuth_deg", 8, 1), Column.text("sunlit", 6), Column.text("site", 16),
                Column.number("culmination_range_km", 9, 1), Column.number("sun_elevation_deg", 8, 1),
                Column.number("duration_s", 8, 1)), format.format, System.out)) {
            for (Pass p : passes) {
                out.row(p.noradId(), p.name(), Instants.seconds(p.rise()), Instants.seconds(p.culmination()),
                        Instants.seconds(p.set()), p.maxElevationDeg(), p.riseAzimuthDeg(), p.setAzimuthDeg(), p.sunlit(),
                        p.siteName(), p.culminationRangeKm(), p.sunElevationDeg(), p.durationSeconds());
            }
        }
        return 0;
    }
}
