package org.spacettx.exercise.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spacettx.exercise.scenario.YamlNode.MapNode;
import org.spacettx.exercise.scenario.YamlNode.Scalar;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.MeanElements;
import org.spacettx.orbit.catalog.TleFormat;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.launch.LaunchModel;
import org.spacettx.orbit.launch.LaunchRequest;
import org.spacettx.orbit.launch.LaunchSite;

/**
 * The objects: from catalog files (or an archive's snapshot of them), inline TLEs, hypothetical elements, or the
 * launch model.
 */
final class ObjectsReader {

    private final ReadContext ctx;
    private final Path base;
    private final List<ElementSet> snapshot;
    private final OrekitData data;

    ObjectsReader(ReadContext ctx, Path base, List<ElementSet> snapshot, OrekitData data) {
        this.ctx = ctx;
        this.base = base;
        this.snapshot = snapshot;
        this.data = data;
    }

    Catalog catalog(MapNode root) {
        List<ElementSet> sets = new ArrayList<>();
        for (YamlNode n : ctx.list(root, "catalog", false)) {
            if (!(n instanceof Scalar s)) {
                ctx.error(n, "a catalog entry must be a file path");
                continue;
            }
            if (snapshot != null) {
                continue; // the element sets come with the scenario
            }
            if (base == null) {
                ctx.error(n, "catalog files cannot be used here (an uploaded scenario may not read the server's files);"
                        + " define the objects by tle, elements or launch");
                continue;
            }
            Path file = base.resolve(s.text());
            try {
                sets.addAll(CatalogReader.strict(data).read(List.of(file)).elementSets());
            } catch (InputException e) {
                ctx.error(n, e.getMessage());
            }
        }
        return Catalog.of(snapshot != null ? snapshot : sets);
    }

    List<SpaceObject> read(MapNode root, Catalog catalog) {
        List<SpaceObject> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Integer> norads = new HashSet<>();
        int nextNorad = 99001;
        for (MapNode m : ctx.items(root, "objects", false, "an object", "objects[]")) {
            String id = ctx.string(m, "id", "");
            if (!ids.add(id)) {
                ctx.error(m, "object id '" + id + "' is used twice");
            }
            Text name = ctx.text(m, "name", false);
            String sensor = ctx.string(m, "sensor", "");
            if (!sensor.isEmpty()) {
                try {
                    Sensor.parse(sensor);
                } catch (IllegalArgumentException e) {
                    ctx.error(m.entries().get("sensor"), e.getMessage());
                }
            }
            List<String> sources = new ArrayList<>();
            for (String s : List.of("catalog", "tle", "elements", "launch")) {
                if (m.entries().containsKey(s)) {
                    sources.add(s);
                }
            }
            if (sources.size() != 1) {
                ctx.error(m, "an object needs exactly one of catalog (a NORAD number), tle, elements or launch; found "
                        + (sources.isEmpty() ? "none" : String.join(", ", sources)));
                continue;
            }
            String source = sources.get(0);
            YamlNode def = m.entries().get(source);
            String label = name.en().isEmpty() ? id : name.en();
            ElementSet elements = null;
            Instant launchTime = null;
            try {
                switch (source) {
                    case "catalog" -> {
                        int norad = (int) Math.round(ctx.number(m, "catalog", 0.0));
                        elements = catalog.byNorad(norad).orElse(null);
                        if (elements == null) {
                            ctx.error(def, "object " + norad + " is not in the scenario's catalog files"
                                    + (catalog.size() == 0 ? " (no 'catalog:' files are given)" : ""));
                        }
                    }
                    case "tle" -> {
                        List<String> lines = def instanceof Scalar s ? s.text().strip().lines().toList() : ctx.strings(m, "tle");
                        if (lines.size() != 2) {
                            ctx.error(def, "a tle needs its two lines");
                        } else {
                            elements = TleFormat.parse(label, lines.get(0), lines.get(1),
                                    new SourceLocation("scenario " + def.path(), def.line()), TleFormat.Checksum.VERIFY);
                        }
                    }
                    case "elements" -> {
                        MapNode e = ctx.map(def, "elements");
                        if (e != null) {
                            ctx.keys(e, "objects[].elements");
                            int norad = (int) Math.round(ctx.number(e, "norad", (double) nextNorad));
                            elements = new MeanElements(norad, label, ctx.instant(e, "epoch", true),
                                    ctx.number(e, "inclination", 0.0), ctx.number(e, "raan", 0.0),
                                    ctx.number(e, "eccentricity", 0.0), ctx.number(e, "arg_perigee", 0.0),
                                    ctx.number(e, "mean_anomaly", 0.0), ctx.number(e, "mean_motion", null),
                                    ctx.number(e, "altitude_km", null), ctx.number(e, "bstar", 0.0))
                                    .toElementSet(new SourceLocation("scenario " + def.path(), def.line()));
                        }
                    }
                    default -> {
                        MapNode l = ctx.map(def, "launch");
                        if (l != null) {
                            ctx.keys(l, "objects[].launch");
                            String siteName = ctx.string(l, "site", "");
                            LaunchSite site = LaunchSite.find(siteName).orElse(null);
                            if (site == null) {
                                ctx.error(l.entries().getOrDefault("site", l), "'" + siteName + "' is not a known launch site");
                            } else {
                                launchTime = ctx.instant(l, "time", true);
                                String heading = ctx.string(l, "heading", "auto").toUpperCase(Locale.ROOT);
                                int norad = (int) Math.round(ctx.number(l, "norad", (double) nextNorad));
                                elements = LaunchModel.launch(new LaunchRequest(site.site(), launchTime,
                                        ctx.number(l, "azimuth", null), ctx.number(l, "inclination", null),
                                        LaunchRequest.Heading.valueOf(heading), ctx.number(l, "altitude_km", 500.0),
                                        ctx.number(l, "downrange_km", 0.0), ctx.number(l, "ascent_minutes", 0.0), norad, label),
                                        data).elements();
                            }
                        }
                    }
                }
            } catch (InputException e) {
                ctx.error(def, e.getMessage());
            } catch (IllegalArgumentException | NullPointerException e) {
                ctx.error(def, "cannot be used: " + e.getMessage());
            }
            if (elements != null) {
                if (!norads.add(elements.noradId())) {
                    ctx.error(m, "catalog number " + elements.noradId() + " is used by two objects");
                }
                if (elements.noradId() >= nextNorad) {
                    nextNorad = elements.noradId() + 1;
                }
                double size = ctx.number(m, "size_m", 1.0);
                if (!(size > 0)) {
                    ctx.error(m.entries().get("size_m"), "an object's size is a positive number of metres");
                    size = 1.0;
                }
                out.add(new SpaceObject(id, name, ctx.string(m, "nation", "").toUpperCase(Locale.ROOT),
                        elements.withName(label), sensor, source, launchTime, size));
            }
        }
        return out;
    }
}
