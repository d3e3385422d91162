package org.spacettx.orbit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.data.OrekitData;

class OmmWriterTest {

    /** Every element set of a real catalog, written as KVN and read back, is the same element set. */
    @Test
    void kvnRoundTripsAWholeCatalog() {
        OrekitData data = OrekitData.standard();
        List<ElementSet> sets = CatalogReader.strict(data)
                .read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30"))).elementSets();
        StringBuilder all = new StringBuilder();
        for (ElementSet e : sets) {
            all.append(OmmWriter.kvn(e, "SPACETTX TEST", "2026-11-25T00:00:00"));
        }
        List<ElementSet> back = CatalogReader.strict(data).read("written.kvn", all.toString().getBytes(StandardCharsets.UTF_8))
                .elementSets();
        assertThat(back).hasSameSizeAs(sets);
        for (int i = 0; i < sets.size(); i++) {
            assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("source", "info").isEqualTo(sets.get(i));
        }
    }
}
