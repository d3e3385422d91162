package org.spacettx.app.cli;

import org.spacettx.exercise.export.ICalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.spacettx.orbit.access.Coverage;
import org.spacettx.orbit.access.WarningSchedule;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;
import org.spacettx.orbit.propagate.Ephemerides;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx warning}: a reconnaissance-satellite advance notice schedule. */
@Command(name = "warning", mixinStandardHelpOptions = true, description = "Reconnaissance overflight warning schedule: for each friendly site or area, the merged periods in which "
        + "any of the given imaging satellites can observe it (and which), and the safe periods between; as a table, "
        + "CSV, JSON, and with --ics an iCalendar file with one event per period.")
public final class WarningCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Mixin
    SpanOptions spanOptions;
    @Option(names = "--ics", paramLabel = "OUT.ics", description = "Also write the schedule as an iCalendar file.")
    Path ics;
    @Mixin
    SensorOptions sensorOptions;
    @Mixin
    PlaceOptions placeOptions;
    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        Times.Span span = spanOptions.span();
        if (objects.norad == null || objects.norad.isEmpty()) {
            throw new InputException(null, "--norad", "name the adversary imaging satellites");
        }
        var sensors = sensorOptions.sensors();
        var targets = placeOptions.targets();
        List<ElementSet> adversaries = objects.selected();
        Map<Integer, String> names = adversaries.stream()
                .collect(Collectors.toMap(ElementSet::noradId, ElementSet::label, (a, b) -> a, TreeMap::new));
        Ephemerides sky = Skies.sample(adversaries, span, objects.loaded().data());
        List<Coverage> schedule = WarningSchedule.compute(sky, targets, sensors, Runtime.getRuntime().availableProcessors());

        ICalendar calendar = new ICalendar(Instant.now());
        try (RowWriter out = new RowWriter(List.of(Column.text("target", 22), Column.text("status", 10),
                Column.text("start_utc", 24), Column.text("end_utc", 24), Column.number("duration_min", 12, 1),
                Column.text("satellites", 30)), format.format, System.out)) {
            for (Coverage c : schedule) {
                int n = 0;
                for (Coverage.Period p : c.periods()) {
                    String who = p.objects().stream().sorted().map(names::get).collect(Collectors.joining("; "));
                    out.row(c.targetName(), "OBSERVABLE", Instants.seconds(p.start()), Instants.seconds(p.end()),
                            p.durationSeconds() / 60, who);
                    calendar.add(new ICalendar.Event(uid(c, "obs", n++), p.start(), p.end(),
                            "OBSERVABLE: " + c.targetName(), "Can be imaged by " + who + " (" + sensorSummary() + ")."));
                }
                for (Coverage.Gap g : c.gaps()) {
                    out.row(c.targetName(), "SAFE", Instants.seconds(g.start()), Instants.seconds(g.end()),
                            g.durationSeconds() / 60, "");
                    calendar.add(new ICalendar.Event(uid(c, "safe", n++), g.start(), g.end(), "SAFE: " + c.targetName(),
                            "No listed satellite can image " + c.targetName() + "."));
                }
            }
        }
        if (ics != null) {
            try {
                Files.writeString(ics, calendar.render(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(SourceLocation.of(ics.toString()), "--ics", "cannot be written: " + e.getMessage());
            }
            System.err.println("spacettx: wrote " + ics);
        }
        return 0;
    }

    private String sensorSummary() {
        return sensorOptions.spec + (sensorOptions.annotations == null ? "" : ", or per " + sensorOptions.annotations);
    }

    private static String uid(Coverage c, String kind, int n) {
        return Integer.toHexString(c.targetName().hashCode()) + "-" + kind + "-" + n + "-"
                + c.periods().stream().findFirst().map(p -> Long.toString(p.start().getEpochSecond())).orElse("0");
    }
}
