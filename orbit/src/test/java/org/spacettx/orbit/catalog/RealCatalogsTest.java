package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orekit.propagation.analytical.tle.TLE;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.data.OrekitData;

/**
 * The real catalog snapshots in {@code ../shared/data/catalog} load completely: every record counted (the counts
 * are those the data's README states, found independently), none rejected, strict checksums on.
 */
class RealCatalogsTest {

    private final OrekitData data = OrekitData.standard();

    private CatalogReader.Result read(String relative) {
        return CatalogReader.strict(data).read(List.of(SharedData.path(relative)));
    }

    @ParameterizedTest
    @CsvSource({
            "catalog/spacetrack-3le-full-2022-01-25.txt, 23939",
            "catalog/spacetrack-3le-full-2023-09-09.txt, 25587",
            "catalog/spacetrack-3le-leo-2026-06-10.txt, 16032",
            "catalog/celestrak-active-gp-2026-07-12.csv, 15985",
            "catalog/celestrak-groups-2026-05-30, 912"})
    void everyRecordLoads(String file, int records) {
        CatalogReader.Result result = read(file);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.elementSets()).hasSize(records);
    }

    @Test
    void alpha5AndBlankPaddedNumbersAreRead() {
        Catalog catalog = Catalog.of(read("catalog/spacetrack-3le-full-2022-01-25.txt").elementSets());
        // Analyst objects "T0000".. are 270000..; the README counts 278 of them in this file.
        assertThat(catalog.all().stream().filter(e -> e.noradId() >= 270_000 && e.noradId() < 280_000)).hasSize(278);
        assertThat(catalog.byNorad(270_000)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("TBA - TO BE ASSIGNED"));
        // "1   107U": catalog number 107, blank padded.
        assertThat(catalog.byNorad(107)).isPresent();
        assertThat(catalog.byNorad(41332)).hasValueSatisfying(e -> assertThat(e.name()).contains("KMS"));
    }

    @Test
    void lookupsByNameAndCospar() {
        Catalog catalog = Catalog.of(read("catalog/spacetrack-3le-leo-2026-06-10.txt").elementSets());
        assertThat(catalog.byName("malligyong")).extracting(ElementSet::noradId).containsExactly(58400);
        assertThat(catalog.byCospar("2023-179a")).hasValueSatisfying(e -> assertThat(e.noradId()).isEqualTo(58400));
        ElementSet malligyong = catalog.byNorad(58400).orElseThrow();
        assertThat(malligyong.inclinationDeg()).isCloseTo(97.4, within(0.2));
    }

    @Test
    void duplicatesResolveToTheLatestEpoch() {
        // The CelesTrak group files overlap (e.g. an object both in "military" and "resource").
        Catalog catalog = Catalog.of(read("catalog/celestrak-groups-2026-05-30").elementSets());
        assertThat(catalog.duplicatesResolved()).isEqualTo(912 - catalog.size()).isPositive();
        for (ElementSet e : read("catalog/celestrak-groups-2026-05-30").elementSets()) {
            assertThat(catalog.byNorad(e.noradId()).orElseThrow().epoch()).isAfterOrEqualTo(e.epoch());
        }
    }

    /**
     * Our column parser against Orekit's own TLE parser on every record of a full catalog: the same numbers, so
     * the same TLE object and the same lines written back.
     */
    @Test
    void ourTleParserAgreesWithOrekitsOnAFullCatalog() throws IOException {
        Path file = SharedData.path("catalog/spacetrack-3le-full-2023-09-09.txt");
        List<String> lines = Files.readAllLines(file);
        List<ElementSet> ours = CatalogReader.strict(data).read(List.of(file)).elementSets();
        int index = 0;
        for (int i = 0; i + 2 < lines.size(); i += 3) {
            TLE theirs = new TLE(lines.get(i + 1), lines.get(i + 2), data.utc());
            TLE mine = OrekitTle.toTle(ours.get(index++), data.utc());
            assertThat(mine.getSatelliteNumber()).isEqualTo(theirs.getSatelliteNumber());
            assertThat(mine.getDate().durationFrom(theirs.getDate())).isCloseTo(0.0, within(1e-6));
            assertThat(mine.getMeanMotion()).isCloseTo(theirs.getMeanMotion(), within(1e-15));
            assertThat(mine.getE()).isEqualTo(theirs.getE());
            assertThat(mine.getI()).isCloseTo(theirs.getI(), within(1e-15));
            assertThat(mine.getRaan()).isCloseTo(theirs.getRaan(), within(1e-14));
            assertThat(mine.getPerigeeArgument()).isCloseTo(theirs.getPerigeeArgument(), within(1e-14));
            assertThat(mine.getMeanAnomaly()).isCloseTo(theirs.getMeanAnomaly(), within(1e-14));
            assertThat(mine.getBStar()).isCloseTo(theirs.getBStar(), within(1e-15));
            assertThat(mine.getMeanMotionFirstDerivative()).isCloseTo(theirs.getMeanMotionFirstDerivative(), within(1e-22));
            assertThat(mine.getLine2().substring(7)).isEqualTo(theirs.getLine2().substring(7));
        }
        assertThat(index).isEqualTo(25587);
    }

    @Test
    void satcatMetadataJoinsByCatalogNumber() {
        Catalog catalog = Catalog.of(read("catalog/spacetrack-3le-leo-2026-06-10.txt").elementSets())
                .withMetadata(SatcatTable.read(SharedData.path("satcat/ucs-satellite-database-2023-05-01.tsv")));
        assertThat(catalog.byNorad(25544).orElseThrow().info().country()).isNotEmpty();
        assertThat(catalog.countByCountry()).containsKey("");
        assertThat(catalog.countByCountry().keySet()).contains("USA", "China");

        Catalog gcat = Catalog.of(read("catalog/spacetrack-3le-leo-2026-06-10.txt").elementSets())
                .withMetadata(SatcatTable.read(SharedData.path("satcat/gcat-psatcat-2025-04-07.tsv")));
        assertThat(gcat.byNorad(25544).orElseThrow().info().country()).isNotEmpty();
    }
}
