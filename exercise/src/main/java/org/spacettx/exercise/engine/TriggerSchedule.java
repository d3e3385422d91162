package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.access.OverflightFinder;
import org.spacettx.orbit.access.Pass;
import org.spacettx.orbit.access.PassFinder;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.access.Topocentric;
import org.spacettx.orbit.access.Window;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.CloseApproachFinder;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * When each inject of a scenario will be released if nobody intervenes: scenario times for time triggers, and for
 * orbital triggers the times the orbital engine computes (first overflight, pass, launch, close approach, predicted
 * conjunction). Manual
 * and answer-dependent injects have no time here; injects waiting on those inherit that.
 */
public final class TriggerSchedule {

    /** An inject's scheduled release, or empty with the reason it has none. */
    public record Entry(Inject inject, Optional<Instant> time, String basis) {
    }

    private final Map<Integer, Entry> entries;
    private final Ephemerides sky;

    private TriggerSchedule(Map<Integer, Entry> entries, Ephemerides sky) {
        this.entries = entries;
        this.sky = sky;
    }

    /** The space picture of the scenario, sampled over its whole span (shared with the schedule's searches). */
    public Ephemerides sky() {
        return sky;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Instant> timeOf(int injectNumber) {
        Entry e = entries.get(injectNumber);
        return e == null ? Optional.empty() : e.time();
    }

    public static TriggerSchedule compute(Scenario scenario, OrekitData data) {
        List<Sgp4> objects = new ArrayList<>();
        for (SpaceObject o : scenario.objects()) {
            objects.add(Sgp4.of(o.elements(), data));
        }
        Ephemerides sky = Ephemerides.sample(objects, scenario.start(), scenario.end(), Duration.ofSeconds(60),
                Runtime.getRuntime().availableProcessors(), data);
        Map<String, Ephemeris> byId = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            byId.put(scenario.objects().get(i).id(), sky.objects().get(i));
        }
        Map<Integer, Entry> entries = new LinkedHashMap<>();
        for (Inject inject : scenario.injects()) {
            entries.put(inject.number(), direct(scenario, inject, sky, byId, data));
        }
        // Chains of after_inject triggers (validation has excluded cycles): resolve until nothing changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Inject inject : scenario.injects()) {
                if (inject.trigger() instanceof Trigger.AfterInject after && entries.get(inject.number()).time().isEmpty()) {
                    Entry other = entries.get(after.inject());
                    if (other != null && other.time().isPresent()) {
                        entries.put(inject.number(), new Entry(inject, Optional.of(other.time().get().plus(after.delay())),
                                after.delay().toMinutes() + " min after inject " + after.inject()));
                        changed = true;
                    }
                }
            }
        }
        return new TriggerSchedule(entries, sky);
    }

    private static Entry direct(Scenario scenario, Inject inject, Ephemerides sky, Map<String, Ephemeris> byId,
                                OrekitData data) {
        return switch (inject.trigger()) {
            case Trigger.AtTime at -> new Entry(inject, Optional.of(at.time()), "scenario time");
            case Trigger.Manual m -> new Entry(inject, Optional.empty(), "released by control");
            case Trigger.OnAnswer a -> new Entry(inject, Optional.empty(),
                    "when " + a.cell() + "'s answer to " + a.question() + " is " + a.condition());
            case Trigger.AfterInject a -> new Entry(inject, Optional.empty(),
                    "after inject " + a.inject() + ", which has no scheduled time");
            case Trigger.Launch l -> {
                SpaceObject o = scenario.object(l.object()).orElseThrow();
                yield new Entry(inject, Optional.ofNullable(o.launchTime()), "launch of " + o.elements().name());
            }
            case Trigger.FirstOverflight f -> {
                SpaceObject o = scenario.object(f.object()).orElseThrow();
                Target target = scenario.sites().containsKey(f.place()) ? Target.of(scenario.sites().get(f.place()))
                        : Target.of(scenario.areas().get(f.place()), Target.DEFAULT_SPACING_KM);
                Sensor sensor = o.sensorSpec().isEmpty() ? Sensor.parse("elevation:0") : Sensor.parse(o.sensorSpec());
                Instant after = later(f.after(), o.inOrbitFrom());
                Optional<Instant> time = OverflightFinder.find(sky, byId.get(f.object()), target, sensor).stream()
                        .map(Window::start).filter(t -> !t.isBefore(after)).findFirst();
                yield new Entry(inject, time, "first overflight of " + f.place() + " by " + o.elements().name()
                        + " (" + sensor + ")" + (time.isEmpty() ? ": none before the scenario ends" : ""));
            }
            case Trigger.Pass p -> {
                SpaceObject o = scenario.object(p.object()).orElseThrow();
                Instant after = later(p.after(), o.inOrbitFrom());
                Optional<Instant> time = PassFinder.find(sky, byId.get(p.object()),
                                new Topocentric(scenario.sites().get(p.site())), p.minElevationDeg()).stream()
                        .filter(x -> !x.risesBeforeSpan()).map(Pass::rise).filter(t -> !t.isBefore(after)).findFirst();
                yield new Entry(inject, time, "first pass of " + o.elements().name() + " over " + p.site() + " above "
                        + p.minElevationDeg() + " deg" + (time.isEmpty() ? ": none before the scenario ends" : ""));
            }
            case Trigger.Conjunction c -> conjunction(scenario, inject, c, data);
            case Trigger.CloseApproach c -> {
                SpaceObject a = scenario.object(c.object()).orElseThrow();
                SpaceObject b = scenario.object(c.other()).orElseThrow();
                Instant after = later(later(c.after(), a.inOrbitFrom()), b.inOrbitFrom());
                double afterSeconds = Duration.between(sky.start(), after).toNanos() / 1e9;
                Optional<Instant> time = CloseApproachFinder.first(sky, byId.get(c.object()), byId.get(c.other()),
                        c.belowKm() * 1000, afterSeconds);
                yield new Entry(inject, time, a.elements().name() + " within " + c.belowKm() + " km of " + b.elements().name()
                        + (time.isEmpty() ? ": no such approach before the scenario ends" : ""));
            }
        };
    }

    /**
     * Screens the trigger's object against the scenario's other objects (or the one named) from {@code after} to
     * the scenario's end; the first approach whose partner is in orbit by then decides.
     */
    private static Entry conjunction(Scenario scenario, Inject inject, Trigger.Conjunction c, OrekitData data) {
        SpaceObject primary = scenario.object(c.object()).orElseThrow();
        Instant after = later(later(c.after(), primary.inOrbitFrom()), scenario.start());
        Map<Integer, SpaceObject> byNorad = new HashMap<>();
        List<ElementSet> sets = new ArrayList<>();
        for (SpaceObject o : scenario.objects()) {
            if (o == primary || c.with().isEmpty() || o.id().equals(c.with())) {
                byNorad.put(o.elements().noradId(), o);
                sets.add(o.elements());
            }
        }
        String label = primary.elements().name() + (c.with().isEmpty() ? " with any scenario object"
                : " with " + scenario.object(c.with()).orElseThrow().elements().name());
        if (sets.size() < 2 || !after.isBefore(scenario.end())) {
            return new Entry(inject, Optional.empty(), "conjunction of " + label + ": nothing to screen");
        }
        List<Conjunction> found = Screening.run(sets, new Screening.Request(after, scenario.end(), c.belowKm(),
                Set.of(primary.elements().noradId()), 60, Runtime.getRuntime().availableProcessors(),
                Screening.Propagator.FAST, null), data, null).conjunctions();
        for (Conjunction x : found) {
            SpaceObject other = byNorad.get(x.noradB());
            if (other.inOrbitFrom() != null && x.tca().isBefore(other.inOrbitFrom())) {
                continue;
            }
            Instant release = later(x.tca().minus(c.lead()), after);
            return new Entry(inject, Optional.of(release), String.format(java.util.Locale.ROOT,
                    "conjunction of %s with %s: closest approach %s, miss %.2f km at %.1f m/s, released %d h before",
                    primary.elements().name(), other.elements().name(), x.tca().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    x.missKm(), x.relativeSpeedKmS() * 1000,
                    c.lead().toHours()));
        }
        return new Entry(inject, Optional.empty(), "conjunction of " + label + " within " + c.belowKm()
                + " km: none before the scenario ends");
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
