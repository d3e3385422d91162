package org.spacettx.orbit.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spacettx.orbit.geo.Site;

/** An orbital launch site from the list shipped with SpaceTTX ({@code launch-sites.csv}). */
public record LaunchSite(String code, String name, double latitudeDeg, double longitudeDeg, String country) {

    private static final List<LaunchSite> ALL = load();

    public static List<LaunchSite> all() {
        return ALL;
    }

    /** By code or by any part of the name, case-insensitively ("sohae", "VANDENBERG", "naro"). */
    public static Optional<LaunchSite> find(String text) {
        String needle = text.strip().toUpperCase(Locale.ROOT);
        for (LaunchSite s : ALL) {
            if (s.code.equals(needle)) {
                return Optional.of(s);
            }
        }
        return ALL.stream().filter(s -> s.name.toUpperCase(Locale.ROOT).contains(needle)).findFirst();
    }

    public Site site() {
        return new Site(name, latitudeDeg, longitudeDeg, 0, country, "launch site");
    }

    private static List<LaunchSite> load() {
        try (InputStream in = LaunchSite.class.getResourceAsStream("launch-sites.csv")) {
            List<LaunchSite> sites = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].strip().split(",");
                if (f.length == 5) {
                    sites.add(new LaunchSite(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4]));
                }
            }
            return List.copyOf(sites);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("launch-sites.csv is missing from the jar", e);
        }
    }
}
