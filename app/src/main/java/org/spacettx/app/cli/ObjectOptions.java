package org.spacettx.app.cli;

import java.util.List;

import org.spacettx.orbit.catalog.ElementSet;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which objects a command works on: a catalog ({@code --tle}, with the catalog options) and a selection. */
public final class ObjectOptions {

    @Option(names = "--tle", required = true, paramLabel = "FILE|DIR|URL", description = "Catalog (any supported format); repeatable.")
    List<String> sources;

    @Option(names = "--norad", split = ",", paramLabel = "ID", description = "Only these catalog numbers (default: all).")
    List<Integer> norad;

    @Mixin
    CatalogOptions catalogOptions;

    private CatalogOptions.Loaded loaded;

    /** The catalog, read once. */
    public CatalogOptions.Loaded loaded() {
        if (loaded == null) {
            loaded = catalogOptions.load(sources);
        }
        return loaded;
    }

    public List<ElementSet> selected() {
        return CatalogOptions.select(loaded().catalog(), norad);
    }
}
