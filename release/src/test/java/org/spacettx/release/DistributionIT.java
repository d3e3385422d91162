package org.spacettx.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.tls.TestPki;

/**
 * The release as a site's administrator meets it, on a machine that has never seen the internet: the archive checks
 * against its SHA-256 sums, unpacks, and runs with no network but loopback, no JDK to be found ({@code /usr/lib/jvm}
 * hidden) and an empty {@code HOME}: the demo over HTTPS with smart cards (a password sign-in, a card's, a card of
 * another authority and a revoked one refused, control starting the exercise), a command of the orbital engine, and
 * the Spark add-on screening a small catalog as the built-in engine does. Needs root (for {@code unshare}); CI
 * requires it ({@code SPACETTX_REQUIRE_ISOLATION}).
 */
@Tag("slow")
class DistributionIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static Path archive;
    static Path addon;

    @TempDir
    static Path dir;

    @BeforeAll
    static void locate() {
        archive = Path.of(System.getProperty("spacettx.release"));
        addon = Path.of(System.getProperty("spacettx.addon"));
    }

    static boolean isolationPossible() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0")
                && new ProcessBuilder("sh", "-c", "command -v unshare && command -v curl && command -v ip").start().waitFor() == 0;
    }

    static String run(Path workdir, Duration limit, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    @Test
    void theArchiveChecksIsSmallEnoughAndCarriesItsSbom() throws Exception {
        assertThat(run(archive.getParent(), Duration.ofMinutes(2), "sha256sum", "-c", "SHA256SUMS")).contains(archive.getFileName() + ": OK");
        assertThat(Files.size(archive)).as("at most 300 MB").isLessThan(300L << 20);
        Path unpacked = dir.resolve("sbom-check");
        Files.createDirectories(unpacked);
        run(unpacked, Duration.ofMinutes(3), "tar", "xzf", archive.toString());
        Path home = Files.list(unpacked).findFirst().orElseThrow();
        JsonNode bom = JSON.readTree(Files.readString(home.resolve("sbom/spacettx.cdx.json")));
        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        Map<String, JsonNode> byName = new HashMap<>();
        bom.get("components").forEach(c -> byName.put(c.get("name").asText(), c));
        for (String name : List.of("orekit", "javalin", "jackson-databind", "cesium")) {
            JsonNode c = byName.get(name);
            assertThat(c).as(name + " in the SBOM").isNotNull();
            assertThat(c.get("version").asText()).as(name).isNotBlank().doesNotContain("${");
            assertThat(c.get("licenses").toString()).as(name + "'s licence").containsAnyOf("Apache-2.0", "\"id\"", "\"name\"");
        }
        assertThat(byName.get("cesium").get("version").asText()).isEqualTo("1.145.0");
        assertThat(home.resolve("licences/npm/LICENSE-cesium.md")).exists();
        assertThat(home.resolve("runtime/legal")).isDirectory();
        assertThat(home.resolve("systemd/spacettx.service")).exists();
    }

    @Test
    void itRunsWithNoNetworkNoJdkAndAnEmptyHome() throws Exception {
        boolean possible = isolationPossible();
        if (System.getenv("SPACETTX_REQUIRE_ISOLATION") != null) {
            assertThat(possible).as("root, unshare, curl and ip, which CI has").isTrue();
        }
        Assumptions.assumeTrue(possible, "needs root, unshare, curl and ip (iproute2)");
        Path install = dir.resolve("opt");
        Files.createDirectories(install);
        run(install, Duration.ofMinutes(3), "tar", "xzf", archive.toString());
        run(install, Duration.ofMinutes(3), "tar", "xzf", addon.toString());
        Path home = Files.list(install).findFirst().orElseThrow();
        assertThat(home.resolve("addons/spark/spacettx-spark.jar")).exists();

        // the site's PKI: a server authority, a smart-card authority and somebody else's; kor1's card, a revoked one
        Path pki = Files.createDirectories(dir.resolve("pki"));
        TestPki.Issued serverCa = TestPki.authority("O=Alliance,CN=Exercise Network Server CA");
        TestPki.Issued host = TestPki.issue(serverCa, "CN=spacettx.exercise.example", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)), List.of("localhost", "127.0.0.1"));
        TestPki.Issued cards = TestPki.authority("O=Alliance,CN=Alliance Smart Card CA");
        TestPki.Issued kor = TestPki.issue(cards, "O=Alliance,OU=ROK delegation,CN=kor1");
        TestPki.Issued revoked = TestPki.issue(cards, "O=Alliance,OU=US delegation,CN=usa1");
        TestPki.Issued stranger = TestPki.issue(TestPki.authority("CN=Somebody Else's CA"), "CN=kor1");
        TestPki.pem(pki.resolve("server.pem"), host.certificate(), serverCa.certificate());
        TestPki.pem(pki.resolve("server-key.pem"), host.keys().getPrivate());
        TestPki.pem(pki.resolve("server-ca.pem"), serverCa.certificate());
        TestPki.pem(pki.resolve("cards.pem"), cards.certificate());
        TestPki.pem(pki.resolve("cards.crl"), TestPki.revocations(cards, revoked.certificate()));
        for (Map.Entry<String, TestPki.Issued> c : Map.of("kor", kor, "revoked", revoked, "stranger", stranger).entrySet()) {
            TestPki.pem(pki.resolve(c.getKey() + ".pem"), c.getValue().certificate());
            TestPki.pem(pki.resolve(c.getKey() + "-key.pem"), c.getValue().keys().getPrivate());
        }
        Path tle = Path.of(System.getProperty("spacettx.shared"), "data/catalog/celestrak-groups-2026-05-30/resource.tle");
        Files.copy(tle, dir.resolve("resource.tle"));
        Path empty = Files.createDirectories(dir.resolve("empty-home"));
        Path script = dir.resolve("isolated.sh");
        Files.writeString(script, ISOLATED);
        String out = run(dir, Duration.ofMinutes(15), "unshare", "-mn", "sh", script.toString(), home.toString(), pki.toString(),
                dir.toString(), empty.toString());
        Map<String, String> said = new HashMap<>();
        out.lines().filter(l -> l.startsWith("RESULT ")).forEach(l -> {
            String[] p = l.substring(7).split(" ", 2);
            said.put(p[0], p.length > 1 ? p[1] : "");
        });
        assertThat(said.get("jdk")).as("no JDK in sight").isEqualTo("none");
        assertThat(said.get("network")).as("no route off the machine").isEqualTo("none");
        assertThat(said.get("version")).startsWith("SpaceTTX 0.1.0").contains("(commit ");
        assertThat(said.get("health")).isEqualTo("200");
        assertThat(said.get("plain-http")).as("plain HTTP on the port gets nothing").isEqualTo("000");
        assertThat(said.get("password-login")).isEqualTo("200");
        assertThat(said.get("start-exercise")).isEqualTo("200");
        assertThat(said.get("card-login")).isEqualTo("200");
        assertThat(said.get("card-me")).contains("\"username\":\"kor1\"");
        assertThat(said.get("stranger-login")).as("another authority's card").isIn("000", "401");
        assertThat(said.get("revoked-login")).isEqualTo("401");
        assertThat(said.get("launch")).as(said.get("launch-said")).isEqualTo("0");
        assertThat(said.get("screen-local")).as(said.get("screen-local-said")).isEqualTo("0");
        assertThat(said.get("screen-spark")).as(said.get("screen-spark-said")).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("screen-spark.csv"))).isEqualTo(Files.readString(dir.resolve("screen-local.csv")))
                .contains("\n");
    }

    /** Run inside {@code unshare -mn}: arguments are the installation, the PKI, a work directory and an empty home. */
    static final String ISOLATED = """
            set -u
            APP="$1"; PKI="$2"; WORK="$3"; EMPTY="$4"
            mount -t tmpfs tmpfs /usr/lib/jvm
            ip link set lo up
            export HOME="$EMPTY" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            unset JAVA_HOME
            echo "RESULT jdk $(ls /usr/lib/jvm | head -1 | grep . || echo none)"
            echo "RESULT network $(ip route | grep -v '^$' | head -1 | grep . || echo none)"
            echo "RESULT version $("$APP/bin/spacettx" --version)"
            SPACETTX_DEMO_PASSWORD=release-password-1 "$APP/bin/spacettx" demo --port 8443 --data-dir "$WORK/data" \\
                --tls-cert "$PKI/server.pem" --tls-key "$PKI/server-key.pem" --client-ca "$PKI/cards.pem" --crl "$PKI/cards.crl" \\
                > "$WORK/server.log" 2>&1 &
            SERVER=$!
            for i in $(seq 1 180); do grep -q "running at https" "$WORK/server.log" && break; sleep 1; done
            URL=https://127.0.0.1:8443
            TLS="--cacert $PKI/server-ca.pem --silent --output /dev/null --write-out %{http_code}"
            echo "RESULT health $(curl $TLS $URL/api/health)"
            echo "RESULT plain-http $(curl --silent --output /dev/null --write-out %{http_code} --max-time 5 http://127.0.0.1:8443/api/health)"
            LOGIN=$(curl --cacert "$PKI/server-ca.pem" --silent -c "$WORK/jar" -H 'Content-Type: application/json' \\
                -d '{"username":"control","password":"release-password-1"}' $URL/api/session)
            echo "RESULT password-login $(echo "$LOGIN" | grep -q csrfToken && echo 200 || echo "$LOGIN")"
            CSRF=$(echo "$LOGIN" | sed 's/.*"csrfToken":"\\([^"]*\\)".*/\\1/')
            echo "RESULT start-exercise $(curl $TLS -b "$WORK/jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \\
                -d '{"type":"StartExercise"}' $URL/api/exercises/rok-us-space-ttx/commands)"
            echo "RESULT card-login $(curl $TLS -c "$WORK/card" --cert "$PKI/kor.pem" --key "$PKI/kor-key.pem" \\
                -H 'Content-Type: application/json' -d '{}' $URL/api/session/certificate)"
            echo "RESULT card-me $(curl --cacert "$PKI/server-ca.pem" --silent -b "$WORK/card" --cert "$PKI/kor.pem" --key "$PKI/kor-key.pem" $URL/api/me)"
            echo "RESULT stranger-login $(curl $TLS --cert "$PKI/stranger.pem" --key "$PKI/stranger-key.pem" \\
                -H 'Content-Type: application/json' -d '{}' $URL/api/session/certificate)"
            echo "RESULT revoked-login $(curl $TLS --cert "$PKI/revoked.pem" --key "$PKI/revoked-key.pem" \\
                -H 'Content-Type: application/json' -d '{}' $URL/api/session/certificate)"
            kill $SERVER; wait $SERVER
            "$APP/bin/spacettx" launch --site sohae --time 2023-11-21T13:42:28Z --inclination 97.4 --altitude 500 > "$WORK/launch.txt" 2>&1
            echo "RESULT launch $?"
            echo "RESULT launch-said $(head -c 400 "$WORK/launch.txt" | tr '\n' ' ')"
            for ENGINE in local spark; do
                "$APP/bin/spacettx" screen --tle "$WORK/resource.tle" --from 2026-05-30T00:00:00Z --to 2026-05-30T02:00:00Z \\
                    --threshold-km 50 --engine $ENGINE $([ $ENGINE = spark ] && echo "--master local[2]") --format csv \
                    > "$WORK/screen-$ENGINE.csv" 2> "$WORK/screen-$ENGINE.err"
                echo "RESULT screen-$ENGINE $?"
                echo "RESULT screen-$ENGINE-said $(tail -c 400 "$WORK/screen-$ENGINE.err" | tr '\n' ' ')"
            done
            """;
}
