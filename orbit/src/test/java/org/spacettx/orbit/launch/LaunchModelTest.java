package org.spacettx.orbit.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.frames.TopocentricFrame;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.access.Pass;
import org.spacettx.orbit.access.PassFinder;
import org.spacettx.orbit.access.Topocentric;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OrekitTle;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.geo.GeoPoint;
import org.spacettx.orbit.geo.Site;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.GeodeticPosition;
import org.spacettx.orbit.propagate.Sgp4;

class LaunchModelTest {

    static final OrekitData DATA = OrekitData.standard();
    static final Instant LIFT_OFF = Instant.parse("2023-11-21T13:42:28Z");
    static final Site SOHAE = LaunchSite.find("sohae").orElseThrow().site();

    static Launch sohaeSso(double downrangeKm, double ascentMinutes) {
        return LaunchModel.launch(new LaunchRequest(SOHAE, LIFT_OFF, null, 97.4, LaunchRequest.Heading.AUTO, 500,
                downrangeKm, ascentMinutes, 99001, "RECON-SAT (EXERCISE)"), DATA);
    }

    @Test
    void sohaeIntoSunSynchronousOrbitHasTheRequestedInclinationAndAltitude() {
        Launch launch = sohaeSso(0, 0);
        ElementSet e = launch.elements();
        assertThat(e.inclinationDeg()).isCloseTo(97.4, within(0.05));
        assertThat(e.eccentricity()).isLessThan(0.005);
        Sgp4 sgp4 = Sgp4.of(e, DATA);
        double sum = 0;
        int n = 0;
        for (double m = 0; m < e.periodMinutes(); m += 0.5, n++) {
            sum += sgp4.temeAtMinutes(m).radiusKm();
        }
        // Mean radius of the orbit against 6378.137 + 500 km: the osculating insertion state sits on SGP4's
        // short-period J2 oscillation (several km at 40 degrees latitude).
        assertThat(sum / n - 6378.137).isCloseTo(500, within(12.0));
        // Southward from Sohae, as North Korea's launches fly.
        assertThat(launch.groundAzimuthDeg()).isBetween(180.0, 200.0);
    }

    @Test
    void groundTrackStartsAtTheSiteAndHeadsAlongTheAzimuth() {
        Launch launch = sohaeSso(0, 0);
        Sgp4 sgp4 = Sgp4.of(launch.elements(), DATA);
        GeodeticPosition p0 = sgp4.geodetic(launch.insertionTime());
        GeodeticPosition p1 = sgp4.geodetic(launch.insertionTime().plusSeconds(60));
        GeoPoint start = new GeoPoint(p0.latitudeDeg(), p0.longitudeDeg());
        assertThat(start.angleToDeg(SOHAE.point()) * 111.2).isLessThan(15.0);
        double heading = start.azimuthToDeg(new GeoPoint(p1.latitudeDeg(), p1.longitudeDeg()));
        assertThat(heading).isCloseTo(launch.groundAzimuthDeg(), within(1.0));
        assertThat(p0.altitudeKm()).isBetween(480.0, 530.0);
    }

    @Test
    void insertionDownrangeIsWhereTheModelSays() {
        Launch launch = sohaeSso(1500, 9);
        assertThat(launch.insertionTime()).isEqualTo(LIFT_OFF.plusSeconds(540));
        GeodeticPosition p = Sgp4.of(launch.elements(), DATA).geodetic(launch.insertionTime());
        double downrangeKm = new GeoPoint(p.latitudeDeg(), p.longitudeDeg()).angleToDeg(SOHAE.point()) * Math.PI / 180 * 6371;
        assertThat(downrangeKm).isCloseTo(1500, within(20.0));
        assertThat(p.latitudeDeg()).isLessThan(SOHAE.latitudeDeg() - 10);
        assertThat(launch.elements().inclinationDeg()).isCloseTo(97.4, within(0.05));
    }

