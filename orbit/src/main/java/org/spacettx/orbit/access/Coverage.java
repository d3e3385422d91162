package org.spacettx.orbit.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Windows of several objects over one target, merged: when the target is observable (by whom), when it is not,
 * and how often it is revisited.
 */
public final class Coverage {

    /** A period in which the target is observable by at least one of the objects, with the objects' catalog numbers. */
    public record Period(Instant start, Instant end, Set<Integer> objects) {
        public Period {
            objects = Set.copyOf(objects);
        }

        public double durationSeconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }
    }

    /** A period in which no object can observe the target. */
    public record Gap(Instant start, Instant end) {
        public double durationSeconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }
    }

    /**
     * Revisit statistics over the span: {@code opportunities} counts every object's windows separately; gaps are
     * the times between observable periods, including from the span's start and up to its end.
     */
    public record Revisit(String targetName, int opportunities, int periods, double observableSeconds,
                          double meanGapSeconds, double longestGapSeconds) {
    }

    private final String targetName;
    private final Instant spanStart;
    private final Instant spanEnd;
    private final List<Window> windows;
    private final List<Period> periods;

    private Coverage(String targetName, Instant spanStart, Instant spanEnd, List<Window> windows) {
        this.targetName = targetName;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        this.windows = windows.stream().sorted(Comparator.comparing(Window::start)).toList();
        this.periods = merge(this.windows);
    }

    public static Coverage of(String targetName, Instant spanStart, Instant spanEnd, List<Window> windows) {
        return new Coverage(targetName, spanStart, spanEnd, windows);
    }

    private static List<Period> merge(List<Window> sorted) {
        List<Period> merged = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        Set<Integer> objects = new LinkedHashSet<>();
        for (Window w : sorted) {
            if (start != null && !w.start().isAfter(end)) {
                if (w.end().isAfter(end)) {
                    end = w.end();
                }
                objects.add(w.noradId());
                continue;
            }
            if (start != null) {
                merged.add(new Period(start, end, objects));
            }
            start = w.start();
            end = w.end();
            objects = new LinkedHashSet<>();
            objects.add(w.noradId());
        }
        if (start != null) {
            merged.add(new Period(start, end, objects));
        }
        return merged;
    }

    public String targetName() {
        return targetName;
    }

    public List<Window> windows() {
        return windows;
    }

    /** Observable periods, in time order, never overlapping. */
    public List<Period> periods() {
        return periods;
    }

    /** The complement of {@link #periods()} within the span: when the target is safe from these objects. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = spanStart;
        for (Period p : periods) {
            if (p.start().isAfter(cursor)) {
                gaps.add(new Gap(cursor, p.start()));
            }
            if (p.end().isAfter(cursor)) {
                cursor = p.end();
            }
        }
        if (spanEnd.isAfter(cursor)) {
            gaps.add(new Gap(cursor, spanEnd));
        }
        return gaps;
    }

    public Revisit revisit() {
        List<Gap> gaps = gaps();
        double observable = periods.stream().mapToDouble(Period::durationSeconds).sum();
        double mean = gaps.stream().mapToDouble(Gap::durationSeconds).average().orElse(0);
        double longest = gaps.stream().mapToDouble(Gap::durationSeconds).max().orElse(0);
        return new Revisit(targetName, windows.size(), periods.size(), observable, mean, longest);
    }
}
