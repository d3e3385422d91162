package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.SharedData;

class PropagateCommandTest {

    static final String VALLADO = SharedData.path("sgp4-verification/SGP4-VER.TLE").toString();

    @Test
    void temeCsvReproducesTheReferenceAtEpoch() {
        CliRun run = CliRun.of("propagate", "--tle", VALLADO, "--no-checksum", "--norad", "5", "--tsince", "0:720:360",
                "--format", "csv");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("norad,time_utc,tsince_min,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s");
        assertThat(lines).hasSize(4);
        // tcppver.out, object 5 at tsince 0 and 360 minutes (Vallado's reference C++).
        String[] epoch = lines.get(1).split(",");
        assertThat(epoch[1]).isEqualTo("2000-06-27T18:50:19.733568Z");
        assertThat(Double.parseDouble(epoch[3])).isCloseTo(7022.46529266, within(2e-8));
        assertThat(Double.parseDouble(epoch[8])).isCloseTo(4.534807250, within(2e-9));
        String[] later = lines.get(2).split(",");
        assertThat(Double.parseDouble(later[3])).isCloseTo(-7154.03120202, within(2e-8));
    }

    @Test
    void geodeticJsonOverAnAbsoluteSpan() throws Exception {
        CliRun run = CliRun.of("propagate", "--tle", SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle").toString(),
                "--norad", "25544", "--from", "2026-05-30T00:00:00Z", "--to", "2026-05-30T01:00:00Z", "--step", "600",
                "--frame", "geodetic", "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).fieldNames()).toIterable().containsExactly("norad", "time_utc", "lat_deg", "lon_deg", "alt_km");
        assertThat(rows.get(6).get("time_utc").asText()).isEqualTo("2026-05-30T01:00:00Z");
        for (JsonNode row : rows) {
            assertThat(row.get("alt_km").asDouble()).isBetween(380.0, 450.0);
            assertThat(Math.abs(row.get("lat_deg").asDouble())).isLessThan(52.0);
        }
    }

    /**
     * {@code --format oem -o FILE}: a CCSDS OEM that Orekit's own parser reads, each state within a metre (and a
     * millimetre per second) of the CSV the same command prints, in TEME and in ITRF; a geodetic OEM is refused.
     */
    @Test
    void anOemIsReadByOreKitAndAgreesWithTheCsv(@TempDir Path dir) throws Exception {
        String stations = SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle").toString();
        org.spacettx.orbit.data.OrekitData data = org.spacettx.orbit.data.OrekitData.standard();
        for (String frame : List.of("teme", "itrf")) {
            Path file = dir.resolve(frame + ".oem");
            String[] span = {"propagate", "--tle", stations, "--norad", "25544,48274", "--from", "2026-06-01T00:00:00Z", "--to", "2026-06-01T02:00:00Z",
                "--step", "120", "--frame", frame};
            CliRun oem = CliRun.of(concat(span, "--format", "oem", "-o", file.toString()));
            assertThat(oem.exitCode()).as(oem.err()).isZero();
            assertThat(oem.err()).contains("2 objects written to");
            CliRun csv = CliRun.of(concat(span, "--format", "csv"));
            List<String[]> rows = csv.out().lines().skip(1).map(l -> l.split(",")).toList();
            org.orekit.files.ccsds.ndm.odm.oem.Oem read = new org.orekit.files.ccsds.ndm.ParserBuilder(data.context()).buildOemParser()
                    .parseMessage(new org.orekit.data.DataSource(file.toString(), () -> java.nio.file.Files.newBufferedReader(file)));
            List<org.orekit.utils.TimeStampedPVCoordinates> states = read.getSegments().stream().flatMap(s -> s.getCoordinates().stream()).toList();
            assertThat(states).hasSize(rows.size()).hasSize(2 * 61);
            for (int k = 0; k < rows.size(); k++) {
                String[] r = rows.get(k);
                var s = states.get(k);
                assertThat(Math.abs(s.getDate().durationFrom(org.spacettx.orbit.catalog.OrekitTle.toDate(java.time.Instant.parse(r[1]), data.utc())))).isLessThan(1e-6);
                org.hipparchus.geometry.euclidean.threed.Vector3D p = new org.hipparchus.geometry.euclidean.threed.Vector3D(
                        Double.parseDouble(r[3]), Double.parseDouble(r[4]), Double.parseDouble(r[5])).scalarMultiply(1000);
                org.hipparchus.geometry.euclidean.threed.Vector3D v = new org.hipparchus.geometry.euclidean.threed.Vector3D(
                        Double.parseDouble(r[6]), Double.parseDouble(r[7]), Double.parseDouble(r[8])).scalarMultiply(1000);
                assertThat(s.getPosition().distance(p)).as("%s row %d, m", frame, k).isLessThan(1.0);
                assertThat(s.getVelocity().distance(v)).as("%s row %d, m/s", frame, k).isLessThan(1e-3);
            }
        }
        CliRun geodetic = CliRun.of("propagate", "--tle", stations, "--norad", "25544", "--tsince", "0:10:1", "--frame", "geodetic",
                "--format", "oem", "-o", dir.resolve("g.oem").toString());
        assertThat(geodetic.exitCode()).isEqualTo(2);
        assertThat(geodetic.err()).contains("--frame");
        CliRun noFile = CliRun.of("propagate", "--tle", stations, "--norad", "25544", "--tsince", "0:10:1", "--format", "oem");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("-o FILE.oem");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void objectsSgp4CannotPropagateAreReportedAndTheOthersStillComeOut() {
        CliRun run = CliRun.of("propagate", "--tle", VALLADO, "--no-checksum", "--norad", "28872,5", "--tsince", "0:60:5",
                "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("object 28872 at 2005-11-29T01:23:58.939104Z: the object has decayed");
        assertThat(run.err()).contains("1 of 2 objects could not be propagated");
        assertThat(run.out().lines().filter(l -> l.startsWith("28872,"))).hasSize(11); // 0..50 min, as the reference
        assertThat(run.out().lines().filter(l -> l.startsWith("5,"))).hasSize(13);
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingFileLineAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.tle");
        Files.writeString(bad, "ISS\n1 25544U 98067A   26150.50000000  .00016717  00000-0  30074-3 0  9998\n"
                + "2 25544  51.6349 113.4576 0004327 323.2436  36.8320 15.49726402569970\n");
        CliRun run = CliRun.of("propagate", "--tle", bad.toString(), "--tsince", "0:10:1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("spacettx: " + bad + ":3: line 2 checksum (column 69): is '0', computed 4");

        CliRun badTime = CliRun.of("propagate", "--tle", bad.toString(), "--from", "yesterday", "--to", "2026-01-01T00:00:00Z");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err().lines()).containsExactly(
                "spacettx: --from: 'yesterday' is not an ISO-8601 UTC time like 2026-06-10T12:00:00Z");
        assertThat(badTime.out()).isEmpty();

        CliRun missing = CliRun.of("propagate", "--tle", dir.resolve("none.tle").toString(), "--tsince", "0:1:1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("spacettx: " + dir.resolve("none.tle") + ": no such file\n");

        CliRun unknownObject = CliRun.of("propagate", "--tle", VALLADO, "--no-checksum", "--norad", "12345", "--tsince", "0:1:1");
        assertThat(unknownObject.exitCode()).isEqualTo(2);
        assertThat(unknownObject.err()).isEqualTo("spacettx: --norad: object 12345 is not in the catalog\n");
    }

    @Test
    void everyCommandHasHelpAndFormat() {
        for (String[] command : List.of(new String[] {"propagate"}, new String[] {"catalog", "info"},
                new String[] {"catalog", "list"}, new String[] {"catalog", "fetch"}, new String[] {"bench", "propagate"})) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            if (!command[command.length - 1].equals("fetch")) {
                assertThat(run.out()).as(String.join(" ", command)).contains("--format");
            }
        }
    }
}
