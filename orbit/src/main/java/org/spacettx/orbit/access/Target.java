package org.spacettx.orbit.access;

import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.geo.Area;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.Site;

/**
 * Ground points that stand for a site or an area in visibility searches, with a cap that holds them all.
 */
public final class Target {

    /** Spacing of the points that stand for an area, km: small against any imaging footprint. */
    public static final double DEFAULT_SPACING_KM = 2.0;

    private final String name;
    private final String nation;
    private final List<Topocentric> points;
    private final GeoPoint capCenter;
    private final double capRadiusDeg;

    private Target(String name, String nation, List<Topocentric> points, GeoPoint capCenter, double capRadiusDeg) {
        this.name = name;
        this.nation = nation;
        this.points = List.copyOf(points);
        this.capCenter = capCenter;
        this.capRadiusDeg = capRadiusDeg;
    }

    public static Target of(Site site) {
        return new Target(site.name(), site.nation(), List.of(new Topocentric(site)), site.point(), 0);
    }

    public static Target of(Area area, double spacingKm) {
        List<Topocentric> points = new ArrayList<>();
        for (GeoPoint p : area.samples(spacingKm)) {
            points.add(new Topocentric(new Site(area.name(), p.latitudeDeg(), p.longitudeDeg(), 0, area.nation(), area.kind())));
        }
        return new Target(area.name(), area.nation(), points, area.capCenter(), area.capRadiusDeg());
    }

    public String name() {
        return name;
    }

    public String nation() {
        return nation;
    }

    public List<Topocentric> points() {
        return points;
    }

    public GeoPoint capCenter() {
        return capCenter;
    }

    public double capRadiusDeg() {
        return capRadiusDeg;
    }
}
