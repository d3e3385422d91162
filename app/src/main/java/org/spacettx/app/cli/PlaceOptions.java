package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.GeoJsonPlaces;
import org.spacettx.orbit.geo.Places;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Option;

/** Where on the ground: sites given as coordinates, and sites and areas from GeoJSON files. */
public final class PlaceOptions {

    @Option(names = "--site", paramLabel = "LAT,LON[,ALT_M]", description = "A site in degrees (and metres); repeatable.")
    List<String> sites;

    @Option(names = {"--places", "--sites", "--aoi"}, paramLabel = "FILE.geojson",
            description = "Sites (points) and areas (polygons, or points with radius_km) from GeoJSON; repeatable.")
    List<Path> files;

    @Option(names = "--spacing-km", defaultValue = "2", paramLabel = "KM",
            description = "Spacing of the points that stand for an area (default ${DEFAULT-VALUE} km).")
    double spacingKm;

    public Places places() {
        List<Site> allSites = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        if (sites != null) {
            for (String text : sites) {
                try {
                    allSites.add(Site.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new InputException(null, "--site", e.getMessage());
                }
            }
        }
        if (files != null) {
            for (Path file : files) {
                Places p = GeoJsonPlaces.read(file);
                allSites.addAll(p.sites());
                areas.addAll(p.areas());
            }
        }
        if (allSites.isEmpty() && areas.isEmpty()) {
            throw new InputException(null, "--site/--places", "give at least one site or area");
        }
        return new Places(allSites, areas);
    }

    /** Every site and area as a search target. */
    public List<Target> targets() {
        if (!(spacingKm >= 0.1 && spacingKm <= 100)) {
            throw new InputException(null, "--spacing-km", "must be 0.1..100 km");
        }
        Places p = places();
        List<Target> targets = new ArrayList<>();
        p.sites().forEach(s -> targets.add(Target.of(s)));
        p.areas().forEach(a -> targets.add(Target.of(a, spacingKm)));
        return targets;
    }
}
