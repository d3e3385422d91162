package org.spacettx.spark;

import java.nio.file.Path;
import java.util.List;

import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.data.OrekitData;

/** The 2026-06-10 LEO snapshot of the shared reference data (../shared, or -Dspacettx.shared). */
final class LeoSnapshot {

    private LeoSnapshot() {
    }

    static Catalog load() {
        String shared = System.getProperty("spacettx.shared", "../../shared");
        return Catalog.of(CatalogReader.strict(OrekitData.standard())
                .read(List.of(Path.of(shared, "data", "catalog", "spacetrack-3le-leo-2026-06-10.txt"))).elementSets());
    }
}
