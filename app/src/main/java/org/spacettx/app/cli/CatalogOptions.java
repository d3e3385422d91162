package org.spacettx.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogFetcher;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.SatcatTable;
import org.spacettx.orbit.catalog.TleFormat;
import org.spacettx.orbit.data.OrekitData;

import picocli.CommandLine.Option;

/** Options shared by every command that reads a catalog: where from, how strictly, with what metadata. */
public final class CatalogOptions {

    @Option(names = "--lenient", description = "Skip bad records (each is reported on stderr and counted) instead of stopping at the first.")
    boolean lenient;

    @Option(names = "--no-checksum", description = "Do not verify TLE checksums (hand-made test sets).")
    boolean noChecksum;

    @Option(names = "--satcat", paramLabel = "FILE", description = "SATCAT-style CSV/TSV giving object type and country by catalog number.")
    Path satcat;

    @Option(names = "--eop", paramLabel = "FILE", description = "Earth orientation parameters (IERS finals2000A, Bulletin A/B, C04) for exact ITRF.")
    Path eop;

    /** The catalog, its read statistics and the data context, read from files, directories and URLs. */
    public record Loaded(Catalog catalog, CatalogReader.Result read, OrekitData data) {
    }

    /** The objects with the given catalog numbers (all when none are given); an unknown number is bad input. */
    public static List<org.spacettx.orbit.catalog.ElementSet> select(Catalog catalog, List<Integer> norads) {
        if (norads == null || norads.isEmpty()) {
            return catalog.all();
        }
        List<org.spacettx.orbit.catalog.ElementSet> selected = new ArrayList<>();
        for (int id : norads) {
            selected.add(catalog.byNorad(id).orElseThrow(() -> new org.spacettx.orbit.input.InputException(null,
                    "--norad", "object " + id + " is not in the catalog")));
        }
        return selected;
    }

    public OrekitData data() {
        return eop == null ? OrekitData.standard() : OrekitData.withEop(eop);
    }

    public Loaded load(List<String> sources) {
        OrekitData data = data();
        CatalogReader reader = new CatalogReader(data, lenient ? CatalogReader.Mode.LENIENT : CatalogReader.Mode.STRICT,
                noChecksum ? TleFormat.Checksum.IGNORE : TleFormat.Checksum.VERIFY);
        CatalogReader.Result read = new CatalogReader.Result(List.of(), List.of());
        for (String source : sources) {
            read = read.and(source.startsWith("http://") || source.startsWith("https://")
                    ? reader.read(source, CatalogFetcher.standard().get(URI.create(source)))
                    : reader.read(List.of(Path.of(source))));
        }
        for (CatalogReader.Rejection r : read.rejections()) {
            System.err.println("spacettx: skipped " + r);
        }
        if (read.rejected() > read.rejections().size()) {
            System.err.println("spacettx: skipped " + (read.rejected() - read.rejections().size()) + " more records");
        }
        Catalog catalog = Catalog.of(read.elementSets());
        if (satcat != null) {
            catalog = catalog.withMetadata(SatcatTable.read(satcat));
        }
        return new Loaded(catalog, read, data);
    }
}
