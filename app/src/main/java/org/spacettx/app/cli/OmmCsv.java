package org.spacettx.app.cli;

import java.util.List;
import java.util.Map;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.catalog.OmmWriter;

/** Element sets as OMM CSV (CelesTrak's GP columns, a header line then a row each), which every catalog reader takes. */
final class OmmCsv {

    private OmmCsv() {
    }

    static String of(List<ElementSet> elementSets) {
        StringBuilder csv = new StringBuilder();
        for (ElementSet e : elementSets) {
            Map<String, String> f = OmmWriter.fields(e);
            if (csv.isEmpty()) {
                csv.append(String.join(",", f.keySet())).append('\n');
            }
            csv.append(String.join(",", f.values().stream().map(v -> v.contains(",") ? '"' + v + '"' : v).toList())).append('\n');
        }
        return csv.toString();
    }
}
