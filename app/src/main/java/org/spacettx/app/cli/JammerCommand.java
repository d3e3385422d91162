package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.spacettx.orbit.effects.GroundJammer;
import org.spacettx.orbit.geo.Site;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spacettx jammer}: how far a ground jammer denies a weak signal from space, from a stated link budget. */
@Command(name = "jammer", mixinStandardHelpOptions = true, description = "The area where a ground jammer denies receivers a weak signal from space (GNSS, a satellite downlink): where the "
        + "jamming exceeds the signal by the receivers' tolerance (free-space loss), within the radio horizon (4/3 Earth). "
        + "--geojson writes the area as a GeoJSON point with radius_km, which scenarios and the workspace take as a circle.")
public final class JammerCommand implements Callable<Integer> {

    @Option(names = "--site", required = true, paramLabel = "LAT,LON", description = "The jammer's position.")
    String site;
    @Option(names = "--eirp-dbw", required = true, paramLabel = "DBW", description = "Effective isotropic radiated power, dBW (10 W = 10 dBW).")
    double eirpDbw;
    @Option(names = "--frequency-mhz", required = true, paramLabel = "MHZ", description = "Frequency jammed (GPS L1: 1575.42).")
    double frequencyMhz;
    @Option(names = "--mast-m", defaultValue = "10", paramLabel = "M", description = "Jammer antenna height (default ${DEFAULT-VALUE} m).")
    double mastM;
    @Option(names = "--receiver-height-m", defaultValue = "2", paramLabel = "M", description = "Receivers' height (default ${DEFAULT-VALUE} m).")
    double receiverHeightM;
    @Option(names = "--signal-dbw", defaultValue = "-160", paramLabel = "DBW",
            description = "The wanted signal at the receiver (default ${DEFAULT-VALUE} dBW, about GPS L1 C/A's minimum).")
    double signalDbw;
    @Option(names = "--tolerance-db", defaultValue = "30", paramLabel = "DB", description = "Receivers' J/S tolerance (default ${DEFAULT-VALUE} dB).")
    double toleranceDb;
    @Option(names = "--gain-dbi", defaultValue = "0", paramLabel = "DBI", description = "Receiver antenna gain toward the jammer (default ${DEFAULT-VALUE}).")
    double gainDbi;
    @Option(names = "--geojson", paramLabel = "FILE", description = "Write the affected area as GeoJSON.")
    Path geojson;

    @Override
    public Integer call() throws Exception {
        Site at = LaunchCommand.resolveSite(site);
        GroundJammer jammer;
        try {
            jammer = new GroundJammer(eirpDbw, frequencyMhz, mastM);
        } catch (IllegalArgumentException e) {
            throw new org.spacettx.orbit.input.InputException(null, "jammer", e.getMessage());
        }
        GroundJammer.Reach reach = jammer.reach(new GroundJammer.Receivers(signalDbw, toleranceDb, receiverHeightM, gainDbi));
        System.out.printf(Locale.ROOT, "receivers at %.0f m lose the signal within %.1f km of %.3f, %.3f (%s; link budget %.1f km, radio horizon %.1f km)%n",
                receiverHeightM, reach.radiusKm(), at.latitudeDeg(), at.longitudeDeg(),
                reach.horizonLimited() ? "limited by the horizon" : "limited by the link budget", reach.budgetKm(), reach.horizonKm());
        if (geojson != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", String.format(Locale.ROOT, "Jamming %.0f MHz", frequencyMhz));
            properties.put("kind", "jamming");
            properties.put("radius_km", Math.round(reach.radiusKm() * 10) / 10.0);
            Map<String, Object> feature = Map.of("type", "Feature", "properties", properties,
                    "geometry", Map.of("type", "Point", "coordinates", List.of(at.longitudeDeg(), at.latitudeDeg())));
            CliFiles.write(geojson, new ObjectMapper().writeValueAsString(Map.of("type", "FeatureCollection", "features", List.of(feature))));
        }
        return 0;
    }
}
