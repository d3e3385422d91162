package org.spacettx.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.spacettx.orbit.catalog.Catalog;
import org.spacettx.orbit.catalog.CatalogFetcher;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacettx catalog info|list|fetch}. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Read, inspect and download element-set catalogs (TLE, 3LE, OMM CSV/JSON/XML/KVN, gzip).",
        subcommands = {CatalogCommand.Info.class, CatalogCommand.ListObjects.class, CatalogCommand.Fetch.class, CatalogCommand.Store.class})
public final class CatalogCommand {

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Counts, epoch range, rejects, and objects by type and country where known.")
    static final class Info implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR|URL", description = "Catalog files, directories or URLs.")
        List<String> sources;
        @Mixin
        CatalogOptions catalogOptions;
        @Mixin
        FormatOption format;

        @Override
        public Integer call() {
            CatalogOptions.Loaded loaded = catalogOptions.load(sources);
            Catalog catalog = loaded.catalog();
            List<Instant> epochs = catalog.all().stream().map(ElementSet::epoch).sorted().toList();
            try (RowWriter out = new RowWriter(List.of(Column.text("item", 28), Column.text("value", 30)),
                    format.format, System.out)) {
                out.row("records_read", loaded.read().elementSets().size());
                out.row("records_rejected", loaded.read().rejected());
                out.row("duplicates_resolved", catalog.duplicatesResolved());
                out.row("objects", catalog.size());
                out.row("epoch_min_utc", epochs.isEmpty() ? null : epochs.get(0).toString());
                out.row("epoch_median_utc", epochs.isEmpty() ? null : epochs.get(epochs.size() / 2).toString());
                out.row("epoch_max_utc", epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).toString());
                counts(out, "type", catalog.countByType());
                counts(out, "country", catalog.countByCountry());
            }
            return 0;
        }

        private static void counts(RowWriter out, String what, Map<String, Long> counts) {
            if (counts.size() == 1 && counts.containsKey("")) {
                return; // the input carries no such information
            }
            counts.forEach((k, v) -> out.row(what + ":" + (k.isEmpty() ? "(unknown)" : k), v));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List objects, optionally matching a name (case-insensitive substring), COSPAR id or catalog numbers.")
    static final class ListObjects implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR|URL")
        List<String> sources;
        @Option(names = "--name", description = "Part of the object name, any case.")
        String name;
        @Option(names = "--cospar", description = "International designator, e.g. 2023-179A.")
        String cospar;
        @Option(names = "--norad", split = ",", description = "Catalog numbers.")
        List<Integer> norad;
        @Mixin
        CatalogOptions catalogOptions;
        @Mixin
        FormatOption format;

        @Override
        public Integer call() {
            Catalog catalog = catalogOptions.load(sources).catalog();
            List<ElementSet> selected = new ArrayList<>(name != null ? catalog.byName(name) : catalog.all());
            if (cospar != null) {
                selected.retainAll(catalog.byCospar(cospar).stream().toList());
            }
            if (norad != null) {
                selected.removeIf(e -> !norad.contains(e.noradId()));
            }
            try (RowWriter out = new RowWriter(List.of(Column.text("norad", 6), Column.text("name", 24),
                    Column.text("cospar", 11), Column.text("epoch_utc", 27), Column.number("period_min", 10, 2),
                    Column.number("inclination_deg", 15, 4), Column.text("type", 12), Column.text("country", 8)),
                    format.format, System.out)) {
                for (ElementSet e : selected) {
                    out.row(e.noradId(), e.name(), e.cosparId(), e.epoch().toString(), e.periodMinutes(),
                            e.inclinationDeg(), e.info().objectType(), e.info().country());
                }
            }
            return 0;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true, description = "Download element sets (CelesTrak, Space-Track or any URL), check that they parse, and save them.")
    static final class Fetch implements Callable<Integer> {

        static final class Source {
            @Option(names = "--celestrak-group", paramLabel = "GROUP", description = "CelesTrak GP group, e.g. active, stations, military.")
            String group;
            @Option(names = "--celestrak-norad", paramLabel = "ID", description = "One object from CelesTrak GP.")
            Integer catalogNumber;
            @Option(names = "--spacetrack-query", paramLabel = "PATH",
                    description = "Space-Track query path (credentials from SPACETRACK_USER, SPACETRACK_PASSWORD).")
            String spaceTrackQuery;
            @Option(names = "--url", paramLabel = "URL", description = "Any URL serving TLE or OMM.")
            URI url;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;
        @Option(names = "--gp-format", defaultValue = "tle", description = "CelesTrak format: tle, csv, json, xml, kvn (default ${DEFAULT-VALUE}).")
        String gpFormat;
        @Option(names = "--base-url", paramLabel = "URL", description = "Server base address (default: the official one for the source).")
        URI baseUrl;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to save (default: standard output).")
        Path output;

        @Override
        public Integer call() throws IOException {
            CatalogFetcher fetcher = CatalogFetcher.standard();
            byte[] body;
            String where;
            if (source.spaceTrackQuery != null) {
                URI base = baseUrl == null ? CatalogFetcher.SPACETRACK : baseUrl;
                where = base + source.spaceTrackQuery;
                body = fetcher.spaceTrack(base, source.spaceTrackQuery);
            } else {
                URI base = baseUrl == null ? CatalogFetcher.CELESTRAK : baseUrl;
                URI uri = source.url != null ? source.url
                        : source.group != null ? CatalogFetcher.celestrakGroup(base, source.group, gpFormat)
                        : CatalogFetcher.celestrakCatalogNumber(base, source.catalogNumber, gpFormat);
                where = uri.toString();
                body = fetcher.get(uri);
            }
            CatalogReader.Result checked = new CatalogReader(OrekitData.standard(), CatalogReader.Mode.LENIENT,
                    org.spacettx.orbit.catalog.TleFormat.Checksum.VERIFY).read(where, body);
            if (checked.elementSets().isEmpty()) {
                throw new InputException(SourceLocation.of(where), null, "returned no element sets"
                        + (checked.rejections().isEmpty() ? "" : "; first problem: " + checked.rejections().get(0)));
            }
            if (output == null) {
                System.out.write(body);
                System.out.flush();
            } else {
                Files.write(output, body);
            }
            PrintStream err = System.err;
            err.println("spacettx: fetched " + checked.elementSets().size() + " element sets from " + where
                    + (checked.rejections().isEmpty() ? "" : " (" + checked.rejected() + " records do not parse)")
                    + (output == null ? "" : " into " + output));
            return 0;
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true, description = "Keep a catalog in the server's store, for the planning workspace's search (any size; the browser's upload "
            + "takes up to 2 MB). The file is kept as it is.")
    static final class Store implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--name", description = "The catalog's name in the workspace (default: the file's name).")
        String name;
        @Mixin
        ServerCommands.StoreOptions store;

        @Override
        public Integer call() {
            String text = CliFiles.readText(file);
            var read = new CatalogReader(OrekitData.standard(), CatalogReader.Mode.LENIENT,
                    org.spacettx.orbit.catalog.TleFormat.Checksum.VERIFY).read(file.toString(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (read.elementSets().isEmpty()) {
                throw new InputException(null, file.toString(), "no element set could be read"
                        + (read.rejections().isEmpty() ? "" : ": " + read.rejections().get(0)));
            }
            String label = name == null || name.isBlank() ? file.getFileName().toString() : name;
            try (org.spacettx.app.store.Database db = store.open()) {
                String id = new org.spacettx.app.store.Catalogs(db).add(label, text, "admin-cli");
                new org.spacettx.app.store.AuditLog(db).record("admin-cli", "catalog-uploaded", id + " (" + read.elementSets().size() + " element sets)");
                System.out.println("stored " + id + ": " + read.elementSets().size() + " element sets" + (read.rejected() > 0 ? ", " + read.rejected() + " rejected" : ""));
            }
            return 0;
        }
    }
}
