package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * Property: whatever bytes arrive — real catalogs with random characters replaced, inserted or deleted, lines
 * cut, swapped or repeated, or the text truncated anywhere — reading either succeeds or fails with an
 * {@link InputException}, in strict and in lenient mode; and whatever element set gets through validation either
 * propagates or fails with a {@link PropagationException}. Never another exception. Seeded, so every run checks
 * the same inputs and a failure names the seed that reproduces it.
 */
@Tag("slow")
class CatalogFuzzTest {

    private static final int CASES_PER_FORMAT = 2500;
    private static final String ALPHABET = "0123456789 .+-eE,:;\"'{}[]<>/=\\#ABCTUZ\n\r\t\u00e9\u0000\uFEFF";

    private final OrekitData data = OrekitData.standard();

    private String seedText(String format) throws IOException {
        return switch (format) {
            case "tle" -> String.join("\n", Files.readAllLines(
                    SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle")).subList(0, 30));
            case "3le" -> String.join("\n", Files.readAllLines(
                    SharedData.path("catalog/spacetrack-3le-full-2022-01-25.txt")).subList(69_790, 69_820));
            case "csv" -> String.join("\n", Files.readAllLines(
                    SharedData.path("catalog/celestrak-active-gp-2026-07-12.csv")).subList(0, 8));
            case "json" -> Files.readString(SharedData.path("catalog/omm-format-samples/sample_omm.json"));
            case "xml" -> Files.readString(SharedData.path("catalog/omm-format-samples/sample_omm.xml"));
            case "kvn" -> {
                try (InputStream in = getClass().getResourceAsStream("/omm/vanguard-2020.kvn")) {
                    yield new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            default -> throw new IllegalArgumentException(format);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"tle", "3le", "csv", "json", "xml", "kvn"})
    void mutatedInputNeverEscapesAsAnUnexpectedException(String format) throws IOException {
        String original = seedText(format);
        CatalogReader strict = CatalogReader.strict(data);
        CatalogReader lenient = new CatalogReader(data, CatalogReader.Mode.LENIENT, TleFormat.Checksum.IGNORE);
        int parsed = 0;
        int refused = 0;
        for (int seed = 0; seed < CASES_PER_FORMAT; seed++) {
            String text = mutate(original, new Random(format.hashCode() * 31L + seed));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                strict.read("fuzz", bytes);
                parsed++;
            } catch (InputException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz");
                refused++;
            } catch (RuntimeException e) {
                fail("strict read of %s mutation seed %d threw %s\n---\n%s", format, seed, e, text, e);
            }
            try {
                CatalogReader.Result result = lenient.read("fuzz", bytes);
                for (ElementSet e : result.elementSets()) {
                    propagateBriefly(e);
                }
            } catch (InputException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz");
            } catch (RuntimeException e) {
                fail("lenient read of %s mutation seed %d threw %s\n---\n%s", format, seed, e, text, e);
            }
        }
        // Some mutations leave the input valid (a changed name, a swapped record): those must parse.
        assertThat(parsed).isPositive();
        assertThat(refused).isGreaterThan(CASES_PER_FORMAT / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tle", "csv", "json", "xml", "kvn"})
    void everyTruncationFailsCleanlyOrParses(String format) throws IOException {
        String original = seedText(format);
        for (int cut = 0; cut < original.length(); cut++) {
            byte[] bytes = original.substring(0, cut).getBytes(StandardCharsets.UTF_8);
            try {
                CatalogReader.strict(data).read("cut", bytes);
            } catch (InputException expected) {
                assertThat(expected.getMessage()).startsWith("cut");
            } catch (RuntimeException e) {
                fail("%s truncated at %d threw %s", format, cut, e, e);
            }
        }
    }

    private void propagateBriefly(ElementSet e) {
        try {
            Sgp4 sgp4 = Sgp4.of(e, data);
            for (double minutes : List.of(0.0, 90.0, 1440.0, -1440.0)) {
                sgp4.temeAtMinutes(minutes);
                sgp4.geodetic(sgp4.epochDate().shiftedBy(minutes * 60));
            }
        } catch (PropagationException expected) {
            // an element set SGP4 cannot propagate is reported, as it should be
        }
    }

    static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits && s.length() > 0; k++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0, 1 -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(20)));
                case 4 -> s.setLength(at);
                case 5 -> {
                    String[] lines = s.toString().split("\n", -1);
                    int a = random.nextInt(lines.length);
                    int b = random.nextInt(lines.length);
                    String t = lines[a];
                    lines[a] = lines[b];
                    lines[b] = t;
                    s = new StringBuilder(String.join("\n", lines));
                }
                default -> {
                    String[] lines = s.toString().split("\n", -1);
                    int a = random.nextInt(lines.length);
                    s.insert(Math.min(s.length(), s.indexOf(lines[a]) + lines[a].length()), "\n" + lines[a]);
                }
            }
        }
        return s.toString();
    }
}
