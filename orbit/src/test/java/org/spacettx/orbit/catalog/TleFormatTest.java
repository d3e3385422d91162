package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

class TleFormatTest {

    // An ISS-like element set; tests recompute checksums with fix() after changing a column.
    static final String L1 = "1 25544U 98067A   26150.50000000  .00016717  00000-0  30074-3 0  9993";
    static final String L2 = "2 25544  51.6349 113.4576 0004327 323.2436  36.8320 15.49726402569979";

    static String fix(String line) {
        return line.substring(0, 68) + TleFormat.checksum(line);
    }

    static ElementSet parse(String l1, String l2) {
        return TleFormat.parse("ISS", l1, l2, new SourceLocation("f.tle", 10), TleFormat.Checksum.VERIFY);
    }

    @Test
    void parsesEveryField() {
        ElementSet e = parse(fix(L1), fix(L2));
        assertThat(e.noradId()).isEqualTo(25544);
        assertThat(e.cosparId()).isEqualTo("1998-067A");
        assertThat(e.epoch()).isEqualTo(Instant.parse("2026-05-30T12:00:00Z"));
        assertThat(e.meanMotionDot()).isEqualTo(0.00016717);
        assertThat(e.bstar()).isCloseTo(0.30074e-3, within(1e-18));
        assertThat(e.inclinationDeg()).isEqualTo(51.6349);
        assertThat(e.eccentricity()).isEqualTo(0.0004327);
        assertThat(e.meanMotion()).isEqualTo(15.49726402);
        assertThat(e.revolutionNumber()).isEqualTo(56997);
    }

    @Test
    void alpha5RoundTrips() {
        assertThat(Alpha5.decode("T0000")).isEqualTo(270_000);
        assertThat(Alpha5.decode("A0001")).isEqualTo(100_001);
        assertThat(Alpha5.decode("Z9999")).isEqualTo(339_999);
        assertThat(Alpha5.decode("J0000")).isEqualTo(180_000);
        assertThat(Alpha5.decode("  107")).isEqualTo(107);
        for (int n : new int[] {0, 5, 99_999, 100_000, 180_000, 270_000, 339_999}) {
            assertThat(Alpha5.decode(Alpha5.encode(n))).isEqualTo(n);
        }
        assertThatThrownBy(() -> Alpha5.decode("I0000")).hasMessageContaining("Alpha-5");
        assertThatThrownBy(() -> Alpha5.decode("O1234")).hasMessageContaining("Alpha-5");
    }

    @Test
    void epochsBefore1957AreIn2000s() {
        assertThat(TleFormat.epoch(57, 1.0)).isEqualTo(Instant.parse("1957-01-01T00:00:00Z"));
        assertThat(TleFormat.epoch(56, 1.5)).isEqualTo(Instant.parse("2056-01-01T12:00:00Z"));
    }

    /** Each mistake gives an error naming the line (file line 10 or 11) and the field; never another exception. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad checksum          | 1 | 68 | 0 | f.tle:10: line 1 checksum (column 69): is '0', computed 8",
            "letter in inclination | 2 | 9  | x | f.tle:11: line 2 inclination (columns 9-16): 'x1.6349' is not a decimal number",
            "inclination > 180     | 2 | 8  | 3 | f.tle:11: line 2 inclination (columns 9-16): 351.6349 is outside 0.0..180.0",
            "bad eccentricity      | 2 | 26 | - | f.tle:11: line 2 eccentricity (columns 27-33): '-004327' is not 7 digits",
            "catalog mismatch      | 2 | 6  | 5 | f.tle:11: catalog number (columns 3-7): line 2 is for object 25545 but line 1 is for object 25544",
            "classification X      | 1 | 7  | X | f.tle:10: line 1 classification (column 8): 'X' is not U, C or S",
            "epoch day 400         | 1 | 20 | 4 | f.tle:10: line 1 epoch day (columns 21-32): 450.5 is outside 1..366 for 2026",
            "bad B*                | 1 | 58 | x | f.tle:10: line 1 B* drag term (columns 54-61): '3007x-3' is not of the form",
            "bad catalog number    | 1 | 3  | ? | f.tle:10: line 1 catalog number (columns 3-7): '2?544' is not a catalog number",
            "line number wrong     | 1 | 0  | 3 | f.tle:10: line 1: expected TLE line 1 starting with '1 '"})
    void mistakesAreNamed(String what, int line, int column, char replacement, String message) {
        String l1 = line == 1 ? replace(L1, column, replacement) : L1;
        String l2 = line == 2 ? replace(L2, column, replacement) : L2;
        if (!what.equals("bad checksum")) {
            l1 = fix(l1);
            l2 = fix(l2);
        }
        String bad1 = l1;
        String bad2 = l2;
        assertThatThrownBy(() -> parse(bad1, bad2)).isInstanceOf(InputException.class).hasMessageStartingWith(message);
    }

    private static String replace(String line, int column, char c) {
        return line.substring(0, column) + c + line.substring(column + 1);
    }

    @Test
    void shortLinesAndOrphansAreNamed() {
        CatalogReader reader = CatalogReader.strict(OrekitData.standard());
        assertThatThrownBy(() -> reader.read("x.tle", (L1.substring(0, 60) + "\n" + L2 + "\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("x.tle:1: line 1: is 60 characters long; a TLE line has 69");
        assertThatThrownBy(() -> reader.read("x.tle", (L2 + "\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("x.tle:1: line 2: TLE line 2 without a line 1 before it");
        assertThatThrownBy(() -> reader.read("x.tle", ("ISS\n" + L2 + "\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("x.tle:2: line 1: expected TLE line 1 after the name line 'ISS'");
        assertThatThrownBy(() -> reader.read("x.tle", "\n\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("holds no element sets");
    }

    @Test
    void lenientModeSkipsAndCountsBadRecords() {
        String bad = replace(L2, 10, 'x');
        String text = "0 GOOD\n" + fix(L1) + "\n" + fix(L2) + "\n0 BAD\n" + fix(L1) + "\n" + fix(bad) + "\n0 GOOD AGAIN\n"
                + fix(L1) + "\n" + fix(L2) + "\n";
        CatalogReader.Result result = new CatalogReader(OrekitData.standard(), CatalogReader.Mode.LENIENT,
                TleFormat.Checksum.VERIFY).read("mixed.tle", text.getBytes(StandardCharsets.UTF_8));
        assertThat(result.elementSets()).extracting(ElementSet::name).containsExactly("GOOD", "GOOD AGAIN");
        assertThat(result.rejections()).hasSize(1);
        assertThat(result.rejections().get(0).toString()).startsWith("mixed.tle:6: line 2 inclination");
    }

    @Test
    void gzipIsRecognisedByItsMagicNumber() throws Exception {
        byte[] text = ("ISS\n" + fix(L1) + "\n" + fix(L2) + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(text);
        }
        assertThat(CatalogReader.strict(OrekitData.standard()).read("iss.tle.gz", zipped.toByteArray()).elementSets())
                .singleElement().extracting(ElementSet::noradId).isEqualTo(25544);
    }
}
