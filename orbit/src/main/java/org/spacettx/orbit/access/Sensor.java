package org.spacettx.orbit.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an imaging satellite can see of a ground point: the point must be above the horizon and above
 * {@code minElevationDeg} as seen from the ground, within {@code maxOffNadirDeg} of the satellite's nadir (the
 * geocentric down direction) as seen from the satellite, and, for optical sensors, lit by a Sun at least
 * {@code minSunElevationDeg} above its horizon. NaN means "no such limit".
 *
 * <p>Specifications as on the command line: {@code optical:off-nadir=30,sun=10}, {@code radar:off-nadir=45},
 * {@code elevation:10} (minimum elevation only), or any type with {@code elevation=E}.
 */
public record Sensor(String type, double maxOffNadirDeg, double minElevationDeg, double minSunElevationDeg) {

    public Sensor {
        if (!Double.isNaN(maxOffNadirDeg) && !(maxOffNadirDeg > 0 && maxOffNadirDeg < 90)) {
            throw new IllegalArgumentException("off-nadir limit " + maxOffNadirDeg + " is outside (0, 90) degrees");
        }
        if (!(minElevationDeg >= 0 && minElevationDeg < 90)) {
            throw new IllegalArgumentException("minimum elevation " + minElevationDeg + " is outside [0, 90) degrees");
        }
        if (!Double.isNaN(minSunElevationDeg) && !(minSunElevationDeg >= -90 && minSunElevationDeg < 90)) {
            throw new IllegalArgumentException("minimum sun elevation " + minSunElevationDeg + " is outside -90..90 degrees");
        }
    }

    /** Parses a specification; IllegalArgumentException with a plain explanation when it is not one. */
    public static Sensor parse(String spec) {
        String text = spec.strip().toLowerCase(Locale.ROOT);
        int colon = text.indexOf(':');
        String type = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        double offNadir = Double.NaN;
        double elevation = 0;
        double sun = Double.NaN;
        if (!type.equals("optical") && !type.equals("radar") && !type.equals("elevation")) {
            throw new IllegalArgumentException("sensor type '" + type + "' is not optical, radar or elevation"
                    + " (e.g. optical:off-nadir=30,sun=10)");
        }
        if (type.equals("elevation") && !rest.isEmpty() && !rest.contains("=")) {
            rest = "elevation=" + rest;
        }
        for (String part : rest.isEmpty() ? new String[0] : rest.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part + "' is not KEY=DEGREES");
            }
            double value;
            try {
                value = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1] + "' is not a number of degrees");
            }
            switch (kv[0].strip()) {
                case "off-nadir" -> offNadir = value;
                case "elevation" -> elevation = value;
                case "sun" -> {
                    if (type.equals("radar")) {
                        throw new IllegalArgumentException("a radar needs no sunlight: drop 'sun='");
                    }
                    sun = value;
                }
                default -> throw new IllegalArgumentException("'" + kv[0] + "' is not off-nadir, elevation or sun");
            }
        }
        if (type.equals("optical") && Double.isNaN(offNadir) && elevation == 0) {
            throw new IllegalArgumentException("an optical sensor needs off-nadir= or elevation=");
        }
        return new Sensor(type, offNadir, elevation, sun);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(maxOffNadirDeg)) {
            parts.add("off-nadir=" + number(maxOffNadirDeg));
        }
        if (minElevationDeg != 0 || parts.isEmpty()) {
            parts.add("elevation=" + number(minElevationDeg));
        }
        if (!Double.isNaN(minSunElevationDeg)) {
            parts.add("sun=" + number(minSunElevationDeg));
        }
        return type + ":" + String.join(",", parts);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * How far inside the sensor's limits a ground point is, degrees: the smallest of (elevation − minimum),
     * (off-nadir limit − off-nadir angle) and (Sun elevation − minimum); visible when ≥ 0.
     *
     * @param satellite ITRF position of the satellite, m
     * @param ground    the ground point's frame
     * @param sun       unit vector to the Sun in ITRF
     */
    public double margin(double[] satellite, Topocentric ground, double[] sun) {
        double margin = ground.elevationDeg(satellite) - minElevationDeg;
        if (!Double.isNaN(maxOffNadirDeg)) {
            margin = Math.min(margin, maxOffNadirDeg - offNadirDeg(satellite, ground));
        }
        if (!Double.isNaN(minSunElevationDeg)) {
            margin = Math.min(margin, ground.sunElevationDeg(sun) - minSunElevationDeg);
        }
        return margin;
    }

    /** Angle at the satellite between its geocentric nadir and the line of sight to the ground point, degrees. */
    public static double offNadirDeg(double[] satellite, Topocentric ground) {
        double lx = ground.position[0] - satellite[0];
        double ly = ground.position[1] - satellite[1];
        double lz = ground.position[2] - satellite[2];
        double dot = -(lx * satellite[0] + ly * satellite[1] + lz * satellite[2]);
        double l = Math.sqrt(lx * lx + ly * ly + lz * lz);
        double r = Math.sqrt(satellite[0] * satellite[0] + satellite[1] * satellite[1] + satellite[2] * satellite[2]);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (l * r)))));
    }

    /**
     * Earth central angle (degrees) from the sub-satellite point beyond which no point can meet the geometric limits,
     * for a satellite at {@code radiusM} from the Earth's centre, on a sphere of the equatorial radius. Used only to
     * skip ahead safely, so it errs on the large side.
     */
    public double footprintHalfAngleDeg(double radiusM) {
        return footprintAngleDeg(radiusM, Topocentric.WGS84_A * (1 - Topocentric.WGS84_F)) * 1.05 + 0.2;
    }

    /**
     * Earth central angle (degrees) of the footprint's edge on a spherical Earth of {@code earthRadiusM}: where the
     * off-nadir limit or the minimum elevation, whichever is tighter, is reached (law of sines in the triangle of
     * Earth centre, satellite and ground point). For maps; the finders use the exact geometry.
     */
    public double footprintAngleDeg(double radiusM, double earthRadiusM) {
        double ratio = earthRadiusM / radiusM;
        double eps = Math.toRadians(minElevationDeg);
        double lambda = Math.PI / 2 - eps - Math.asin(Math.min(1, ratio * Math.cos(eps)));
        if (!Double.isNaN(maxOffNadirDeg)) {
            double eta = Math.toRadians(maxOffNadirDeg);
            double s = Math.sin(eta) / ratio;
            if (s < 1) {
                lambda = Math.min(lambda, Math.asin(s) - eta);
            }
        }
        return Math.toDegrees(lambda);
    }
}
