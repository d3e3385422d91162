package org.spacettx.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.spacettx.orbit.access.Coverage;
import org.spacettx.orbit.access.OverflightFinder;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.access.Window;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx overflight}: when objects can image sites or areas, or the revisit statistics of that. */
@Command(name = "overflight", mixinStandardHelpOptions = true, description = "Windows in which imaging satellites can see any point of a site or area under a sensor model, with the "
        + "fraction of the area seen; with --revisit, per target: opportunities, observable time, mean and longest gap.")
public final class OverflightCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Mixin
    SpanOptions spanOptions;
    @Option(names = "--revisit", description = "Print revisit statistics per target instead of the windows.")
    boolean revisit;
    @Mixin
    SensorOptions sensorOptions;
    @Mixin
    PlaceOptions placeOptions;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        Times.Span span = spanOptions.span();
        IntFunction<Sensor> sensors = sensorOptions.sensors();
        List<Target> targets = placeOptions.targets();
        Ephemerides sky = Skies.sample(objects.selected(), span, objects.loaded().data());
        if (revisit) {
            try (RowWriter out = new RowWriter(List.of(Column.text("target", 24), Column.number("opportunities", 13, 0),
                    Column.number("periods", 7, 0), Column.number("observable_s", 12, 0),
                    Column.number("mean_gap_s", 10, 0), Column.number("longest_gap_s", 13, 0)), format.format, System.out)) {
                for (Target target : targets) {
                    Coverage.Revisit r = coverage(sky, target, sensors, span).revisit();
                    out.row(r.targetName(), (double) r.opportunities(), (double) r.periods(), r.observableSeconds(),
                            r.meanGapSeconds(), r.longestGapSeconds());
                }
            }
            return 0;
        }
        List<Window> windows = new ArrayList<>();
        for (Target target : targets) {
            windows.addAll(coverage(sky, target, sensors, span).windows());
        }
        windows.sort(Comparator.comparing(Window::start).thenComparing(Window::noradId));
        try (RowWriter out = new RowWriter(List.of(Column.text("norad", 6), Column.text("name", 20),
                Column.text("target", 20), Column.text("start_utc", 24), Column.text("end_utc", 24),
                Column.number("duration_s", 9, 1), Column.number("coverage_pct", 12, 1)), format.format, System.out)) {
            for (Window w : windows) {
                out.row(w.noradId(), w.objectName(), w.targetName(), Instants.seconds(w.start()), Instants.seconds(w.end()),
                        w.durationSeconds(), 100 * w.coverage());
            }
        }
        return 0;
    }

    private static Coverage coverage(Ephemerides sky, Target target, IntFunction<Sensor> sensors, Times.Span span) {
        List<Window> windows = new ArrayList<>();
        for (Ephemeris object : sky.objects()) {
            windows.addAll(OverflightFinder.find(sky, object, target, sensors.apply(object.noradId())));
        }
        return Coverage.of(target.name(), span.from(), span.to(), windows);
    }
}
