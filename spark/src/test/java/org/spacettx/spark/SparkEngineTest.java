package org.spacettx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.conjunction.ScreeningEngine;
import org.spacettx.orbit.data.OrekitData;

/**
 * The command line's way in ({@code screen --engine spark}): the engine is found on the class path by its name, starts
 * a Spark of the master asked for, and gives what one machine gives; without a master (and no spark-submit) it says so.
 */
@Tag("slow")
class SparkEngineTest {

    @Test
    void theEngineOnTheClassPathGivesWhatOneMachineGives() {
        OrekitData data = OrekitData.standard();
        Catalog catalog = LeoSnapshot.load();
        List<ElementSet> objects = catalog.all().subList(0, 500);
        Instant start = catalog.latestEpoch().orElseThrow();
        Screening.Request request = new Screening.Request(start, start.plusSeconds(6 * 3600), 20, Set.of(), 60, 1,
                Screening.Propagator.FAST, null);
        ScreeningEngine spark = ServiceLoader.load(ScreeningEngine.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("spark")).findFirst().orElseThrow();
        assertThat(spark.run(objects, request, Map.of("master", "local[2]", "tasks", "3")))
                .isNotEmpty().isEqualTo(Screening.run(objects, request, data, null).conjunctions());
        assertThatThrownBy(() -> spark.run(objects, request, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--master");
    }
}