    /** The first pass over Seoul from the pass finder, and straight from SGP4 and Orekit's topocentric frame. */
    @Test
    void firstPassOverSeoulMatchesADirectComputation() {
        Launch launch = sohaeSso(0, 0);
        Site seoul = new Site("MND Seoul", 37.535, 126.977, 40, "KOR", "ministry");
        Instant start = launch.insertionTime();
        Sgp4 sgp4 = Sgp4.of(launch.elements(), DATA);
        Ephemerides sky = Ephemerides.sample(List.of(sgp4), start, start.plus(Duration.ofDays(1)), Duration.ofSeconds(60), 1, DATA);
        Pass first = PassFinder.find(sky, sky.objects().get(0), new Topocentric(seoul), 10).stream()
                .filter(p -> !p.risesBeforeSpan()).findFirst().orElseThrow();
        TopocentricFrame topo = new TopocentricFrame(DATA.earth(), new GeodeticPoint(Math.toRadians(seoul.latitudeDeg()),
                Math.toRadians(seoul.longitudeDeg()), seoul.altitudeM()), "Seoul");
        Instant rise = null;
        boolean wasBelow = false;
        for (int s = 0; s < 86400 && rise == null; s++) {
            Instant t = start.plusSeconds(s);
            CartesianState c = sgp4.itrf(t);
            double elevation = Math.toDegrees(topo.getElevation(new Vector3D(c.xKm() * 1e3, c.yKm() * 1e3, c.zKm() * 1e3),
                    DATA.itrf(), OrekitTle.toDate(t, DATA.utc())));
            if (elevation >= 10 && wasBelow) {
                rise = t;
            }
            wasBelow |= elevation < 10;
        }
        assertThat(rise).isNotNull();
        assertThat(Duration.between(first.rise(), rise).toNanos() / 1e9).isBetween(0.0, 1.0);
    }

    @Test
    void impossibleRequestsAreExplained() {
        assertThatThrownBy(() -> LaunchModel.launch(new LaunchRequest(SOHAE, LIFT_OFF, null, 30.0,
                LaunchRequest.Heading.AUTO, 500, 0, 0, 99001, "X"), DATA))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("30.00 degrees cannot be reached directly from latitude 39.66")
                .hasMessageContaining("reaches inclinations from 39.47 to 140.53 degrees");
        assertThatThrownBy(() -> LaunchModel.launch(new LaunchRequest(SOHAE, LIFT_OFF, 180.0, 97.4,
                LaunchRequest.Heading.AUTO, 500, 0, 0, 99001, "X"), DATA)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> LaunchModel.launch(new LaunchRequest(SOHAE, LIFT_OFF, 180.0, null,
                LaunchRequest.Heading.AUTO, 50, 0, 0, 99001, "X"), DATA)).hasMessageContaining("--altitude");
    }

    @Test
    void azimuthGivesTheMatchingInclination() {
        Site naro = LaunchSite.find("NARO").orElseThrow().site();
        Launch launch = LaunchModel.launch(new LaunchRequest(naro, LIFT_OFF, 180.0, null, LaunchRequest.Heading.AUTO, 600,
                0, 0, 99002, "X"), DATA);
        // A ground track due south is, in inertial space, a little east of south (the Earth's rotation is added
        // back): the orbit is a little prograde of polar.
        assertThat(launch.inclinationDeg()).isBetween(85.0, 89.5);
        assertThat(launch.elements().inclinationDeg()).isCloseTo(launch.inclinationDeg(), within(0.05));
    }

    /** The shipped list against GCAT (J. McDowell), for the sites GCAT locates to 0.1 degree or better. */
    @Test
    void shippedLaunchSitesAgreeWithGcat() throws IOException {
        Map<String, double[]> gcat = new HashMap<>();
        for (String line : Files.readAllLines(SharedData.path("gcat-reference/sites.tsv"))) {
            String[] f = line.split("\t");
            if (f.length > 12 && !line.startsWith("#") && !f[10].isBlank() && !f[10].strip().equals("-")) {
                gcat.put(f[0], new double[] {Double.parseDouble(f[11].strip()), Double.parseDouble(f[10].strip()),
                        Double.parseDouble(f[12].strip())});
            }
        }
        Map<String, String> codes = Map.ofEntries(Map.entry("SOHAE", "SOHAE"), Map.entry("TONGHAE", "TONGH"),
                Map.entry("NARO", "NARO"), Map.entry("MAHIA", "MAHIA"), Map.entry("SEMNAN", "SEM"),
                Map.entry("TANEGASHIMA", "TNSC"), Map.entry("UCHINOURA", "USC"), Map.entry("KOUROU", "CSG"),
                Map.entry("VANDENBERG", "VSFB"), Map.entry("SRIHARIKOTA", "SDSC"), Map.entry("PALMACHIM", "PALB"),
                Map.entry("WALLOPS", "MARS"), Map.entry("CAPE", "CCSFS"));
        codes.forEach((ours, theirs) -> {
            LaunchSite site = LaunchSite.find(ours).orElseThrow();
            double[] g = gcat.get(theirs);
            double km = site.site().point().angleToDeg(new GeoPoint(g[0], g[1])) * 111.2;
            assertThat(km).as("%s vs GCAT %s", ours, theirs).isLessThan(g[2] * 111.2 + 12);
        });
        assertThat(LaunchSite.all()).hasSizeGreaterThanOrEqualTo(20);
    }
}
