package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

/**
 * Catalogs made to hurt, from the hostile-input review: a gzip bomb (it ran 69 s to 6.2 GB and died with
 * OutOfMemoryError), a 50 MB line (quoted whole in the error), a bad CSV row in strict mode (named the file twice).
 */
class HostileCatalogTest {

    private static final String ISS = """
            ISS (ZARYA)
            1 25544U 98067A   26150.50000000  .00016717  00000-0  30270-3 0  9996
            2 25544  51.6400 208.9163 0006317  69.9862 290.1886 15.50000000    09
            """;

    @TempDir
    Path dir;

    /** Newlines gzip to almost nothing: this many MiB of them are a few hundred kB on disk. */
    private static byte[] gzippedNewlines(int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) '\n');
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (int i = 0; i < mib; i++) {
                gz.write(block);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBombIsRefusedOnceItPassesTheLimit() throws IOException {
        byte[] bomb = gzippedNewlines(CatalogReader.MAX_INPUT_MIB + 8);
        assertThat(bomb.length).isLessThan(1 << 20);
        Path file = dir.resolve("bomb.tle.gz");
        Files.write(file, bomb);
        Runtime rt = Runtime.getRuntime();
        assertThatThrownBy(() -> CatalogReader.strict(OrekitData.standard()).read(List.of(file)))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": decompresses to more than " + CatalogReader.MAX_INPUT_MIB
                        + " MiB; a catalog source is at most that (split it)");
        // nothing of it stays behind
        System.gc();
        assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(256L << 20);
    }

    @Test
    void newlinesUnderTheLimitAreReadLineByLine() throws IOException {
        // 100 MiB of blank lines around one element set: read without holding an array of 100 M lines
        byte[] gz = gzippedNewlines(100);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gz);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(tail)) {
            out.write(ISS.getBytes(StandardCharsets.US_ASCII));
        }
        both.write(tail.toByteArray()); // concatenated gzip members, as gzip itself writes them
        CatalogReader.Result r = CatalogReader.strict(OrekitData.standard()).read("blank.tle.gz", both.toByteArray());
        assertThat(r.elementSets()).extracting(ElementSet::noradId).containsExactly(25544);
    }

    @Test
    void aHugeLineIsQuotedOnlyInPart() {
        String line = "X".repeat(50_000_000);
        assertThatThrownBy(() -> CatalogReader.strict(OrekitData.standard())
                .read("one-line.tle", (line + "\n" + line + "\n").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300)
                        .startsWith("one-line.tle:2: line 1: expected TLE line 1 after the name line 'XXXX")
                        .endsWith("... (50000000 characters)'"));
    }

    @Test
    void aBadCsvRowNamesItsFileOnce() {
        String csv = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,"
                + "MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,"
                + "MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n"
                + "ISS (ZARYA),1998-067A,2026-05-30T12:00:00.000000,15.5,0.0006317,51.64,208.9163,69.9862,290.1886,0,U,"
                + "25544,999,0,0.0003027,0.00016717,0\n"
                + "BROKEN,1998-067A,yesterday,15.5,0.0006317,51.64,208.9163,69.9862,290.1886,0,U,25545,999,0,0,0,0\n";
        assertThatThrownBy(() -> CatalogReader.strict(OrekitData.standard())
                .read("gp.csv", csv.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("gp.csv:3: ").doesNotContain("gp.csv:3: gp.csv"));
    }

    @Test
    void lenientReadsKeepTheFirstRejectionsAndCountTheRest() {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < CatalogReader.MAX_REJECTIONS_KEPT + 500; i++) {
            junk.append("2 junk line ").append(i).append('\n');
        }
        junk.append(ISS);
        CatalogReader.Result r = new CatalogReader(OrekitData.standard(), CatalogReader.Mode.LENIENT, TleFormat.Checksum.VERIFY)
                .read("junk.tle", junk.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(r.elementSets()).hasSize(1);
        assertThat(r.rejections()).hasSize(CatalogReader.MAX_REJECTIONS_KEPT);
        assertThat(r.rejected()).isEqualTo(CatalogReader.MAX_REJECTIONS_KEPT + 500);
    }
}
