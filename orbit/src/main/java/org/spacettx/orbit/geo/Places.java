package org.spacettx.orbit.geo;

import java.util.List;

/** Named sites and areas, as read from a GeoJSON file or a scenario. */
public record Places(List<Site> sites, List<Area> areas) {

    public Places {
        sites = List.copyOf(sites);
        areas = List.copyOf(areas);
    }
}
