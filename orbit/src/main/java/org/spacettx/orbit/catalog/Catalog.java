package org.spacettx.orbit.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable set of element sets, one per object: where the input holds several for the same catalog number,
 * the one with the latest epoch wins. Look-ups by catalog number, COSPAR id and name.
 */
public final class Catalog {

    private final Map<Integer, ElementSet> byNorad;
    /** The same in catalog-number order, made once: callers ask for it in loops. */
    private final List<ElementSet> all;
    private final Map<String, ElementSet> byCospar;
    private final int duplicatesResolved;

    private Catalog(Map<Integer, ElementSet> byNorad, int duplicatesResolved) {
        this.byNorad = byNorad;
        this.all = List.copyOf(byNorad.values());
        this.duplicatesResolved = duplicatesResolved;
        Map<String, ElementSet> cospar = new HashMap<>();
        for (ElementSet e : byNorad.values()) {
            if (!e.cosparId().isEmpty()) {
                cospar.merge(e.cosparId().toUpperCase(Locale.ROOT), e, Catalog::later);
            }
        }
        this.byCospar = Map.copyOf(cospar);
    }

    public static Catalog of(Collection<ElementSet> elementSets) {
        Map<Integer, ElementSet> map = new TreeMap<>();
        int duplicates = 0;
        for (ElementSet e : elementSets) {
            ElementSet previous = map.get(e.noradId());
            if (previous != null) {
                duplicates++;
                map.put(e.noradId(), later(previous, e));
            } else {
                map.put(e.noradId(), e);
            }
        }
        return new Catalog(java.util.Collections.unmodifiableMap(map), duplicates);
    }

    private static ElementSet later(ElementSet a, ElementSet b) {
        return b.epoch().isAfter(a.epoch()) ? b : a;
    }

    /** A catalog with object type and country filled in from a SATCAT-style table where the elements lack them. */
    public Catalog withMetadata(SatcatTable table) {
        List<ElementSet> joined = new ArrayList<>(byNorad.size());
        for (ElementSet e : byNorad.values()) {
            joined.add(table.info(e.noradId()).map(info -> e.withInfo(e.info().orElse(info))).orElse(e));
        }
        Catalog result = of(joined);
        return new Catalog(result.byNorad, duplicatesResolved);
    }

    public int size() {
        return byNorad.size();
    }

    /** How many element sets were dropped because a later one for the same object was present. */
    public int duplicatesResolved() {
        return duplicatesResolved;
    }

    /** All element sets in catalog-number order. */
    public List<ElementSet> all() {
        return all;
    }

    public Optional<ElementSet> byNorad(int noradId) {
        return Optional.ofNullable(byNorad.get(noradId));
    }

    /** By international designator, e.g. {@code 2023-179A} (case-insensitive). */
    public Optional<ElementSet> byCospar(String cosparId) {
        return Optional.ofNullable(byCospar.get(cosparId.strip().toUpperCase(Locale.ROOT)));
    }

    /** Objects whose name contains the text, case-insensitively, in catalog-number order. */
    public List<ElementSet> byName(String text) {
        String needle = text.strip().toUpperCase(Locale.ROOT);
        return byNorad.values().stream()
                .filter(e -> e.name().toUpperCase(Locale.ROOT).contains(needle))
                .toList();
    }

    public Optional<Instant> earliestEpoch() {
        return byNorad.values().stream().map(ElementSet::epoch).min(Comparator.naturalOrder());
    }

    public Optional<Instant> latestEpoch() {
        return byNorad.values().stream().map(ElementSet::epoch).max(Comparator.naturalOrder());
    }

    /** Number of objects per object type ("" for unknown), largest first. */
    public Map<String, Long> countByType() {
        return countBy(e -> e.info().objectType());
    }

    /** Number of objects per country/owner code ("" for unknown), largest first. */
    public Map<String, Long> countByCountry() {
        return countBy(e -> e.info().country());
    }

    private Map<String, Long> countBy(java.util.function.Function<ElementSet, String> key) {
        Map<String, Long> counts = new HashMap<>();
        for (ElementSet e : byNorad.values()) {
            counts.merge(key.apply(e), 1L, Long::sum);
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }
}
